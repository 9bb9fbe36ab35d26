package org.metroledger.gateway.http;

/**
 * Random inspection draws (双随机、一公开): create, commit and reveal seeds, confirm and post seed
 * shares, cancel, publish, results; and the centres' share keys.
 */
final class DrawRoutes implements RouteGroup {
    @Override
    public void register(Api api) {
        LedgerAnswers answers = api.answers();
        api.on("createDraw", ctx -> answers.submit(ctx, "inspection:Create", Requests.body(ctx)));
        api.on(
                "commitDrawSeed",
                ctx -> answers.submit(ctx, "inspection:CommitSeed", Requests.bodyWith(ctx, "drawId", "id")));
        api.on(
                "revealDrawSeed",
                ctx -> answers.submit(ctx, "inspection:RevealSeed", Requests.bodyWith(ctx, "drawId", "id")));
        api.on(
                "confirmDrawShares",
                ctx -> answers.submit(ctx, "inspection:ConfirmShares", Requests.bodyWith(ctx, "drawId", "id")));
        api.on(
                "postDrawShares",
                ctx -> answers.submit(ctx, "inspection:PostShares", Requests.bodyWith(ctx, "drawId", "id")));
        api.on("cancelDraw", ctx -> answers.submit(ctx, "inspection:Cancel", Requests.bodyWith(ctx, "drawId", "id")));
        api.on("publishDraw", ctx -> answers.submit(ctx, "inspection:Publish", Requests.bodyWith(ctx, "drawId", "id")));
        api.on(
                "recordDrawResult",
                ctx -> answers.submit(ctx, "inspection:RecordResult", Requests.bodyWith(ctx, "drawId", "id")));
        api.on("getDraw", ctx -> answers.evaluatePublic(ctx, "inspection:Get", Requests.of("id", ctx.pathParam("id"))));
        api.on("registerDrawShareKey", ctx -> answers.submit(ctx, "inspection:RegisterShareKey", Requests.body(ctx)));
        api.on(
                "getDrawShareKey",
                ctx -> answers.evaluatePublic(ctx, "inspection:GetShareKey", Requests.of("msp", ctx.pathParam("msp"))));
    }
}
