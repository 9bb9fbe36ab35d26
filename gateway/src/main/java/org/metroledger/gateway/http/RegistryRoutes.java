package org.metroledger.gateway.http;

/** Regions, participants, labs, entities, standards and instruments (registry contract). */
final class RegistryRoutes implements RouteGroup {
    @Override
    public void register(Api api) {
        LedgerAnswers answers = api.answers();
        api.on("registerRegion", ctx -> answers.submit(ctx, "registry:RegisterRegion", Requests.body(ctx)));
        api.on("registerParticipant", ctx -> ParticipantRegistrationRoute.handle(api, ctx));
        api.on("revokeParticipant", ctx -> ParticipantRevocationRoute.handle(api, ctx));
        api.on("registerLab", ctx -> answers.submit(ctx, "registry:RegisterLab", Requests.body(ctx)));
        api.on("setLabStatus", ctx -> answers.submit(ctx, "registry:SetLabStatus", Requests.bodyWith(ctx, "id", "id")));
        api.on("registerEntity", ctx -> answers.submit(ctx, "registry:RegisterEntity", Requests.body(ctx)));
        api.on("registerStandard", ctx -> answers.submit(ctx, "registry:RegisterStandard", Requests.body(ctx)));
        api.on("registerInstrument", ctx -> answers.submit(ctx, "registry:RegisterInstrument", Requests.body(ctx)));
        api.on(
                "getRegion",
                ctx -> answers.evaluatePublic(ctx, "registry:GetRegion", Requests.of("id", ctx.pathParam("id"))));
        api.on("getLab", ctx -> answers.evaluatePublic(ctx, "registry:GetLab", Requests.of("id", ctx.pathParam("id"))));
        api.on(
                "getEntity",
                ctx -> answers.evaluatePublic(ctx, "registry:GetEntity", Requests.of("id", ctx.pathParam("id"))));
        api.on(
                "getStandard",
                ctx -> answers.evaluatePublic(ctx, "registry:GetStandard", Requests.of("id", ctx.pathParam("id"))));
        api.on(
                "renewAccreditation",
                ctx -> answers.submit(ctx, "registry:RenewAccreditation", Requests.bodyWith(ctx, "id", "id")));
        api.on(
                "grantAuthorisation",
                ctx -> answers.submit(ctx, "registry:GrantAuthorisation", Requests.bodyWith(ctx, "lab", "id")));
        api.on(
                "registerLabKey",
                ctx -> answers.submit(ctx, "registry:RegisterLabKey", Requests.bodyWith(ctx, "id", "id")));
        api.on("requestEngagement", ctx -> answers.submit(ctx, "engagement:Request", Requests.body(ctx)));
        api.on(
                "withdrawEngagement",
                ctx -> answers.submit(ctx, "engagement:Withdraw", Requests.bodyWith(ctx, "id", "id")));
        api.on(
                "getEngagement",
                ctx -> answers.evaluatePublic(ctx, "engagement:Get", Requests.of("id", ctx.pathParam("id"))));
        api.on("whoAmI", ctx -> answers.evaluateAsCaller(ctx, "registry:WhoAmI", null));
    }
}
