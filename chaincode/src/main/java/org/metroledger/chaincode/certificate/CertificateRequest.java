package org.metroledger.chaincode.certificate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.metroledger.chaincode.credit.RatingPolicy;
import org.metroledger.chaincode.json.Canonical;
import org.metroledger.chaincode.json.Check;
import org.metroledger.chaincode.registry.SubjectType;

/**
 * A certificate as the issuing lab sends and signs it. Its components other than {@code signature}
 * are the signed content ({@link SignedContent}); the ledger adds category, status and stamps.
 *
 * @param uniqueIdentifier the certificate's identifier as the lab's own system wrote it (a DCC's
 *     {@code uniqueIdentifier}), or null; when given, {@code id} must be its ledger id
 *     ({@link CertificateIds#fromIdentifier})
 */
public record CertificateRequest(
        String id,
        CertificateKind kind,
        String issuer,
        String subject,
        SubjectType subjectType,
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
        String previous,
        String uniqueIdentifier) {

    private static final int MAX_SIGNATURE = 200;
    /** D-SI units are compositions such as {@code \milli\kelvin\tothe{2}\per\volt}: room for long ones. */
    public static final int MAX_UNIT = 512;

    /**
     * This request carrying a lab's signature: signers build the request without one, sign its
     * canonical JSON (absent fields are left out, so that is the content without the signature),
     * then attach the signature here.
     */
    public CertificateRequest withSignature(String labSignature) {
        // Through the tree rather than a field-by-field copy, so a field added later is carried along.
        ObjectNode tree = Canonical.mapper().valueToTree(this);
        tree.put("signature", labSignature);
        try {
            return Canonical.mapper().treeToValue(tree, CertificateRequest.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a request always maps back to itself", e);
        }
    }

    /**
     * Checks every field's shape and the dates against each other and the transaction time: issuedAt
     * no later than the transaction and no earlier than the policy's back-dating allowance before it.
     * Fails with INVALID_ARGUMENT naming the first bad field. Reads no state.
     */
    public CertificateRequest validate(Instant txTime, RatingPolicy policy) {
        Check.id("id", id);
        if (uniqueIdentifier != null) {
            Check.text("uniqueIdentifier", uniqueIdentifier, CertificateIds.MAX_IDENTIFIER);
            String derived = CertificateIds.fromIdentifier(uniqueIdentifier);
            Check.that(
                    id.equals(derived),
                    "id",
                    "must be '" + derived + "', the ledger id of the uniqueIdentifier given (got '" + id + "')");
        }
        Check.required("kind", kind);
        Check.id("issuer", issuer);
        Check.id("subject", subject);
        Check.required("subjectType", subjectType);
        Check.text("method", method, 200);
        Instant from = Check.canonicalInstant("performedFrom", performedFrom);
        Instant to = Check.canonicalInstant("performedTo", performedTo);
        Instant issued = Check.canonicalInstant("issuedAt", issuedAt);
        Instant until = Check.canonicalInstant("validUntil", validUntil);
        Check.that(!to.isBefore(from), "performedTo", "must not be before performedFrom");
        Check.that(!issued.isBefore(to), "issuedAt", "must not be before performedTo");
        Check.that(until.isAfter(issued), "validUntil", "must be after issuedAt");
        Check.that(!issued.isAfter(txTime), "issuedAt", "must not be after the transaction time " + txTime);
        Check.that(
                !issued.isBefore(policy.earliestIssue(txTime)),
                "issuedAt",
                "must not be earlier than " + policy.backdating() + " (rating policy version " + policy.version()
                        + "'s back-dating allowance) before the transaction time " + txTime);
        Check.text("location", location, 500);
        Check.optionalText("conditions", conditions);
        validateResults();
        Check.required("conformity", conformity);
        Check.that(
                kind != CertificateKind.VERIFICATION || conformity != Conformity.NONE,
                "conformity",
                "must be PASS or FAIL for a VERIFICATION certificate");
        if (conformity != Conformity.NONE) {
            Check.text("decisionRule", decisionRule, 1000);
        } else {
            Check.optionalText("decisionRule", decisionRule);
        }
        validateTraceability();
        Check.sha256("documentDigest", documentDigest);
        Check.text("signatory", signatory, 200);
        Check.text("signature", signature, MAX_SIGNATURE);
        if (previous != null) {
            Check.id("previous", previous);
        }
        return this;
    }

    private void validateResults() {
        if (results == null) {
            Check.that(kind != CertificateKind.CALIBRATION, "results", "is required for a CALIBRATION certificate");
            return;
        }
        Check.items("results", results, kind == CertificateKind.CALIBRATION ? 1 : 0);
        for (int i = 0; i < results.size(); i++) {
            MeasurementResult r = results.get(i);
            String at = "results[" + i + "].";
            Check.text(at + "quantity", r.quantity(), 200);
            Check.decimal(at + "value", r.value());
            Check.text(at + "unit", r.unit(), MAX_UNIT);
            // A calibration result without its uncertainty is not a calibration result.
            boolean uncertaintyRequired = kind == CertificateKind.CALIBRATION;
            if (r.hasCoverageInterval()) {
                validateInterval(at, r);
            } else {
                if (uncertaintyRequired || r.expandedUncertainty() != null) {
                    nonNegative(at + "expandedUncertainty", r.expandedUncertainty(), false);
                }
                if (uncertaintyRequired || r.coverageFactor() != null) {
                    nonNegative(at + "coverageFactor", r.coverageFactor(), true);
                }
                if (r.coverageProbability() != null) {
                    probability(at + "coverageProbability", r.coverageProbability());
                }
                Check.that(
                        r.standardUncertainty() == null,
                        at + "standardUncertainty",
                        "belongs to a coverage interval (intervalMin, intervalMax)");
            }
            if (r.refType() != null) {
                Check.text(at + "refType", r.refType(), 1000);
            }
        }
    }

    /** A coverage interval: its bounds around nothing in particular, at a stated probability. */
    private static void validateInterval(String at, MeasurementResult r) {
        BigDecimal min = new BigDecimal(Check.decimal(at + "intervalMin", r.intervalMin()));
        BigDecimal max = new BigDecimal(Check.decimal(at + "intervalMax", r.intervalMax()));
        Check.that(min.compareTo(max) <= 0, at + "intervalMax", "must not be below intervalMin");
        nonNegative(at + "standardUncertainty", r.standardUncertainty(), false);
        probability(at + "coverageProbability", r.coverageProbability());
        Check.that(
                r.expandedUncertainty() == null && r.coverageFactor() == null,
                at + "expandedUncertainty",
                "and coverageFactor must be absent when the uncertainty is a coverage interval");
    }

    private static void probability(String field, String value) {
        BigDecimal p = new BigDecimal(Check.decimal(field, value));
        Check.that(p.signum() > 0 && p.compareTo(BigDecimal.ONE) <= 0, field, "must be in (0, 1]");
    }

    private void validateTraceability() {
        if (traceability == null) {
            return;
        }
        Check.items("traceability", traceability, 0);
        Set<String> cited = new HashSet<>();
        for (int i = 0; i < traceability.size(); i++) {
            TraceabilityLink link = traceability.get(i);
            String at = "traceability[" + i + "].";
            Check.id(at + "standardId", link.standardId());
            Check.id(at + "certificateId", link.certificateId());
            Check.that(cited.add(link.certificateId()), at + "certificateId", "is cited twice");
        }
    }

    private static void nonNegative(String field, String value, boolean strictlyPositive) {
        BigDecimal number = new BigDecimal(Check.decimal(field, value));
        int sign = number.signum();
        Check.that(
                strictlyPositive ? sign > 0 : sign >= 0,
                field,
                strictlyPositive ? "must be positive" : "must not be negative");
    }
}
