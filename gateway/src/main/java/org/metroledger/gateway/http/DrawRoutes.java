package org.metroledger.gateway.http;

/** Random inspection draws (双随机、一公开): create, commit and reveal seeds, publish, results. */
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
        api.on("publishDraw", ctx -> answers.submit(ctx, "inspection:Publish", Requests.bodyWith(ctx, "drawId", "id")));
        api.on(
                "recordDrawResult",
                ctx -> answers.submit(ctx, "inspection:RecordResult", Requests.bodyWith(ctx, "drawId", "id")));
        api.on("getDraw", ctx -> answers.evaluatePublic(ctx, "inspection:Get", Requests.of("id", ctx.pathParam("id"))));
    }
}
