package org.metroledger.gateway.contracts;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.metroledger.chaincode.credit.CreditContract.EventRecording;
import org.metroledger.chaincode.credit.CreditContract.HistoryRequest;
import org.metroledger.chaincode.credit.CreditContract.PolicyVersion;
import org.metroledger.chaincode.credit.CreditContract.RatingRequest;
import org.metroledger.chaincode.credit.CreditContract.RepairRequest;
import org.metroledger.chaincode.credit.CreditEvent;
import org.metroledger.chaincode.credit.PolicyProposal;
import org.metroledger.chaincode.credit.Rating;
import org.metroledger.chaincode.credit.RatingPolicy;
import org.metroledger.chaincode.state.ById;
import org.metroledger.chaincode.state.Listing;
import org.metroledger.chaincode.state.Page;
import org.metroledger.gateway.identity.Member;
import org.metroledger.gateway.ledger.Ledger;

/** The credit contract: credit events, an entity's rating and the rating policies. */
public final class Credit {
    private static final AnswerType<CreditEvent> EVENT = AnswerType.of(CreditEvent.class);
    private static final AnswerType<RatingPolicy> POLICY = AnswerType.of(RatingPolicy.class);

    private final Functions functions;

    Credit(Ledger ledger) {
        this.functions = new Functions(ledger, "credit");
    }

    public CompletableFuture<Written<CreditEvent>> recordEvent(Member who, Request<EventRecording> request) {
        return functions.submit(who, "RecordEvent", request, EVENT);
    }

    public CompletableFuture<Written<CreditEvent>> repairEvent(Member who, Request<RepairRequest> request) {
        return functions.submit(who, "RepairEvent", request, EVENT);
    }

    /** The entity's rating at {@code at} (ISO-8601), or now when null. */
    public CompletableFuture<Answer<Rating>> rating(Member who, String entity, String at) {
        return functions.evaluate(
                who, "Rating", Request.of(new RatingRequest(entity, at)), AnswerType.of(Rating.class));
    }

    /** A page of the entity's credit events, newest first, for those who may read them. */
    public CompletableFuture<Answer<Page<CreditEvent>>> history(Member who, String entity, Listing paging) {
        return functions.evaluate(
                who,
                "History",
                Request.of(new HistoryRequest(entity, paging.pageSize(), paging.bookmark())),
                AnswerType.pageOf(CreditEvent.class));
    }

    public CompletableFuture<Answer<CreditEvent>> getEvent(Member who, String id) {
        return functions.evaluate(who, "GetEvent", Request.of(new ById(id)), EVENT);
    }

    /** A rating policy by version, or the one in force when {@code version} is null. */
    public CompletableFuture<Answer<RatingPolicy>> getPolicy(Member who, Integer version) {
        return functions.evaluate(who, "GetPolicy", Request.of(new PolicyVersion(version)), POLICY);
    }

    public CompletableFuture<Answer<List<RatingPolicy>>> listPolicies(Member who) {
        return functions.evaluate(who, "ListPolicies", Request.none(), AnswerType.listOf(RatingPolicy.class));
    }

    public CompletableFuture<Written<RatingPolicy>> proposePolicy(Member who, Request<PolicyProposal> request) {
        return functions.submit(who, "ProposePolicy", request, POLICY);
    }

    public CompletableFuture<Written<RatingPolicy>> approvePolicy(Member who, int version) {
        return functions.submit(who, "ApprovePolicy", Request.of(new PolicyVersion(version)), POLICY);
    }
}
