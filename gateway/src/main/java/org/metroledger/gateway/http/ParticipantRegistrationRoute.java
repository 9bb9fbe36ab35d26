package org.metroledger.gateway.http;

import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.CompletableFuture;
import org.metroledger.gateway.auth.BearerAuthentication;
import org.metroledger.gateway.contracts.Registry;
import org.metroledger.gateway.contracts.Request;
import org.metroledger.gateway.failure.ApiCode;
import org.metroledger.gateway.failure.ApiFailure;
import org.metroledger.gateway.identity.Member;
import org.metroledger.gateway.identity.NodeOu;

/**
 * {@code POST /participants}. With a {@code certificate}, the participant holds its own key and only
 * the ledger record is written. Without one, the gateway enrols the identity at the caller's
 * organisation's CA (on Fabric its Fabric CA, registered by the centre's Admin; embedded the
 * embedded CA), keeps the key in its wallet (one owner-only file per identity) under the
 * participant id, records the participant with that certificate, and answers a bearer token for it,
 * which the centre admin hands to the participant. A repeat after a failed commit reuses the
 * identity in the wallet.
 */
final class ParticipantRegistrationRoute {
    private ParticipantRegistrationRoute() {}

    static void handle(GatewayServices services, RoutingContext ctx) {
        JsonObject body = ctx.body().asJsonObject();
        Registry registry = services.contracts().registry();
        if (body.containsKey("certificate")) {
            LedgerAnswers.created(
                    ctx, registry.registerParticipant(BearerAuthentication.caller(ctx), Request.sent(body.encode())));
            return;
        }
        Member caller = BearerAuthentication.caller(ctx);
        String id = body.getString("id");
        NodeOu ou = "CENTRE_ADMIN".equals(body.getString("role")) ? NodeOu.ADMIN : NodeOu.CLIENT;
        CompletableFuture<JsonObject> registered = registry.whoAmI(caller)
                // Only a centre admin has an identity enrolled; the contract checks the rest at commit.
                .thenApplyAsync(whoAmI -> {
                    if (!"CENTRE_ADMIN".equals(whoAmI.tree().path("role").asText())) {
                        throw ApiFailure.of(
                                ApiCode.FORBIDDEN, "only a centre admin registers participants of " + caller.mspId());
                    }
                    try {
                        return services.wallet().findOrIssue(caller.mspId(), id, ou);
                    } catch (IllegalArgumentException e) {
                        throw ApiFailure.of(ApiCode.INVALID_ARGUMENT, "id: " + e.getMessage());
                    }
                })
                .thenCompose(member -> registry.registerParticipant(
                                caller,
                                Request.sent(body.copy()
                                        .put("certificate", member.certificatePem())
                                        .encode()))
                        .thenApply(written -> new JsonObject(written.json())
                                .put("token", services.tokens().issue(member.mspId(), id))));
        LedgerAnswers.onContext(ctx, registered)
                .onSuccess(answer -> LedgerAnswers.json(ctx, 201, Json.encode(answer)))
                .onFailure(ctx::fail);
    }
}
