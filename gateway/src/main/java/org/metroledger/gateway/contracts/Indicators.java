package org.metroledger.gateway.contracts;

import java.util.concurrent.CompletableFuture;
import org.metroledger.chaincode.indicator.Compaction;
import org.metroledger.chaincode.supervision.IndicatorContract.CompactionRequest;
import org.metroledger.chaincode.supervision.IndicatorContract.OverdueList;
import org.metroledger.chaincode.supervision.IndicatorContract.OverdueQuery;
import org.metroledger.chaincode.supervision.IndicatorContract.PlaceList;
import org.metroledger.chaincode.supervision.IndicatorQuery;
import org.metroledger.gateway.identity.Member;
import org.metroledger.gateway.ledger.Ledger;

/** The indicator contract: the supervision indicators from the tallies, the overdue list, recount, compaction. */
public final class Indicators {
    private static final AnswerType<org.metroledger.chaincode.supervision.Indicators> FIGURES =
            AnswerType.of(org.metroledger.chaincode.supervision.Indicators.class);

    private final Functions functions;

    Indicators(Ledger ledger) {
        this.functions = new Functions(ledger, "indicator");
    }

    /** The indicators from the tallies (any caller). */
    public CompletableFuture<Answer<org.metroledger.chaincode.supervision.Indicators>> summary(
            Member who, Request<IndicatorQuery> request) {
        return functions.evaluate(who, "Summary", request, FIGURES);
    }

    /** The named list of overdue instruments (inspector, centre admin). */
    public CompletableFuture<Answer<OverdueList>> overdue(Member who, Request<OverdueQuery> request) {
        return functions.evaluate(who, "Overdue", request, AnswerType.of(OverdueList.class));
    }

    /** The indicators counted from every record (centre admin). */
    public CompletableFuture<Answer<org.metroledger.chaincode.supervision.Indicators>> recount(
            Member who, Request<IndicatorQuery> request) {
        return functions.evaluate(who, "Recount", request, FIGURES);
    }

    /** Every place with tallies (any caller). */
    public CompletableFuture<Answer<PlaceList>> places(Member who) {
        return functions.evaluate(who, "Places", Request.none(), AnswerType.of(PlaceList.class));
    }

    /** Folds delta rows into day totals (centre admin). */
    public CompletableFuture<Written<Compaction.Result>> compact(Member who, Request<CompactionRequest> request) {
        return functions.submit(who, "Compact", request, AnswerType.of(Compaction.Result.class));
    }

    /** Folds like {@link #compact}, except that a compaction with nothing to fold is not ordered. */
    public CompletableFuture<Written<Compaction.Result>> compactIfAny(Member who, Request<CompactionRequest> request) {
        return functions.submitUnless(
                who, "Compact", request, AnswerType.of(Compaction.Result.class), result -> result.folded() == 0);
    }
}
