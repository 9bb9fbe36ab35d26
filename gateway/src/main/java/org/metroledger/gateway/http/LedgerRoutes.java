package org.metroledger.gateway.http;

import org.metroledger.chaincode.json.Canonical;
import org.metroledger.gateway.auth.BearerAuthentication;
import org.metroledger.gateway.contracts.Contracts;
import org.metroledger.gateway.failure.ApiCode;
import org.metroledger.gateway.failure.ApiFailure;

/** The ledger itself: record histories, blocks and the stream of committed events. */
final class LedgerRoutes implements RouteGroup {
    private final Contracts contracts;

    LedgerRoutes(Contracts contracts) {
        this.contracts = contracts;
    }

    @Override
    public void register(Api api) {
        api.on(
                "history",
                ctx -> LedgerAnswers.read(
                        ctx,
                        contracts
                                .audit()
                                .history(
                                        BearerAuthentication.caller(ctx), ctx.pathParam("type"), ctx.pathParam("id"))));
        api.on("getBlock", ctx -> {
            long number = Requests.wholeNumber("n", ctx.pathParam("n"));
            LedgerAnswers.onContext(ctx, contracts.ledger().block(number))
                    .onSuccess(block -> block.ifPresentOrElse(
                            found -> LedgerAnswers.json(ctx, 200, Canonical.json(found)),
                            () -> ctx.fail(ApiFailure.of(ApiCode.NOT_FOUND, "block " + number + " does not exist"))))
                    .onFailure(ctx::fail);
        });
        api.on("events", new EventStream(contracts, StreamQuota.Limits.DEFAULT));
    }
}
