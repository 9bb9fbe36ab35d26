package org.metroledger.gateway.contracts;

import java.util.concurrent.CompletableFuture;
import org.metroledger.chaincode.inspection.InspectionContract.ByMsp;
import org.metroledger.chaincode.inspection.InspectionContract.CancelVote;
import org.metroledger.chaincode.inspection.InspectionContract.DrawCreation;
import org.metroledger.chaincode.inspection.InspectionContract.DrawRef;
import org.metroledger.chaincode.inspection.InspectionContract.ResultRecord;
import org.metroledger.chaincode.inspection.InspectionContract.SeedCommitment;
import org.metroledger.chaincode.inspection.InspectionContract.SeedReveal;
import org.metroledger.chaincode.inspection.InspectionContract.ShareKeyRegistration;
import org.metroledger.chaincode.inspection.InspectionContract.SharePosting;
import org.metroledger.chaincode.inspection.InspectionDraw;
import org.metroledger.chaincode.inspection.ShareKey;
import org.metroledger.chaincode.state.ById;
import org.metroledger.chaincode.state.Listing;
import org.metroledger.chaincode.state.Page;
import org.metroledger.gateway.identity.Member;
import org.metroledger.gateway.ledger.Ledger;

/**
 * The inspection contract: random inspection draws, their seeds (and the shares they are dealt in),
 * cancellation, publication and results; the centres' share keys.
 */
public final class Inspections {
    private static final AnswerType<InspectionDraw> DRAW = AnswerType.of(InspectionDraw.class);
    private static final AnswerType<ShareKey> SHARE_KEY = AnswerType.of(ShareKey.class);

    private final Functions functions;

    Inspections(Ledger ledger) {
        this.functions = new Functions(ledger, "inspection");
    }

    public CompletableFuture<Written<InspectionDraw>> create(Member who, Request<DrawCreation> request) {
        return functions.submit(who, "Create", request, DRAW);
    }

    public CompletableFuture<Written<InspectionDraw>> commitSeed(Member who, Request<SeedCommitment> request) {
        return functions.submit(who, "CommitSeed", request, DRAW);
    }

    public CompletableFuture<Written<InspectionDraw>> revealSeed(Member who, Request<SeedReveal> request) {
        return functions.submit(who, "RevealSeed", request, DRAW);
    }

    /** A centre confirms the seed shares dealt to it. */
    public CompletableFuture<Written<InspectionDraw>> confirmShares(Member who, Request<DrawRef> request) {
        return functions.submit(who, "ConfirmShares", request, DRAW);
    }

    /** A centre posts its decrypted shares of a seed withheld past the reveal deadline. */
    public CompletableFuture<Written<InspectionDraw>> postShares(Member who, Request<SharePosting> request) {
        return functions.submit(who, "PostShares", request, DRAW);
    }

    /** A centre's vote to cancel the draw. */
    public CompletableFuture<Written<InspectionDraw>> cancel(Member who, Request<CancelVote> request) {
        return functions.submit(who, "Cancel", request, DRAW);
    }

    public CompletableFuture<Written<InspectionDraw>> publish(Member who, Request<DrawRef> request) {
        return functions.submit(who, "Publish", request, DRAW);
    }

    public CompletableFuture<Written<InspectionDraw>> recordResult(Member who, Request<ResultRecord> request) {
        return functions.submit(who, "RecordResult", request, DRAW);
    }

    public CompletableFuture<Answer<InspectionDraw>> get(Member who, String id) {
        return functions.evaluate(who, "Get", Request.of(new ById(id)), DRAW);
    }

    public CompletableFuture<Answer<Page<InspectionDraw>>> list(Member who, Listing paging) {
        return functions.evaluate(who, "List", Request.of(paging), AnswerType.pageOf(InspectionDraw.class));
    }

    /** The caller's centre registers the key seed shares are encrypted to. */
    public CompletableFuture<Written<ShareKey>> registerShareKey(Member who, Request<ShareKeyRegistration> request) {
        return functions.submit(who, "RegisterShareKey", request, SHARE_KEY);
    }

    public CompletableFuture<Answer<ShareKey>> getShareKey(Member who, String msp) {
        return functions.evaluate(who, "GetShareKey", Request.of(new ByMsp(msp)), SHARE_KEY);
    }
}
