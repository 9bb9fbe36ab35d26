package org.metroledger.gateway.http;

/** Cross-recognition agreements between regions and their answers for one certificate. */
final class RecognitionRoutes implements RouteGroup {
    @Override
    public void register(Api api) {
        LedgerAnswers answers = api.answers();
        api.on("proposeAgreement", ctx -> answers.submit(ctx, "recognition:Propose", Requests.body(ctx)));
        api.on("acceptAgreement", ctx -> answers.submit(ctx, "recognition:Accept", Requests.bodyWith(ctx, "id", "id")));
        api.on(
                "getAgreement",
                ctx -> answers.evaluatePublic(ctx, "recognition:Get", Requests.of("id", ctx.pathParam("id"))));
        api.on(
                "evaluateRecognition",
                ctx -> answers.evaluatePublic(
                        ctx,
                        "recognition:Evaluate",
                        Requests.of(
                                "certificateId",
                                ctx.pathParam("id"),
                                "region",
                                ctx.queryParams().get("region"))));
        api.on(
                "recordRecognition",
                ctx -> answers.submit(
                        ctx, "recognition:RecordAcceptance", Requests.bodyWith(ctx, "certificateId", "id")));
    }
}
