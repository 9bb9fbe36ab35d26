package org.metroledger.gateway.http;

import static org.metroledger.gateway.auth.BearerAuthentication.caller;
import static org.metroledger.gateway.http.LedgerAnswers.created;
import static org.metroledger.gateway.http.Requests.body;
import static org.metroledger.gateway.http.Requests.bodyWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.metroledger.chaincode.json.Canonical;
import org.metroledger.gateway.contracts.Answer;
import org.metroledger.gateway.contracts.Commitments;
import org.metroledger.gateway.contracts.Contracts;
import org.metroledger.gateway.contracts.Credit;
import org.metroledger.gateway.identity.Member;

/** Integrity commitments, credit events and ratings. */
final class CreditRoutes implements RouteGroup {
    private static final List<String> PUBLIC_RATING_FIELDS =
            List.of("entity", "at", "grade", "score", "policyVersion", "commitment", "samplingRatio");

    private final Contracts contracts;
    private final Member reader;

    CreditRoutes(Contracts contracts, Member reader) {
        this.contracts = contracts;
        this.reader = reader;
    }

    @Override
    public void register(Api api) {
        Commitments commitments = contracts.commitments();
        Credit credit = contracts.credit();
        api.on("publishCommitment", ctx -> created(ctx, commitments.publish(caller(ctx), body(ctx))));
        api.on("withdrawCommitment", ctx -> created(ctx, commitments.withdraw(caller(ctx), bodyWith(ctx, "id", "id"))));
        api.on("recordCreditEvent", ctx -> created(ctx, credit.recordEvent(caller(ctx), body(ctx))));
        api.on("repairCreditEvent", ctx -> created(ctx, credit.repairEvent(caller(ctx), bodyWith(ctx, "id", "id"))));
        api.on(
                "entityCredit",
                ctx -> LedgerAnswers.onContext(ctx, credit.rating(reader, ctx.pathParam("id"), null))
                        .map(CreditRoutes::publicRating)
                        .onSuccess(rating -> LedgerAnswers.json(ctx, 200, rating))
                        .onFailure(ctx::fail));
        api.on(
                "entityCreditHistory",
                ctx -> Bookmarks.page(ctx, credit.history(caller(ctx), ctx.pathParam("id"), Bookmarks.paging(ctx))));
    }

    /**
     * The outcome of a rating, as the public may see it. Everything else the chaincode answers (each
     * event's contribution, the grade a severe event forced, the base score and bonus) is for
     * inspectors and centre admins through credit/history: fields are chosen, not removed, so a
     * field the chaincode adds later stays private until someone decides otherwise.
     */
    static String publicRating(Answer<?> rating) {
        JsonNode all = rating.tree();
        ObjectNode shown = Canonical.mapper().createObjectNode();
        for (String field : PUBLIC_RATING_FIELDS) {
            shown.set(field, all.get(field));
        }
        return Canonical.json(shown);
    }
}
