package org.metroledger.gateway.contracts;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.metroledger.chaincode.recognition.RecognitionAcceptance;
import org.metroledger.chaincode.recognition.RecognitionAnswer;
import org.metroledger.chaincode.recognition.RecognitionContract.AcceptanceRecord;
import org.metroledger.chaincode.recognition.RecognitionContract.AgreementProposal;
import org.metroledger.chaincode.recognition.RecognitionContract.ByCertificate;
import org.metroledger.chaincode.recognition.RecognitionContract.Question;
import org.metroledger.chaincode.recognition.RecognitionContract.Termination;
import org.metroledger.chaincode.registry.RecognitionAgreement;
import org.metroledger.chaincode.state.ById;
import org.metroledger.chaincode.state.Listing;
import org.metroledger.chaincode.state.Page;
import org.metroledger.gateway.identity.Member;
import org.metroledger.gateway.ledger.Ledger;

/** The recognition contract: agreements between regions and their answers for one certificate. */
public final class Recognitions {
    private static final AnswerType<RecognitionAgreement> AGREEMENT = AnswerType.of(RecognitionAgreement.class);

    private final Functions functions;

    Recognitions(Ledger ledger) {
        this.functions = new Functions(ledger, "recognition");
    }

    public CompletableFuture<Written<RecognitionAgreement>> propose(Member who, Request<AgreementProposal> request) {
        return functions.submit(who, "Propose", request, AGREEMENT);
    }

    public CompletableFuture<Written<RecognitionAgreement>> accept(Member who, Request<ById> request) {
        return functions.submit(who, "Accept", request, AGREEMENT);
    }

    public CompletableFuture<Written<RecognitionAgreement>> terminate(Member who, Request<Termination> request) {
        return functions.submit(who, "Terminate", request, AGREEMENT);
    }

    public CompletableFuture<Answer<RecognitionAgreement>> get(Member who, String id) {
        return functions.evaluate(who, "Get", Request.of(new ById(id)), AGREEMENT);
    }

    public CompletableFuture<Answer<Page<RecognitionAgreement>>> list(Member who, Listing paging) {
        return functions.evaluate(who, "List", Request.of(paging), AnswerType.pageOf(RecognitionAgreement.class));
    }

    /** Whether {@code region} accepts the certificate at {@code at} (ISO-8601, or now when null). */
    public CompletableFuture<Answer<RecognitionAnswer>> evaluate(
            Member who, String certificateId, String region, String at) {
        return functions.evaluate(
                who,
                "Evaluate",
                Request.of(new Question(certificateId, region, at)),
                AnswerType.of(RecognitionAnswer.class));
    }

    public CompletableFuture<Written<RecognitionAcceptance>> recordAcceptance(
            Member who, Request<AcceptanceRecord> request) {
        return functions.submit(who, "RecordAcceptance", request, AnswerType.of(RecognitionAcceptance.class));
    }

    public CompletableFuture<Answer<List<RecognitionAcceptance>>> listAcceptances(Member who, String certificateId) {
        return functions.evaluate(
                who,
                "ListAcceptances",
                Request.of(new ByCertificate(certificateId)),
                AnswerType.listOf(RecognitionAcceptance.class));
    }
}
