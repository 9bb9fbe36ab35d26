package org.metroledger.gateway.contracts;

import java.util.concurrent.CompletableFuture;
import org.metroledger.chaincode.registry.Engagement;
import org.metroledger.chaincode.registry.EngagementContract.EngagementRequest;
import org.metroledger.chaincode.registry.EngagementContract.Withdrawal;
import org.metroledger.chaincode.state.ById;
import org.metroledger.gateway.identity.Member;
import org.metroledger.gateway.ledger.Ledger;

/** The engagement contract: an owner engages a lab to calibrate an instrument or standard. */
public final class Engagements {
    private static final AnswerType<Engagement> ENGAGEMENT = AnswerType.of(Engagement.class);

    private final Functions functions;

    Engagements(Ledger ledger) {
        this.functions = new Functions(ledger, "engagement");
    }

    public CompletableFuture<Written<Engagement>> request(Member who, Request<EngagementRequest> request) {
        return functions.submit(who, "Request", request, ENGAGEMENT);
    }

    public CompletableFuture<Written<Engagement>> withdraw(Member who, Request<Withdrawal> request) {
        return functions.submit(who, "Withdraw", request, ENGAGEMENT);
    }

    public CompletableFuture<Answer<Engagement>> get(Member who, String id) {
        return functions.evaluate(who, "Get", Request.of(new ById(id)), ENGAGEMENT);
    }
}
