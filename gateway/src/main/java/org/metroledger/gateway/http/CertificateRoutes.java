package org.metroledger.gateway.http;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.metroledger.chaincode.certificate.CertificateIds;
import org.metroledger.chaincode.error.ErrorCode;
import org.metroledger.gateway.ledger.Ledger;
import org.metroledger.gateway.ledger.LedgerException;

/** Issuing, superseding, revoking and verifying certificates, and an instrument's current verdict. */
final class CertificateRoutes implements RouteGroup {
    private VerificationCache verifications;

    @Override
    public void register(Api api) {
        verifications = new VerificationCache(api.services().ledger());
        LedgerAnswers answers = api.answers();
        api.on("issueCertificate", ctx -> answers.submit(ctx, "certificate:Issue", Requests.body(ctx)));
        api.on("issueCertificates", ctx -> CertificateBatches.issue(api, ctx));
        api.on(
                "revokeCertificate",
                ctx -> answers.submit(ctx, "certificate:Revoke", Requests.bodyWith(ctx, "id", "id")));
        api.on(
                "supersedeCertificate",
                ctx -> answers.submit(ctx, "certificate:Supersede", Requests.bodyWith(ctx, "previous", "id")));
        api.on(
                "getCertificate",
                ctx -> answers.evaluatePublic(ctx, "certificate:Get", Requests.of("id", ctx.pathParam("id"))));
        api.on("findCertificate", ctx -> {
            String identifier = ctx.queryParams().get("uniqueIdentifier");
            answers.evaluate(
                            ctx,
                            api.services().publicReader(),
                            "certificate:Get",
                            Requests.of("id", CertificateIds.fromIdentifier(identifier)))
                    .map(json -> named(json, identifier))
                    .onSuccess(json -> LedgerAnswers.json(ctx, 200, json))
                    .onFailure(ctx::fail);
        });
        api.on(
                "verifyCertificate",
                ctx -> verificationJson(api, ctx, ctx.pathParam("id"))
                        .onSuccess(json -> LedgerAnswers.json(ctx, 200, json))
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
     * The certificate when it is the one the identifier names: recorded with that uniqueIdentifier,
     * or without one under the identifier itself as id. Another certificate whose id happens to be
     * the derived one (a lab wrote a derived id as its own identifier) is not it.
     */
    private static String named(String json, String identifier) {
        JsonObject certificate = new JsonObject(json);
        String recorded = certificate.getString("uniqueIdentifier");
        boolean same = recorded == null ? identifier.equals(certificate.getString("id")) : recorded.equals(identifier);
        if (!same) {
            throw ApiFailure.of(ErrorCode.NOT_FOUND, "no certificate has uniqueIdentifier '" + identifier + "'");
        }
        return json;
    }

    /**
     * The verification answer as JSON. A consumer's scan names no instant: it is verified as of the
     * ledger's "now", and an answer that still holds then is reused until a block writes a key it
     * read.
     */
    private Future<String> verificationJson(Api api, RoutingContext ctx, String id) {
        Ledger ledger = api.services().ledger();
        String digest = ctx.queryParams().get("digest");
        if (ctx.queryParams().get("at") != null || !verifications.following()) {
            return verification(api, ctx, id, ctx.queryParams().get("at")).map(JsonObject::encode);
        }
        Instant at = ledger.clock().instant();
        Optional<String> known = verifications.find(id, digest, at, ledger.height());
        if (known.isPresent()) {
            return Future.succeededFuture(known.get());
        }
        String request = Requests.of("id", id, "digest", digest, "at", at.toString());
        return LedgerAnswers.onContext(
                        ctx,
                        ledger.evaluateTracked(api.services().publicReader(), "certificate:Verify", List.of(request)))
                .compose(read -> withBlockNumber(api, ctx, new JsonObject(read.payload()))
                        .map(report -> {
                            String json = report.encode();
                            verifications.remember(id, digest, at, report.getString("stableUntil"), read, json);
                            return json;
                        }));
    }

    /**
     * The chaincode's verification report with the ledger evidence completed by the block number of
     * the transaction that last wrote the certificate.
     */
    static Future<JsonObject> verification(Api api, RoutingContext ctx, String id) {
        return verification(api, ctx, id, ctx.queryParams().get("at"));
    }

    private static Future<JsonObject> verification(Api api, RoutingContext ctx, String id, String at) {
        String request = Requests.of("id", id, "digest", ctx.queryParams().get("digest"), "at", at);
        return api.answers()
                .evaluate(ctx, api.services().publicReader(), "certificate:Verify", request)
                .map(JsonObject::new)
                .compose(report -> withBlockNumber(api, ctx, report));
    }

    /** Completes the report's ledger evidence with the block of the certificate's last write. */
    private static Future<JsonObject> withBlockNumber(Api api, RoutingContext ctx, JsonObject report) {
        JsonObject evidence = report.getJsonObject("evidence");
        if (evidence == null || evidence.getString("txId") == null) {
            return Future.succeededFuture(report);
        }
        return LedgerAnswers.onContext(ctx, api.services().ledger().blockNumberOf(evidence.getString("txId")))
                .map(block -> {
                    block.ifPresent(n -> evidence.put("blockNumber", n));
                    return report;
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
