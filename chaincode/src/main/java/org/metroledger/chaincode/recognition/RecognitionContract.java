package org.metroledger.chaincode.recognition;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;
import org.metroledger.chaincode.certificate.Certificate;
import org.metroledger.chaincode.certificate.CertificateVerification;
import org.metroledger.chaincode.certificate.VerificationReport;
import org.metroledger.chaincode.contract.MetroContract;
import org.metroledger.chaincode.contract.TransactionContext;
import org.metroledger.chaincode.error.Fail;
import org.metroledger.chaincode.identity.Caller;
import org.metroledger.chaincode.identity.Role;
import org.metroledger.chaincode.json.Canonical;
import org.metroledger.chaincode.json.Check;
import org.metroledger.chaincode.registry.AgreementStatus;
import org.metroledger.chaincode.registry.Lab;
import org.metroledger.chaincode.registry.RecognitionAgreement;
import org.metroledger.chaincode.registry.Region;
import org.metroledger.chaincode.state.ById;
import org.metroledger.chaincode.state.Listing;
import org.metroledger.chaincode.state.Page;
import org.metroledger.chaincode.state.ReasonedChange;
import org.metroledger.chaincode.state.RecordStore;

/**
 * Cross-recognition between regions (区域计量互认): centres agree which certificate categories they
 * accept from each other, and the ledger answers whether a region accepts a given certificate.
 */
@Contract(name = "recognition", info = @Info(title = "MetroLedger cross-recognition", version = "1"))
public final class RecognitionContract implements MetroContract {

    /** Request of Propose. */
    public record AgreementProposal(
            String id,
            List<String> members,
            List<String> categories,
            List<String> conditions,
            String validFrom,
            String validTo) {}

    /** Request of Terminate. */
    public record Termination(String id, String reason) implements ReasonedChange {}

    /** Request of Evaluate. */
    public record Question(String certificateId, String region, String at) {}

    /** Request of RecordAcceptance. */
    public record AcceptanceRecord(String certificateId, String region) {}

    /** Request of ListAcceptances. */
    public record ByCertificate(String certificateId) {}

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String Propose(TransactionContext ctx, String request) {
        RecordStore store = ctx.store();
        AgreementProposal r = Canonical.read(request, AgreementProposal.class);
        Check.id("id", r.id());
        List<String> members = Check.distinctIds("members", r.members(), 2);
        List<String> categories = Check.distinctIds("categories", r.categories(), 1);
        List<String> conditions = r.conditions() == null ? List.of() : r.conditions();
        Check.items("conditions", conditions, 0);
        for (int i = 0; i < conditions.size(); i++) {
            Check.text("conditions[" + i + "]", conditions.get(i), 1000);
        }
        Instant from = Check.instant("validFrom", r.validFrom());
        Instant to = Check.instant("validTo", r.validTo());
        Check.that(to.isAfter(from), "validTo", "must be after validFrom");
        Check.that(to.isAfter(store.now()), "validTo", "must be in the future");
        Caller caller = ctx.caller().require("propose recognition agreements", Role.CENTRE_ADMIN);
        if (!members.contains(caller.msp())) {
            throw Fail.forbidden("a centre admin of " + caller.msp() + " may only propose agreements its region joins");
        }
        members.forEach(msp -> store.get(Region.TYPE, msp, Region.class));
        store.requireAbsent(RecognitionAgreement.TYPE, r.id());
        RecognitionAgreement agreement = RecognitionAgreement.propose(
                r.id(), members, categories, conditions, from, to, caller.msp(), store.stamp());
        store.put(RecognitionAgreement.TYPE, agreement.id(), agreement);
        store.index(RecognitionAgreement.ALL, agreement.id());
        for (String msp : agreement.members()) {
            store.index(RecognitionAgreement.BY_MEMBER, msp, agreement.id());
        }
        return store.answerWithEvent("AgreementProposed", agreement);
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String Accept(TransactionContext ctx, String request) {
        RecordStore store = ctx.store();
        String id = ById.checked(request);
        RecognitionAgreement agreement = memberAdminOf(store, ctx.caller(), id, "accept");
        RecognitionAgreement accepted = agreement.accept(ctx.caller().msp(), store.stamp());
        store.put(RecognitionAgreement.TYPE, accepted.id(), accepted);
        return store.answerWithEvent(
                accepted.status() == AgreementStatus.ACTIVE ? "AgreementActivated" : "AgreementAccepted", accepted);
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String Terminate(TransactionContext ctx, String request) {
        RecordStore store = ctx.store();
        Termination r = ReasonedChange.read(request, Termination.class);
        RecognitionAgreement agreement = memberAdminOf(store, ctx.caller(), r.id(), "terminate");
        RecognitionAgreement ended = agreement.terminate(ctx.caller().msp(), r.reason(), store.stamp());
        store.put(RecognitionAgreement.TYPE, ended.id(), ended);
        return store.answerWithEvent("AgreementTerminated", ended);
    }

    /** The agreement with its status as of the request's time (an ended ACTIVE one reads EXPIRED). */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String Get(TransactionContext ctx, String request) {
        RecordStore store = ctx.store();
        return Canonical.json(store.get(RecognitionAgreement.TYPE, ById.checked(request), RecognitionAgreement.class)
                .asOf(store.now()));
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String List(TransactionContext ctx, String request) {
        RecordStore store = ctx.store();
        Listing r = Canonical.read(request, Listing.class);
        Page<RecognitionAgreement> page = store.recordPage(
                r.over(store, RecognitionAgreement.ALL), RecognitionAgreement.class, RecognitionAgreement.TYPE);
        Instant now = store.now();
        return Canonical.json(
                new Page<>(page.items().stream().map(a -> a.asOf(now)).toList(), page.bookmark()));
    }

    /** Whether {@code region} accepts the certificate as of {@code at} (default: now), with reasons. */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String Evaluate(TransactionContext ctx, String request) {
        RecordStore store = ctx.store();
        Question r = Canonical.read(request, Question.class);
        Check.id("certificateId", r.certificateId());
        Check.id("region", r.region());
        Instant at = Check.instantOr("at", r.at(), store.now());
        return Canonical.json(answer(store, r.certificateId(), r.region(), at));
    }

    /**
     * A region's formal acceptance of a certificate, for audit: only when Evaluate answers
     * recognised at the transaction time, and stored with the reasons it rested on.
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String RecordAcceptance(TransactionContext ctx, String request) {
        RecordStore store = ctx.store();
        AcceptanceRecord r = Canonical.read(request, AcceptanceRecord.class);
        Check.id("certificateId", r.certificateId());
        Check.id("region", r.region());
        ctx.caller().requireAdminOf(r.region(), "record acceptances");
        String id = RecognitionAcceptance.idOf(r.certificateId(), r.region());
        store.requireAbsent(RecognitionAcceptance.TYPE, id);
        RecognitionAnswer answer = answer(store, r.certificateId(), r.region(), store.now());
        if (!answer.recognised()) {
            throw Fail.conflict("region " + r.region() + " does not recognise certificate " + r.certificateId() + ": "
                    + answer.reasons().stream()
                            .filter(reason -> !reason.ok())
                            .map(RecognitionReason::detail)
                            .collect(Collectors.joining("; ")));
        }
        var stamp = store.stamp();
        RecognitionAcceptance acceptance = new RecognitionAcceptance(
                r.certificateId(),
                r.region(),
                answer.agreementId(),
                answer.verdict(),
                answer.reasons(),
                ctx.caller().actor(),
                stamp.recordedAt(),
                stamp.txId());
        store.put(RecognitionAcceptance.TYPE, id, acceptance);
        store.index(RecognitionAcceptance.BY_CERTIFICATE, r.certificateId(), id);
        return store.answerWithEvent("RecognitionAccepted", acceptance);
    }

    /** Every region's recorded acceptance of a certificate, in region order. */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String ListAcceptances(TransactionContext ctx, String request) {
        RecordStore store = ctx.store();
        ByCertificate r = Canonical.read(request, ByCertificate.class);
        Check.id("certificateId", r.certificateId());
        return Canonical.json(store.recordsByIndex(
                RecognitionAcceptance.TYPE,
                RecognitionAcceptance.class,
                RecognitionAcceptance.BY_CERTIFICATE,
                r.certificateId()));
    }

    /** Gathers what the rule needs: the verdict, the issuer's region, and every agreement of either region. */
    private static RecognitionAnswer answer(RecordStore store, String certificateId, String region, Instant at) {
        store.get(Region.TYPE, region, Region.class);
        VerificationReport report = CertificateVerification.verify(store, certificateId, null, at);
        Certificate certificate = report.certificate();
        String issuerRegion = certificate == null
                ? null
                : store.find(Lab.TYPE, certificate.issuer(), Lab.class)
                        .map(Lab::region)
                        .orElse(null);
        CrossRecognition.Facts facts = new CrossRecognition.Facts(
                certificateId,
                report.verdict().name(),
                issuerRegion,
                certificate == null ? null : certificate.category());
        List<RecognitionAgreement> agreements = Stream.of(region, issuerRegion)
                .filter(Objects::nonNull)
                .flatMap(msp -> store.idsByIndex(RecognitionAgreement.BY_MEMBER, msp).stream())
                .distinct()
                .sorted()
                .map(id -> store.get(RecognitionAgreement.TYPE, id, RecognitionAgreement.class))
                .toList();
        return CrossRecognition.decide(facts, region, at, agreements);
    }

    /** The agreement, once the caller is known to be a centre admin of one of its members. */
    private static RecognitionAgreement memberAdminOf(RecordStore store, Caller caller, String id, String action) {
        caller.require(action + " recognition agreements", Role.CENTRE_ADMIN);
        RecognitionAgreement agreement = store.get(RecognitionAgreement.TYPE, id, RecognitionAgreement.class);
        if (!agreement.members().contains(caller.msp())) {
            throw Fail.forbidden(
                    caller.msp() + " is not a member of agreement " + id + " and may not " + action + " it");
        }
        return agreement;
    }
}
