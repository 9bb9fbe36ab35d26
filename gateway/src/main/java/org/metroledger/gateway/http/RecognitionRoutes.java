package org.metroledger.gateway.http;

import static org.metroledger.gateway.auth.BearerAuthentication.caller;
import static org.metroledger.gateway.http.LedgerAnswers.created;
import static org.metroledger.gateway.http.LedgerAnswers.read;

import org.metroledger.gateway.contracts.Recognitions;
import org.metroledger.gateway.identity.Member;

/** Cross-recognition agreements between regions and their answers for one certificate. */
final class RecognitionRoutes implements RouteGroup {
    private final Recognitions recognitions;
    private final Member reader;

    RecognitionRoutes(Recognitions recognitions, Member reader) {
        this.recognitions = recognitions;
        this.reader = reader;
    }

    @Override
    public void register(Api api) {
        api.on("proposeAgreement", ctx -> created(ctx, recognitions.propose(caller(ctx), Requests.body(ctx))));
        api.on(
                "acceptAgreement",
                ctx -> created(ctx, recognitions.accept(caller(ctx), Requests.bodyWith(ctx, "id", "id"))));
        api.on("getAgreement", ctx -> read(ctx, recognitions.get(reader, ctx.pathParam("id"))));
        api.on(
                "evaluateRecognition",
                ctx -> read(
                        ctx,
                        recognitions.evaluate(
                                reader, ctx.pathParam("id"), ctx.queryParams().get("region"), null)));
        api.on(
                "recordRecognition",
                ctx -> created(
                        ctx,
                        recognitions.recordAcceptance(caller(ctx), Requests.bodyWith(ctx, "certificateId", "id"))));
    }
}
