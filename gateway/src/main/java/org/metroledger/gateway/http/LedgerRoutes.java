package org.metroledger.gateway.http;

import org.metroledger.chaincode.error.ErrorCode;
import org.metroledger.chaincode.json.Canonical;

/** The ledger itself: record histories, blocks and the stream of committed events. */
final class LedgerRoutes implements RouteGroup {
    @Override
    public void register(Api api) {
        LedgerAnswers answers = api.answers();
        api.on(
                "history",
                ctx -> answers.evaluateAsCaller(
                        ctx,
                        "registry:History",
                        Requests.of("type", ctx.pathParam("type"), "id", ctx.pathParam("id"))));
        api.on("getBlock", ctx -> {
            long number = Requests.wholeNumber("n", ctx.pathParam("n"));
            LedgerAnswers.onContext(ctx, api.services().ledger().block(number))
                    .onSuccess(block -> block.ifPresentOrElse(
                            found -> LedgerAnswers.json(ctx, 200, Canonical.json(found)),
                            () -> ctx.fail(ApiFailure.of(ErrorCode.NOT_FOUND, "block " + number + " does not exist"))))
                    .onFailure(ctx::fail);
        });
        api.on("events", new EventStream(api.services().ledger(), StreamQuota.Limits.DEFAULT));
    }
}
