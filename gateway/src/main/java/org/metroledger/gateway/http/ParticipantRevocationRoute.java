package org.metroledger.gateway.http;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.metroledger.chaincode.error.ErrorCode;
import org.metroledger.gateway.auth.BearerAuthentication;
import org.metroledger.gateway.identity.Member;
import org.metroledger.gateway.ledger.Committed;
import org.metroledger.gateway.ledger.Ledger;
import org.metroledger.gateway.ledger.LedgerException;

/**
 * {@code POST /participants/{id}/revocation}: a centre admin takes a participant of its region out
 * of the network. In this order, so that nothing is half done that a repeat cannot finish:
 * <ol>
 *   <li>the ledger simulates the revocation as the caller (role, region, existence, not revoked
 *       already), committing nothing;
 *   <li>the participant's certificate is revoked at its organisation's CA and the CA's CRL becomes
 *       the network's ({@link Ledger#revokeCertificate}): from here on no node accepts it;
 *   <li>the revocation is committed to the participant's record.
 * </ol>
 * A repeat after a failure in step 3 finds the certificate revoked already (step 2 only re-reads the
 * CRL) and commits.
 */
final class ParticipantRevocationRoute {
    private static final String FUNCTION = "registry:RevokeParticipant";

    private ParticipantRevocationRoute() {}

    static void handle(Api api, RoutingContext ctx) {
        Member caller = BearerAuthentication.caller(ctx);
        JsonObject body = ctx.body().asJsonObject();
        String reasonCode = body.getString("reasonCode", "unspecified");
        String request = Requests.of("id", ctx.pathParam("id"), "reason", body.getValue("reason"));
        Ledger ledger = api.services().ledger();
        Member reader = api.services().publicReader();
        CompletableFuture<Committed> revoked = ledger.evaluate(caller, FUNCTION, List.of(request))
                .thenCompose(dryRun -> ledger.evaluate(
                        reader, "registry:GetParticipant", List.of(Requests.of("id", ctx.pathParam("id")))))
                .thenCompose(participant -> {
                    JsonObject record = new JsonObject(participant);
                    String serial = record.getString("certificateSerial");
                    if (serial == null) {
                        throw new LedgerException(
                                ErrorCode.CONFLICT,
                                "participant " + record.getString("id") + " was registered before certificate serials"
                                        + " were recorded: revoke its certificate at its CA by hand");
                    }
                    return ledger.revokeCertificate(record.getString("msp"), serial, reasonCode);
                })
                .thenCompose(done -> ledger.submit(caller, FUNCTION, List.of(request)));
        LedgerAnswers.onContext(ctx, revoked)
                .onSuccess(committed -> LedgerAnswers.json(ctx, 201, LedgerAnswers.created(committed)))
                .onFailure(ctx::fail);
    }
}
