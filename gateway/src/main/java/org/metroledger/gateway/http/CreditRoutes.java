package org.metroledger.gateway.http;

import io.vertx.core.json.JsonObject;

/** Integrity commitments, credit events and ratings. */
final class CreditRoutes implements RouteGroup {
    @Override
    public void register(Api api) {
        LedgerAnswers answers = api.answers();
        api.on("publishCommitment", ctx -> answers.submit(ctx, "commitment:Publish", Requests.body(ctx)));
        api.on(
                "withdrawCommitment",
                ctx -> answers.submit(ctx, "commitment:Withdraw", Requests.bodyWith(ctx, "id", "id")));
        api.on("recordCreditEvent", ctx -> answers.submit(ctx, "credit:RecordEvent", Requests.body(ctx)));
        api.on(
                "repairCreditEvent",
                ctx -> answers.submit(ctx, "credit:RepairEvent", Requests.bodyWith(ctx, "id", "id")));
        api.on(
                "entityCredit",
                ctx -> answers.evaluate(
                                ctx,
                                api.services().publicReader(),
                                "credit:Rating",
                                Requests.of("entity", ctx.pathParam("id")))
                        .map(JsonObject::new)
                        .onSuccess(rating -> {
                            // The itemised events are for inspectors (credit/history); the public sees the outcome.
                            rating.remove("contributions");
                            LedgerAnswers.json(ctx, 200, rating.encode());
                        })
                        .onFailure(ctx::fail));
        api.on(
                "entityCreditHistory",
                ctx -> answers.evaluateAsCaller(ctx, "credit:History", Requests.of("entity", ctx.pathParam("id"))));
    }
}
