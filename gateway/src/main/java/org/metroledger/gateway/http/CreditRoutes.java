package org.metroledger.gateway.http;

import io.vertx.core.json.JsonObject;
import java.util.List;
import org.metroledger.gateway.auth.BearerAuthentication;

/** Integrity commitments, credit events and ratings. */
final class CreditRoutes implements RouteGroup {
    private static final List<String> PUBLIC_RATING_FIELDS =
            List.of("entity", "at", "grade", "score", "policyVersion", "commitment", "samplingRatio");

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
                        .map(CreditRoutes::publicRating)
                        .onSuccess(rating -> LedgerAnswers.json(ctx, 200, rating.encode()))
                        .onFailure(ctx::fail));
        api.on(
                "entityCreditHistory",
                ctx -> answers.evaluate(
                                ctx,
                                BearerAuthentication.caller(ctx),
                                "credit:History",
                                Requests.of(
                                        "entity",
                                        ctx.pathParam("id"),
                                        "pageSize",
                                        Requests.wholeNumber(
                                                "pageSize", ctx.queryParams().get("pageSize")),
                                        "bookmark",
                                        Bookmarks.fromClient(ctx.queryParams().get("bookmark"))))
                        .map(JsonObject::new)
                        .onSuccess(page -> {
                            page.put("bookmark", Bookmarks.toClient(page.getString("bookmark")));
                            LedgerAnswers.json(ctx, 200, page.encode());
                        })
                        .onFailure(ctx::fail));
    }

    /**
     * The outcome of a rating, as the public may see it. Everything else the chaincode answers (each
     * event's contribution, the grade a severe event forced, the base score and bonus) is for
     * inspectors and centre admins through credit/history: fields are chosen, not removed, so a
     * field the chaincode adds later stays private until someone decides otherwise.
     */
    static JsonObject publicRating(String rating) {
        JsonObject all = new JsonObject(rating);
        JsonObject shown = new JsonObject();
        for (String field : PUBLIC_RATING_FIELDS) {
            shown.put(field, all.getValue(field));
        }
        return shown;
    }
}
