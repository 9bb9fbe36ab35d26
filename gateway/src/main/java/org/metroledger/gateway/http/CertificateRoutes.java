package org.metroledger.gateway.http;

import static org.metroledger.gateway.auth.BearerAuthentication.caller;
import static org.metroledger.gateway.http.LedgerAnswers.created;
import static org.metroledger.gateway.http.LedgerAnswers.onContext;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.Optional;
import org.metroledger.chaincode.certificate.CertificateContract.VerificationRequest;
import org.metroledger.chaincode.certificate.CertificateIds;
import org.metroledger.gateway.contracts.Answer;
import org.metroledger.gateway.contracts.Certificates;
import org.metroledger.gateway.contracts.Contracts;
import org.metroledger.gateway.contracts.Verification;
import org.metroledger.gateway.failure.ApiCode;
import org.metroledger.gateway.failure.ApiFailure;
import org.metroledger.gateway.identity.Member;
import org.metroledger.gateway.ledger.Ledger;
import org.metroledger.gateway.ledger.LedgerException;

/** Issuing, superseding, revoking and verifying certificates, and an instrument's current verdict. */
final class CertificateRoutes implements RouteGroup {
    private final Contracts contracts;
    private final Certificates certificates;
    private final Member reader;
    private final Ledger ledger;
    private VerificationCache verifications;

    CertificateRoutes(Contracts contracts, Member reader) {
        this.contracts = contracts;
        this.certificates = contracts.certificates();
        this.reader = reader;
        this.ledger = contracts.ledger();
    }

    @Override
    public void register(Api api) {
        // Follows the ledger's writes from start: built when the routes are, not before.
        verifications = new VerificationCache(ledger);
        api.on("issueCertificate", ctx -> created(ctx, certificates.issue(caller(ctx), Requests.body(ctx))));
        api.on("issueCertificates", ctx -> CertificateBatches.issue(certificates, ctx));
        api.on(
                "revokeCertificate",
                ctx -> created(ctx, certificates.revoke(caller(ctx), Requests.bodyWith(ctx, "id", "id"))));
        api.on(
                "supersedeCertificate",
                ctx -> created(ctx, certificates.supersede(caller(ctx), Requests.bodyWith(ctx, "previous", "id"))));
        api.on("getCertificate", ctx -> LedgerAnswers.read(ctx, certificates.get(reader, ctx.pathParam("id"))));
        api.on("findCertificate", ctx -> {
            String identifier = ctx.queryParams().get("uniqueIdentifier");
            onContext(ctx, certificates.get(reader, CertificateIds.fromIdentifier(identifier)))
                    .map(answer -> named(answer, identifier))
                    .onSuccess(json -> LedgerAnswers.json(ctx, 200, json))
                    .onFailure(ctx::fail);
        });
        api.on(
                "verifyCertificate",
                ctx -> verificationJson(ctx, ctx.pathParam("id"))
                        .onSuccess(json -> LedgerAnswers.json(ctx, 200, json))
                        .onFailure(ctx::fail));
        api.on("getInstrument", ctx -> {
            String id = ctx.pathParam("id");
            Future<String> instrument = onContext(ctx, contracts.registry().getInstrument(reader, id))
                    .map(Answer::json);
            instrument
                    .compose(found -> currentVerification(ctx, id))
                    .onSuccess(verification -> LedgerAnswers.json(
                            ctx,
                            200,
                            "{\"instrument\":" + instrument.result() + ",\"certificate\":"
                                    + (verification == null ? "null" : verification.json()) + "}"))
                    .onFailure(ctx::fail);
        });
    }

    /**
     * The certificate when it is the one the identifier names: recorded with that uniqueIdentifier,
     * or without one under the identifier itself as id. Another certificate whose id happens to be
     * the derived one (a lab wrote a derived id as its own identifier) is not it.
     */
    private static String named(Answer<?> answer, String identifier) {
        JsonNode certificate = answer.tree();
        JsonNode recorded = certificate.get("uniqueIdentifier");
        boolean same = recorded == null || recorded.isNull()
                ? identifier.equals(certificate.path("id").asText(null))
                : recorded.asText().equals(identifier);
        if (!same) {
            throw ApiFailure.of(ApiCode.NOT_FOUND, "no certificate has uniqueIdentifier '" + identifier + "'");
        }
        return answer.json();
    }

    /**
     * The verification answer as JSON. A consumer's scan names no instant: it is verified as of the
     * ledger's "now", and an answer that still holds then is reused until a block writes a key it
     * read.
     */
    private Future<String> verificationJson(RoutingContext ctx, String id) {
        String digest = ctx.queryParams().get("digest");
        String at = ctx.queryParams().get("at");
        if (at != null || !verifications.following()) {
            return onContext(ctx, certificates.verify(reader, new VerificationRequest(id, digest, at)))
                    .map(Verification::json);
        }
        Instant now = ledger.clock().instant();
        Optional<String> known = verifications.find(id, digest, now, ledger.height());
        if (known.isPresent()) {
            return Future.succeededFuture(known.get());
        }
        return onContext(ctx, certificates.verifyTracked(reader, new VerificationRequest(id, digest, now.toString())))
                .map(verification -> {
                    JsonNode stableUntil = verification.tree().get("stableUntil");
                    verifications.remember(
                            id,
                            digest,
                            now,
                            stableUntil == null || stableUntil.isNull() ? null : stableUntil.asText(),
                            verification.read().orElseThrow(),
                            verification.json());
                    return verification.json();
                });
    }

    /** The verification of the instrument's current certificate, or null when it has none. */
    private Future<Verification> currentVerification(RoutingContext ctx, String instrument) {
        return onContext(ctx, certificates.current(reader, instrument))
                .compose(current -> onContext(
                        ctx,
                        certificates.verify(
                                reader,
                                new VerificationRequest(
                                        current.tree().path("id").asText(),
                                        ctx.queryParams().get("digest"),
                                        ctx.queryParams().get("at")))))
                .recover(failure -> failure instanceof LedgerException e && e.code() == ApiCode.NOT_FOUND
                        ? Future.succeededFuture(null)
                        : Future.failedFuture(failure));
    }
}
