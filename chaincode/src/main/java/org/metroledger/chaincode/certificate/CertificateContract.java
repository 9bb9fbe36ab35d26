package org.metroledger.chaincode.certificate;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;
import org.hyperledger.fabric.shim.ChaincodeException;
import org.metroledger.chaincode.contract.MetroContract;
import org.metroledger.chaincode.contract.TransactionContext;
import org.metroledger.chaincode.credit.RatingPolicies;
import org.metroledger.chaincode.error.ErrorCode;
import org.metroledger.chaincode.error.Fail;
import org.metroledger.chaincode.identity.Caller;
import org.metroledger.chaincode.json.Canonical;
import org.metroledger.chaincode.json.Check;
import org.metroledger.chaincode.registry.Lab;
import org.metroledger.chaincode.registry.LabKey;
import org.metroledger.chaincode.registry.Standard;
import org.metroledger.chaincode.registry.SubjectType;
import org.metroledger.chaincode.state.ById;
import org.metroledger.chaincode.state.Listing;
import org.metroledger.chaincode.state.Page;
import org.metroledger.chaincode.state.ReasonedChange;
import org.metroledger.chaincode.state.RecordStore;

/**
 * Calibration and verification certificates: a lab issues, supersedes and revokes its own; anyone
 * reads, lists and verifies them.
 */
@Contract(name = "certificate", info = @Info(title = "MetroLedger certificates", version = "1"))
public final class CertificateContract implements MetroContract {

    /** Request of Revoke. */
    public record Revocation(String id, String reason) implements ReasonedChange {}

    /** Request of ListBySubject and Current. */
    public record SubjectListing(String subject, Integer pageSize, String bookmark) {}

    /** Request of ListByLab. */
    public record LabListing(String lab, Integer pageSize, String bookmark) {}

    /** Request of IssueBatch: certificate requests as Issue takes them, each read on its own. */
    public record BatchRequest(List<JsonNode> certificates) {}

    /** Answer of IssueBatch: how many were issued and refused, and each item's answer in order. */
    public record BatchAnswer(int issued, int refused, List<BatchItem> items) {}

    /**
     * One item's answer: its position, its id when it had one, and either nothing more (issued) or
     * the code and message a single Issue would have failed with.
     */
    public record BatchItem(int index, String id, String code, String message) {
        static BatchItem issued(int index, String id) {
            return new BatchItem(index, id, null, null);
        }

        /** A refusal without a code (a fault, not a refusal) fails the whole batch, as it would an Issue. */
        static BatchItem refused(int index, String id, ChaincodeException refusal) {
            return new BatchItem(
                    index,
                    id,
                    Fail.codeOf(refusal.getPayload(), refusal.getMessage())
                            .orElseThrow(() -> refusal)
                            .name(),
                    Fail.messageOf(refusal.getMessage()));
        }
    }

    /** Request of Verify; {@code at} defaults to the transaction time. */
    public record VerificationRequest(String id, String digest, String at) {}

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String Issue(TransactionContext ctx, String request) {
        RecordStore store = ctx.store();
        CertificateRequest r = wellFormed(store, request);
        Check.that(r.previous() == null, "previous", "must be absent: amend a certificate with Supersede");
        String lab = ownLab(ctx.caller(), r.issuer(), "issue certificates");
        Certificate certificate = admit(store, lab, r, false, "issue certificates");
        CertificateTallies.written(store, certificate);
        return store.answerWithEvent("CertificateIssued", certificate);
    }

    /**
     * Issues many certificates of the caller's lab in one transaction: each item is checked as
     * {@link #Issue} checks a request and answered on its own ({@link BatchItem}); the items that
     * pass are written together, the refused ones write nothing. The caller must be a lab
     * participant (else the whole batch is FORBIDDEN); an id twice in the batch, or an engagement a
     * second item would use again, is refused as CONFLICT for the later item. One event,
     * {@code CertificatesIssued}, lists the certificates issued (none when none was).
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String IssueBatch(TransactionContext ctx, String request) {
        RecordStore store = ctx.store();
        BatchRequest batch = Canonical.read(request, BatchRequest.class);
        // At most Check.MAX_ITEMS (256), about 400 KB of requests.
        Check.items("certificates", batch.certificates(), 1);
        ctx.caller().labId("issue certificates");
        Set<String> ids = new HashSet<>();
        Set<String> engagements = new HashSet<>();
        List<BatchItem> items = new ArrayList<>(batch.certificates().size());
        List<Certificate> issued = new ArrayList<>();
        for (int i = 0; i < batch.certificates().size(); i++) {
            JsonNode item = batch.certificates().get(i);
            String id = item != null && item.path("id").isTextual()
                    ? item.path("id").asText()
                    : null;
            try {
                Check.that(item != null && item.isObject(), "certificates[" + i + "]", "must be a JSON object");
                CertificateRequest r = wellFormed(store, item.toString());
                Check.that(r.previous() == null, "previous", "must be absent: amend a certificate with Supersede");
                if (!ids.add(r.id())) {
                    throw Fail.conflict("certificate '" + r.id() + "' appears more than once in the batch");
                }
                String lab = ownLab(ctx.caller(), r.issuer(), "issue certificates");
                Certificate certificate = admit(store, lab, r, false, "issue certificates", engagements);
                issued.add(certificate);
                items.add(BatchItem.issued(i, certificate.id()));
            } catch (ChaincodeException refused) {
                items.add(BatchItem.refused(i, id, refused));
            }
        }
        if (!issued.isEmpty()) {
            CertificateTallies.written(store, issued, List.of());
            store.event("CertificatesIssued", Map.of("certificates", issued));
        }
        return Canonical.json(new BatchAnswer(issued.size(), items.size() - issued.size(), items));
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String Supersede(TransactionContext ctx, String request) {
        RecordStore store = ctx.store();
        CertificateRequest r = wellFormed(store, request);
        Check.required("previous", r.previous());
        String lab = ownLab(ctx.caller(), r.issuer(), "supersede certificates");
        Certificate previous = store.get(Certificate.TYPE, r.previous(), Certificate.class);
        if (!previous.issuer().equals(lab)) {
            throw Fail.forbidden("only " + previous.issuer() + " may supersede its certificate " + previous.id());
        }
        requireActive(previous, "superseded");
        Check.that(
                previous.subject().equals(r.subject()) && previous.subjectType() == r.subjectType(),
                "subject",
                "must be the subject of " + previous.id() + " (" + previous.subjectType() + " " + previous.subject()
                        + ")");
        Certificate successor = admit(store, lab, r, true, "supersede certificates");
        Certificate superseded = previous.ended(
                CertificateStatus.SUPERSEDED, "superseded by " + successor.id(), successor.id(), store.stamp());
        store.put(Certificate.TYPE, previous.id(), superseded);
        CertificateTallies.written(store, successor, superseded);
        return store.answerWithEvent("CertificateSuperseded", successor);
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String Revoke(TransactionContext ctx, String request) {
        RecordStore store = ctx.store();
        Revocation r = ReasonedChange.read(request, Revocation.class);
        String lab = ctx.caller().labId("revoke certificates");
        Certificate certificate = store.get(Certificate.TYPE, r.id(), Certificate.class);
        if (!certificate.issuer().equals(lab)) {
            throw Fail.forbidden("only " + certificate.issuer() + " may revoke its certificate " + certificate.id());
        }
        requireActive(certificate, "revoked");
        Certificate revoked = certificate.ended(CertificateStatus.REVOKED, r.reason(), null, store.stamp());
        store.put(Certificate.TYPE, revoked.id(), revoked);
        CertificateTallies.written(store, null, revoked);
        return store.answerWithEvent("CertificateRevoked", revoked);
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String Get(TransactionContext ctx, String request) {
        return ById.answer(ctx.store(), request, Certificate.TYPE, Certificate.class);
    }

    /** Every committed version of a certificate, newest first. */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String History(TransactionContext ctx, String request) {
        RecordStore store = ctx.store();
        String id = ById.checked(request);
        if (!store.exists(Certificate.TYPE, id)) {
            throw Fail.notFound(Certificate.TYPE, id);
        }
        return Canonical.json(store.history(Certificate.TYPE, id));
    }

    /** A subject's certificates in issue order, a page at a time. */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String ListBySubject(TransactionContext ctx, String request) {
        RecordStore store = ctx.store();
        SubjectListing r = Canonical.read(request, SubjectListing.class);
        Check.id("subject", r.subject());
        return Canonical.json(page(store, Certificate.BY_SUBJECT, r.subject(), r.pageSize(), r.bookmark()));
    }

    /** A lab's certificates in issue order, a page at a time. */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String ListByLab(TransactionContext ctx, String request) {
        RecordStore store = ctx.store();
        LabListing r = Canonical.read(request, LabListing.class);
        Check.id("lab", r.lab());
        return Canonical.json(page(store, Certificate.BY_LAB, r.lab(), r.pageSize(), r.bookmark()));
    }

    /** The subject's ACTIVE certificate issued last (ties: the greater id), or NOT_FOUND. */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String Current(TransactionContext ctx, String request) {
        RecordStore store = ctx.store();
        SubjectOnly r = Canonical.read(request, SubjectOnly.class);
        Check.id("subject", r.subject());
        Certificate current = null;
        // The index orders by issuedAt then id, so the last ACTIVE one seen is the answer.
        for (Certificate c :
                store.recordsByIndex(Certificate.TYPE, Certificate.class, Certificate.BY_SUBJECT, r.subject())) {
            if (c.status() == CertificateStatus.ACTIVE) {
                current = c;
            }
        }
        if (current == null) {
            throw Fail.with(ErrorCode.NOT_FOUND, "subject '" + r.subject() + "' has no ACTIVE certificate");
        }
        return Canonical.json(current);
    }

    /** DESIGN §4's verdict with itemised checks, as of {@code at} (default: the transaction time). */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String Verify(TransactionContext ctx, String request) {
        RecordStore store = ctx.store();
        VerificationRequest r = Canonical.read(request, VerificationRequest.class);
        Instant at = Check.instantOr("at", r.at(), store.now());
        return Canonical.json(CertificateVerification.verify(store, r.id(), r.digest(), at));
    }

    /** Request of Current. */
    public record SubjectOnly(String subject) {}

    /** The request read and checked in itself, its dates against the transaction time and policy. */
    private static CertificateRequest wellFormed(RecordStore store, String request) {
        return Canonical.read(request, CertificateRequest.class).validate(store.now(), RatingPolicies.active(store));
    }

    /**
     * The checks Issue and Supersede share once the request is well-formed and the caller is known
     * to act for the issuing lab: the id is new, the lab was invited to certify the subject
     * ({@link Invitation}), it was ACTIVE and accredited for the category both at issuedAt and now,
     * its current key signed the request (the certificate keeps which key), and every cited standard and certificate exists.
     * Writes the ACTIVE certificate and its indexes, and uses the engagement that invited it.
     */
    private static Certificate admit(
            RecordStore store, String labId, CertificateRequest r, boolean amendment, String action) {
        return admit(store, labId, r, amendment, action, new HashSet<>());
    }

    /**
     * As above; {@code engagementsUsed} are the engagements earlier items of the same transaction
     * use (a transaction does not read its own writes, so each would find the engagement still open).
     */
    private static Certificate admit(
            RecordStore store,
            String labId,
            CertificateRequest r,
            boolean amendment,
            String action,
            Set<String> engagementsUsed) {
        Lab lab = store.get(Lab.TYPE, labId, Lab.class);
        store.requireAbsent(Certificate.TYPE, r.id());
        List<Instant> judged = List.of(Instant.parse(r.issuedAt()), store.now());
        Invitation invitation = Invitation.of(store, lab, r, amendment, judged);
        invitation.engagementId().ifPresent(engagement -> {
            if (!engagementsUsed.add(engagement)) {
                throw Fail.conflict("engagement " + engagement + " is used by an earlier certificate of this batch");
            }
        });
        String category = invitation.category();
        for (Instant at : judged) {
            lab.problemWith(category, at).ifPresent(problem -> {
                throw Fail.forbidden(problem + ", so it may not " + action + " dated " + r.issuedAt());
            });
        }
        LabKey key = lab.currentKey();
        Certificate certificate = Certificate.issued(r, category, key.id(), store.stamp());
        if (!SignedContent.verifies(key.publicKey(), certificate)) {
            throw Fail.with(
                    ErrorCode.SIGNATURE_INVALID,
                    "signature does not verify under " + lab.id() + "'s current key " + key.id()
                            + " over the request's canonical JSON without the signature");
        }
        List<TraceabilityLink> links = r.traceability() == null ? List.of() : r.traceability();
        for (int i = 0; i < links.size(); i++) {
            TraceabilityLink link = links.get(i);
            store.get(Standard.TYPE, link.standardId(), Standard.class);
            Certificate cited = store.get(Certificate.TYPE, link.certificateId(), Certificate.class);
            Check.that(
                    cited.subjectType() == SubjectType.STANDARD
                            && cited.subject().equals(link.standardId()),
                    "traceability[" + i + "].certificateId",
                    "names certificate " + cited.id() + " of " + cited.subject() + ", not of standard "
                            + link.standardId());
        }
        invitation.use(store, certificate.id());
        store.put(Certificate.TYPE, certificate.id(), certificate);
        store.index(Certificate.BY_SUBJECT, certificate.subject(), certificate.issuedAt(), certificate.id());
        store.index(Certificate.BY_LAB, certificate.issuer(), certificate.issuedAt(), certificate.id());
        return certificate;
    }

    /** The caller's lab, which must be the issuer named: FORBIDDEN otherwise. */
    private static String ownLab(Caller caller, String issuer, String action) {
        String lab = caller.labId(action);
        if (!lab.equals(issuer)) {
            throw Fail.forbidden("a participant of lab " + lab + " may not " + action + " as " + issuer);
        }
        return lab;
    }

    private static void requireActive(Certificate certificate, String becoming) {
        if (certificate.status() != CertificateStatus.ACTIVE) {
            throw Fail.conflict("certificate " + certificate.id() + " is " + certificate.status()
                    + (certificate.successor() == null ? "" : " (successor " + certificate.successor() + ")")
                    + " and cannot be " + becoming);
        }
    }

    private static Page<Certificate> page(
            RecordStore store, String index, String key, Integer pageSize, String bookmark) {
        return store.recordPage(
                new Listing(pageSize, bookmark).over(store, index, key), Certificate.class, Certificate.TYPE);
    }
}
