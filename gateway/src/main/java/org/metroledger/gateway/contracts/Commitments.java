package org.metroledger.gateway.contracts;

import java.util.concurrent.CompletableFuture;
import org.metroledger.chaincode.commitment.Commitment;
import org.metroledger.chaincode.commitment.CommitmentContract.ByEntity;
import org.metroledger.chaincode.commitment.CommitmentContract.EntityListing;
import org.metroledger.chaincode.commitment.CommitmentContract.Publication;
import org.metroledger.chaincode.commitment.CommitmentContract.Withdrawal;
import org.metroledger.chaincode.state.ById;
import org.metroledger.chaincode.state.Listing;
import org.metroledger.chaincode.state.Page;
import org.metroledger.gateway.identity.Member;
import org.metroledger.gateway.ledger.Ledger;

/** The commitment contract: an entity's published integrity commitments. */
public final class Commitments {
    private static final AnswerType<Commitment> COMMITMENT = AnswerType.of(Commitment.class);

    private final Functions functions;

    Commitments(Ledger ledger) {
        this.functions = new Functions(ledger, "commitment");
    }

    public CompletableFuture<Written<Commitment>> publish(Member who, Request<Publication> request) {
        return functions.submit(who, "Publish", request, COMMITMENT);
    }

    public CompletableFuture<Written<Commitment>> withdraw(Member who, Request<Withdrawal> request) {
        return functions.submit(who, "Withdraw", request, COMMITMENT);
    }

    public CompletableFuture<Answer<Commitment>> get(Member who, String id) {
        return functions.evaluate(who, "Get", Request.of(new ById(id)), COMMITMENT);
    }

    public CompletableFuture<Answer<Page<Commitment>>> listByEntity(Member who, String entity, Listing paging) {
        return functions.evaluate(
                who,
                "ListByEntity",
                Request.of(new EntityListing(entity, paging.pageSize(), paging.bookmark())),
                AnswerType.pageOf(Commitment.class));
    }

    /** The entity's commitment in effect now; NOT_FOUND when it has none. */
    public CompletableFuture<Answer<Commitment>> active(Member who, String entity) {
        return functions.evaluate(who, "Active", Request.of(new ByEntity(entity)), COMMITMENT);
    }
}
