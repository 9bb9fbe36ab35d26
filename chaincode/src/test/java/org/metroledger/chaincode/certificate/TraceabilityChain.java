package org.metroledger.chaincode.certificate;

import java.security.KeyPair;
import java.time.Instant;
import java.util.List;
import org.metroledger.chaincode.registry.Accreditation;
import org.metroledger.chaincode.registry.Lab;
import org.metroledger.chaincode.registry.LabStatus;
import org.metroledger.chaincode.registry.ScopeItem;
import org.metroledger.chaincode.registry.Standard;
import org.metroledger.chaincode.registry.StandardLevel;
import org.metroledger.chaincode.signature.LabSignature;
import org.metroledger.chaincode.state.Stamp;
import org.metroledger.simulation.CertificateAuthority;

/**
 * Records for the rules without Fabric: lab L1, a PRIMARY → REFERENCE → WORKING chain of standards
 * with their calibration certificates, and a fuel dispenser's verification citing the WORKING one.
 */
final class TraceabilityChain {
    static final Instant AT = Instant.parse("2025-06-01T08:00:00Z");
    static final String LAB = "L1";
    static final String CATEGORY = "fuel-dispenser";
    static final Accreditation ACCREDITATION = accreditation("2030-01-01T00:00:00Z", CATEGORY);

    /** CNAS accreditation from 2020 until the instant given, for the one category. */
    static Accreditation accreditation(String validUntil, String category) {
        return new Accreditation(
                "CNAS",
                "L0001",
                "2020-01-01T00:00:00Z",
                validUntil,
                List.of(new ScopeItem(category, "volume", "0-100 L", "0.05 %")));
    }

    final KeyPair key = CertificateAuthority.newKeyPair();
    final MapLookup lookup = new MapLookup();
    final Certificate primary;
    final Certificate reference;
    final Certificate working;
    final Certificate instrument;

    TraceabilityChain() {
        lookup.add(lab(LabStatus.ACTIVE, ACCREDITATION));
        standard("STD-P", StandardLevel.PRIMARY);
        standard("STD-R", StandardLevel.REFERENCE);
        standard("STD-W", StandardLevel.WORKING);
        primary = add(calibration("C-P", "STD-P", "2024-12-20T00:00:00Z", "2025-01-01T00:00:00Z"));
        reference = add(calibration("C-R", "STD-R", "2025-01-10T00:00:00Z", "2025-02-01T00:00:00Z")
                .cites("STD-P", "C-P"));
        working = add(calibration("C-W", "STD-W", "2025-02-10T00:00:00Z", "2025-03-01T00:00:00Z")
                .cites("STD-R", "C-R"));
        instrument = add(CertificateDraft.verification("C-I", LAB, "pump-3").cites("STD-W", "C-W"));
    }

    Lab lab(LabStatus status, Accreditation accreditation) {
        return new Lab(
                LAB,
                "Lab one",
                "NorthMSP",
                accreditation,
                LabSignature.pem(key.getPublic()),
                status,
                null,
                "2020-01-01T00:00:00Z",
                "tx-lab",
                null,
                null);
    }

    Standard standard(String id, StandardLevel level) {
        Standard standard =
                new Standard(id, LAB, "standard " + id, level, CATEGORY, "2020-01-01T00:00:00Z", "tx-" + id);
        lookup.add(standard);
        return standard;
    }

    /** A calibration of a standard, valid until 2027, performed and issued on the days given. */
    static CertificateDraft calibration(String id, String standard, String performed, String issued) {
        return CertificateDraft.calibration(id, LAB, standard).dated(performed, issued, "2027-01-01T00:00:00Z");
    }

    /** Records the draft, signed by the lab's key, as the ledger would have accepted it. */
    Certificate add(CertificateDraft draft) {
        Certificate c = draft.recorded(key, CATEGORY);
        lookup.add(c);
        return c;
    }

    /** Replaces a certificate by itself revoked (or superseded) at the instant given. */
    Certificate end(Certificate c, CertificateStatus status, String successor, String when) {
        Certificate ended = c.ended(status, "reason for " + c.id(), successor, new Stamp(when, "tx-end-" + c.id()));
        lookup.add(ended);
        return ended;
    }

    /** The certificate with another validUntil and signature, as a forger editing the record would leave it. */
    static Certificate altered(Certificate c, String validUntil, String signature) {
        return new Certificate(
                c.id(),
                c.kind(),
                c.issuer(),
                c.subject(),
                c.subjectType(),
                c.category(),
                c.method(),
                c.performedFrom(),
                c.performedTo(),
                c.issuedAt(),
                validUntil,
                c.location(),
                c.conditions(),
                c.results(),
                c.conformity(),
                c.decisionRule(),
                c.traceability(),
                c.documentDigest(),
                c.signatory(),
                signature,
                c.signedWith(),
                c.previous(),
                c.uniqueIdentifier(),
                c.status(),
                c.statusReason(),
                c.statusChangedAt(),
                c.successor(),
                c.recordedAt(),
                c.txId());
    }

    VerificationReport verify(String id) {
        return CertificateVerification.verify(lookup, id, null, AT);
    }
}
