package org.metroledger.gateway.http;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.metroledger.gateway.identity.Member;
import org.metroledger.gateway.ledger.Committed;
import org.metroledger.gateway.ledger.Ledger;

/**
 * The {@code indicator} contract's functions, each one method taking the request's JSON: every
 * call the gateway makes to it goes through here (routes, pages, the recount command).
 */
public final class IndicatorClient {
    private final Ledger ledger;

    public IndicatorClient(Ledger ledger) {
        this.ledger = ledger;
    }

    /** The indicators from the tallies (any caller). */
    public CompletableFuture<String> summary(Member who, String request) {
        return ledger.evaluate(who, "indicator:Summary", List.of(request));
    }

    /** The named list of overdue instruments (inspector, centre admin). */
    public CompletableFuture<String> overdue(Member who, String request) {
        return ledger.evaluate(who, "indicator:Overdue", List.of(request));
    }

    /** The indicators counted from every record (centre admin). */
    public CompletableFuture<String> recount(Member who, String request) {
        return ledger.evaluate(who, "indicator:Recount", List.of(request));
    }

    /** Folds delta rows into day totals (centre admin). */
    public CompletableFuture<Committed> compact(Member who, String request) {
        return ledger.submit(who, "indicator:Compact", List.of(request));
    }
}
