package org.metroledger.gateway.http;

import static org.metroledger.gateway.auth.BearerAuthentication.caller;
import static org.metroledger.gateway.http.LedgerAnswers.created;
import static org.metroledger.gateway.http.Requests.bodyWith;

import org.metroledger.gateway.contracts.Inspections;
import org.metroledger.gateway.identity.Member;

/**
 * Random inspection draws (双随机、一公开): create, commit and reveal seeds, confirm and post seed
 * shares, cancel, publish, results; and the centres' share keys.
 */
final class DrawRoutes implements RouteGroup {
    private final Inspections draws;
    private final Member reader;

    DrawRoutes(Inspections draws, Member reader) {
        this.draws = draws;
        this.reader = reader;
    }

    @Override
    public void register(Api api) {
        api.on("createDraw", ctx -> created(ctx, draws.create(caller(ctx), Requests.body(ctx))));
        api.on("commitDrawSeed", ctx -> created(ctx, draws.commitSeed(caller(ctx), bodyWith(ctx, "drawId", "id"))));
        api.on("revealDrawSeed", ctx -> created(ctx, draws.revealSeed(caller(ctx), bodyWith(ctx, "drawId", "id"))));
        api.on(
                "confirmDrawShares",
                ctx -> created(ctx, draws.confirmShares(caller(ctx), bodyWith(ctx, "drawId", "id"))));
        api.on("postDrawShares", ctx -> created(ctx, draws.postShares(caller(ctx), bodyWith(ctx, "drawId", "id"))));
        api.on("cancelDraw", ctx -> created(ctx, draws.cancel(caller(ctx), bodyWith(ctx, "drawId", "id"))));
        api.on("publishDraw", ctx -> created(ctx, draws.publish(caller(ctx), bodyWith(ctx, "drawId", "id"))));
        api.on("recordDrawResult", ctx -> created(ctx, draws.recordResult(caller(ctx), bodyWith(ctx, "drawId", "id"))));
        api.on("getDraw", ctx -> LedgerAnswers.read(ctx, draws.get(reader, ctx.pathParam("id"))));
        api.on("registerDrawShareKey", ctx -> created(ctx, draws.registerShareKey(caller(ctx), Requests.body(ctx))));
        api.on("getDrawShareKey", ctx -> LedgerAnswers.read(ctx, draws.getShareKey(reader, ctx.pathParam("msp"))));
    }
}
