package org.metroledger.gateway.http;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.metroledger.chaincode.error.ErrorCode;
import org.metroledger.gateway.ledger.LedgerException;

/** Issuing, superseding, revoking and verifying certificates, and an instrument's current verdict. */
final class CertificateRoutes implements RouteGroup {
    @Override
    public void register(Api api) {
        LedgerAnswers answers = api.answers();
        api.on("issueCertificate", ctx -> answers.submit(ctx, "certificate:Issue", Requests.body(ctx)));
        api.on(
                "revokeCertificate",
                ctx -> answers.submit(ctx, "certificate:Revoke", Requests.bodyWith(ctx, "id", "id")));
        api.on(
                "supersedeCertificate",
                ctx -> answers.submit(ctx, "certificate:Supersede", Requests.bodyWith(ctx, "previous", "id")));
        api.on(
                "getCertificate",
                ctx -> answers.evaluatePublic(ctx, "certificate:Get", Requests.of("id", ctx.pathParam("id"))));
        api.on(
                "verifyCertificate",
                ctx -> verification(api, ctx, ctx.pathParam("id"))
                        .onSuccess(report -> LedgerAnswers.json(ctx, 200, report.encode()))
                        .onFailure(ctx::fail));
        api.on("getInstrument", ctx -> {
            String id = ctx.pathParam("id");
            Future<JsonObject> instrument = answers.evaluate(
                            ctx, api.services().publicReader(), "registry:GetInstrument", Requests.of("id", id))
                    .map(JsonObject::new);
            instrument
                    .compose(found -> currentVerification(api, ctx, id))
                    .onSuccess(verification -> LedgerAnswers.json(
                            ctx,
                            200,
                            new JsonObject()
                                    .put("instrument", instrument.result())
                                    .put("certificate", verification)
                                    .encode()))
                    .onFailure(ctx::fail);
        });
    }

    /**
     * The chaincode's verification report with the ledger evidence completed by the block number of
     * the transaction that last wrote the certificate.
     */
    static Future<JsonObject> verification(Api api, RoutingContext ctx, String id) {
        String request = Requests.of(
                "id",
                id,
                "digest",
                ctx.queryParams().get("digest"),
                "at",
                ctx.queryParams().get("at"));
        return api.answers()
                .evaluate(ctx, api.services().publicReader(), "certificate:Verify", request)
                .map(JsonObject::new)
                .compose(report -> {
                    JsonObject evidence = report.getJsonObject("evidence");
                    if (evidence == null || evidence.getString("txId") == null) {
                        return Future.succeededFuture(report);
                    }
                    return LedgerAnswers.onContext(
                                    ctx, api.services().ledger().blockNumberOf(evidence.getString("txId")))
                            .map(block -> {
                                block.ifPresent(n -> evidence.put("blockNumber", n));
                                return report;
                            });
                });
    }

    /** The verification of the instrument's current certificate, or null when it has none. */
    private static Future<JsonObject> currentVerification(Api api, RoutingContext ctx, String instrument) {
        return api.answers()
                .evaluate(ctx, api.services().publicReader(), "certificate:Current", Requests.of("subject", instrument))
                .map(JsonObject::new)
                .compose(current -> verification(api, ctx, current.getString("id")))
                .recover(failure -> failure instanceof LedgerException e && e.code() == ErrorCode.NOT_FOUND
                        ? Future.succeededFuture(null)
                        : Future.failedFuture(failure));
    }
}
