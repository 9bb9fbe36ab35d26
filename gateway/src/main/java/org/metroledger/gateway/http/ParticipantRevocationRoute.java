package org.metroledger.gateway.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.CompletableFuture;
import org.metroledger.chaincode.identity.Participant;
import org.metroledger.chaincode.registration.RegistryContract.ParticipantRevocation;
import org.metroledger.gateway.auth.BearerAuthentication;
import org.metroledger.gateway.contracts.Registry;
import org.metroledger.gateway.contracts.Request;
import org.metroledger.gateway.contracts.Written;
import org.metroledger.gateway.failure.ApiCode;
import org.metroledger.gateway.failure.ApiFailure;
import org.metroledger.gateway.identity.Member;
import org.metroledger.gateway.ledger.Ledger;

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
    private ParticipantRevocationRoute() {}

    static void handle(GatewayServices services, RoutingContext ctx) {
        Member caller = BearerAuthentication.caller(ctx);
        JsonObject body = ctx.body().asJsonObject();
        String reasonCode = body.getString("reasonCode", "unspecified");
        Request<ParticipantRevocation> request =
                Request.of(new ParticipantRevocation(ctx.pathParam("id"), body.getString("reason")));
        Ledger ledger = services.ledger();
        Registry registry = services.contracts().registry();
        Member reader = services.publicReader();
        CompletableFuture<Written<Participant>> revoked = registry.tryRevokeParticipant(caller, request)
                .thenCompose(dryRun -> registry.getParticipant(reader, ctx.pathParam("id")))
                .thenCompose(participant -> {
                    JsonNode record = participant.tree();
                    String serial = record.path("certificateSerial").asText(null);
                    if (serial == null) {
                        throw ApiFailure.of(
                                ApiCode.CONFLICT,
                                "participant " + record.path("id").asText() + " was registered before certificate"
                                        + " serials were recorded: revoke its certificate at its CA by hand");
                    }
                    return ledger.revokeCertificate(record.path("msp").asText(), serial, reasonCode);
                })
                .thenCompose(done -> registry.revokeParticipant(caller, request));
        LedgerAnswers.created(ctx, revoked);
    }
}
