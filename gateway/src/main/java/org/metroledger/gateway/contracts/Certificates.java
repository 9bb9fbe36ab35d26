package org.metroledger.gateway.contracts;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.metroledger.chaincode.certificate.Certificate;
import org.metroledger.chaincode.certificate.CertificateContract.BatchAnswer;
import org.metroledger.chaincode.certificate.CertificateContract.BatchRequest;
import org.metroledger.chaincode.certificate.CertificateContract.LabListing;
import org.metroledger.chaincode.certificate.CertificateContract.Revocation;
import org.metroledger.chaincode.certificate.CertificateContract.SubjectListing;
import org.metroledger.chaincode.certificate.CertificateContract.SubjectOnly;
import org.metroledger.chaincode.certificate.CertificateContract.VerificationRequest;
import org.metroledger.chaincode.certificate.CertificateRequest;
import org.metroledger.chaincode.state.ById;
import org.metroledger.chaincode.state.HistoryEntry;
import org.metroledger.chaincode.state.Listing;
import org.metroledger.chaincode.state.Page;
import org.metroledger.gateway.identity.Member;
import org.metroledger.gateway.ledger.Ledger;

/** The certificate contract: issuing, superseding, revoking, reading and verifying certificates. */
public final class Certificates {
    private static final AnswerType<Certificate> CERTIFICATE = AnswerType.of(Certificate.class);
    private static final AnswerType<BatchAnswer> BATCH = AnswerType.of(BatchAnswer.class);
    private static final AnswerType<Page<Certificate>> PAGE = AnswerType.pageOf(Certificate.class);

    private final Functions functions;

    Certificates(Ledger ledger) {
        this.functions = new Functions(ledger, "certificate");
    }

    public CompletableFuture<Written<Certificate>> issue(Member who, Request<CertificateRequest> request) {
        return functions.submit(who, "Issue", request, CERTIFICATE);
    }

    /**
     * A lab's certificates in one transaction, each item checked as {@link #issue} checks it; a
     * batch whose every item is refused is not ordered ({@link Written#ordered()} false).
     */
    public CompletableFuture<Written<BatchAnswer>> issueBatch(Member who, Request<BatchRequest> request) {
        return functions.submitUnless(who, "IssueBatch", request, BATCH, answer -> answer.issued() == 0);
    }

    /** Records a certificate that replaces its {@code previous} one. */
    public CompletableFuture<Written<Certificate>> supersede(Member who, Request<CertificateRequest> request) {
        return functions.submit(who, "Supersede", request, CERTIFICATE);
    }

    /** Issues the certificate, or supersedes its {@code previous} one when it names one. */
    public CompletableFuture<Written<Certificate>> record(Member who, CertificateRequest request) {
        return request.previous() == null ? issue(who, Request.of(request)) : supersede(who, Request.of(request));
    }

    public CompletableFuture<Written<Certificate>> revoke(Member who, Request<Revocation> request) {
        return functions.submit(who, "Revoke", request, CERTIFICATE);
    }

    public CompletableFuture<Answer<Certificate>> get(Member who, String id) {
        return functions.evaluate(who, "Get", Request.of(new ById(id)), CERTIFICATE);
    }

    public CompletableFuture<Answer<List<HistoryEntry>>> history(Member who, String id) {
        return functions.evaluate(who, "History", Request.of(new ById(id)), AnswerType.listOf(HistoryEntry.class));
    }

    /** A page of the certificates of an instrument or standard. */
    public CompletableFuture<Answer<Page<Certificate>>> listBySubject(Member who, String subject, Listing paging) {
        return functions.evaluate(
                who,
                "ListBySubject",
                Request.of(new SubjectListing(subject, paging.pageSize(), paging.bookmark())),
                PAGE);
    }

    /** A page of the certificates a lab issued. */
    public CompletableFuture<Answer<Page<Certificate>>> listByLab(Member who, String lab, Listing paging) {
        return functions.evaluate(
                who, "ListByLab", Request.of(new LabListing(lab, paging.pageSize(), paging.bookmark())), PAGE);
    }

    /** The subject's certificate in force now; NOT_FOUND when it has none. */
    public CompletableFuture<Answer<Certificate>> current(Member who, String subject) {
        return functions.evaluate(who, "Current", Request.of(new SubjectOnly(subject)), CERTIFICATE);
    }

    /** The chaincode's verification report, its evidence completed with the block number. */
    public CompletableFuture<Verification> verify(Member who, VerificationRequest request) {
        return Futures.then(
                functions.evaluateJson(who, "Verify", Request.of(request)),
                json -> Verification.completed(functions.ledger(), json, null));
    }

    /**
     * The same, saying what the chaincode read, so that the answer can be reused until a block writes
     * one of those keys.
     */
    public CompletableFuture<Verification> verifyTracked(Member who, VerificationRequest request) {
        return Futures.then(
                functions.evaluateTracked(who, "Verify", Request.of(request)),
                read -> Verification.completed(functions.ledger(), read.payload(), read));
    }
}
