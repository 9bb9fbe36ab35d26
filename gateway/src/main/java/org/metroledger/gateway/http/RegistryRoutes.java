package org.metroledger.gateway.http;

import static org.metroledger.gateway.auth.BearerAuthentication.caller;
import static org.metroledger.gateway.http.LedgerAnswers.created;
import static org.metroledger.gateway.http.LedgerAnswers.read;
import static org.metroledger.gateway.http.Requests.body;
import static org.metroledger.gateway.http.Requests.bodyWith;

import org.metroledger.gateway.contracts.Engagements;
import org.metroledger.gateway.contracts.Registry;
import org.metroledger.gateway.identity.Member;

/** Regions, participants, labs, entities, standards and instruments (registry contract). */
final class RegistryRoutes implements RouteGroup {
    private final GatewayServices services;

    /** The registry and engagement contracts; enrolling and revoking participants use the wallet and tokens too. */
    RegistryRoutes(GatewayServices services) {
        this.services = services;
    }

    @Override
    public void register(Api api) {
        Registry registry = services.contracts().registry();
        Engagements engagements = services.contracts().engagements();
        Member reader = services.publicReader();
        api.on("registerRegion", ctx -> created(ctx, registry.registerRegion(caller(ctx), body(ctx))));
        api.on("registerParticipant", ctx -> ParticipantRegistrationRoute.handle(services, ctx));
        api.on("revokeParticipant", ctx -> ParticipantRevocationRoute.handle(services, ctx));
        api.on("registerLab", ctx -> created(ctx, registry.registerLab(caller(ctx), body(ctx))));
        api.on("setLabStatus", ctx -> created(ctx, registry.setLabStatus(caller(ctx), bodyWith(ctx, "id", "id"))));
        api.on("registerEntity", ctx -> created(ctx, registry.registerEntity(caller(ctx), body(ctx))));
        api.on("registerStandard", ctx -> created(ctx, registry.registerStandard(caller(ctx), body(ctx))));
        api.on("registerInstrument", ctx -> created(ctx, registry.registerInstrument(caller(ctx), body(ctx))));
        api.on("getRegion", ctx -> read(ctx, registry.getRegion(reader, ctx.pathParam("id"))));
        api.on("getLab", ctx -> read(ctx, registry.getLab(reader, ctx.pathParam("id"))));
        api.on("getEntity", ctx -> read(ctx, registry.getEntity(reader, ctx.pathParam("id"))));
        api.on("getStandard", ctx -> read(ctx, registry.getStandard(reader, ctx.pathParam("id"))));
        api.on(
                "renewAccreditation",
                ctx -> created(ctx, registry.renewAccreditation(caller(ctx), bodyWith(ctx, "id", "id"))));
        api.on(
                "grantAuthorisation",
                ctx -> created(ctx, registry.grantAuthorisation(caller(ctx), bodyWith(ctx, "lab", "id"))));
        api.on("registerLabKey", ctx -> created(ctx, registry.registerLabKey(caller(ctx), bodyWith(ctx, "id", "id"))));
        api.on("requestEngagement", ctx -> created(ctx, engagements.request(caller(ctx), body(ctx))));
        api.on("withdrawEngagement", ctx -> created(ctx, engagements.withdraw(caller(ctx), bodyWith(ctx, "id", "id"))));
        api.on("getEngagement", ctx -> read(ctx, engagements.get(reader, ctx.pathParam("id"))));
        api.on("whoAmI", ctx -> read(ctx, registry.whoAmI(caller(ctx))));
    }
}
