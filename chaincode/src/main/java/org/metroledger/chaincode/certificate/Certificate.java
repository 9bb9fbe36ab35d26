package org.metroledger.chaincode.certificate;

import java.time.Instant;
import java.util.List;
import org.metroledger.chaincode.json.Canonical;
import org.metroledger.chaincode.registry.SubjectType;
import org.metroledger.chaincode.state.Stamp;

/**
 * A calibration or verification certificate on the ledger: the lab's signed request, the subject's
 * category copied at issue, and the lifecycle the ledger keeps (status, successor, stamps).
 */
public record Certificate(
        String id,
        CertificateKind kind,
        String issuer,
        String subject,
        SubjectType subjectType,
        String category,
        String method,
        String performedFrom,
        String performedTo,
        String issuedAt,
        String validUntil,
        String location,
        String conditions,
        List<MeasurementResult> results,
        Conformity conformity,
        String decisionRule,
        List<TraceabilityLink> traceability,
        String documentDigest,
        String signatory,
        String signature,
        SignedWith signedWith,
        String previous,
        String uniqueIdentifier,
        CertificateStatus status,
        String statusReason,
        String statusChangedAt,
        String successor,
        String recordedAt,
        String txId) {
    public static final String TYPE = "Certificate";
    /** Index (subject, issuedAt, id): a subject's certificates in issue order. */
    public static final String BY_SUBJECT = "certificate~subject";
    /** Index (issuer, issuedAt, id): a lab's certificates in issue order. */
    public static final String BY_LAB = "certificate~lab";

    /** A new ACTIVE certificate from a validated request, signed with the lab's key of that id. */
    public static Certificate issued(CertificateRequest r, String category, String keyId, Stamp stamp) {
        return new Certificate(
                r.id(),
                r.kind(),
                r.issuer(),
                r.subject(),
                r.subjectType(),
                category,
                r.method(),
                r.performedFrom(),
                r.performedTo(),
                r.issuedAt(),
                r.validUntil(),
                r.location(),
                r.conditions(),
                r.results(),
                r.conformity(),
                r.decisionRule(),
                r.traceability(),
                r.documentDigest(),
                r.signatory(),
                r.signature(),
                new SignedWith(keyId, stamp.recordedAt()),
                r.previous(),
                r.uniqueIdentifier(),
                CertificateStatus.ACTIVE,
                null,
                null,
                null,
                stamp.recordedAt(),
                stamp.txId());
    }

    /** This certificate after leaving ACTIVE; the change time is the transaction's. */
    public Certificate ended(CertificateStatus newStatus, String reason, String successorId, Stamp stamp) {
        return new Certificate(
                id,
                kind,
                issuer,
                subject,
                subjectType,
                category,
                method,
                performedFrom,
                performedTo,
                issuedAt,
                validUntil,
                location,
                conditions,
                results,
                conformity,
                decisionRule,
                traceability,
                documentDigest,
                signatory,
                signature,
                signedWith,
                previous,
                uniqueIdentifier,
                newStatus,
                reason,
                stamp.recordedAt(),
                successorId,
                stamp.recordedAt(),
                stamp.txId());
    }

    /** The traceability links, none when the lab sent none. */
    public List<TraceabilityLink> links() {
        return traceability == null ? List.of() : traceability;
    }

    /** True when the certificate had left ACTIVE for that status by the instant given. */
    public boolean endedAs(CertificateStatus ended, Instant at) {
        return status == ended
                && statusChangedAt != null
                && !Canonical.instant(statusChangedAt).isAfter(at);
    }
}
