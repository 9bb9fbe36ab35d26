package org.metroledger.chaincode.certificate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.metroledger.chaincode.json.Canonical;
import org.metroledger.chaincode.registry.Accreditation;
import org.metroledger.chaincode.registry.Lab;
import org.metroledger.chaincode.registry.LabKey;

/**
 * DESIGN §4's verification rules over a {@link CertificateLookup}: every check runs and is
 * itemised, and the verdict is the first that fails, in {@link Verdict} order.
 */
final class Verifier {
    private final CertificateLookup lookup;

    Verifier(CertificateLookup lookup) {
        this.lookup = lookup;
    }

    /**
     * Verifies a certificate as of {@code at}.
     *
     * @param digest the SHA-256 hex of the document in hand, or null when there is none to compare
     */
    VerificationReport verify(String id, String digest, Instant at) {
        Optional<Certificate> found = lookup.certificate(id);
        Checks checks = new Checks();
        if (found.isEmpty()) {
            checks.record(Verdict.NOT_FOUND, false, "no certificate '" + id + "' is on the ledger");
            return new VerificationReport(
                    id, at.toString(), digest, checks.verdict, checks.items, null, null, null, null);
        }
        Certificate c = found.get();
        Optional<Lab> lab = lookup.lab(c.issuer());
        checks.record(
                Verdict.NOT_FOUND, true, "certificate " + c.id() + " issued by " + c.issuer() + " is on the ledger");
        digest(checks, c, digest);
        signature(checks, c, lab);
        Horizon horizon = new Horizon(at);
        horizon.changesWith(c);
        lifecycle(checks, c, at, CertificateStatus.REVOKED, Verdict.REVOKED);
        lifecycle(checks, c, at, CertificateStatus.SUPERSEDED, Verdict.SUPERSEDED);
        validity(checks, c, at, horizon);
        accreditation(checks, c, lab);
        TraceabilityWalk walk = new TraceabilityWalk(lookup, at, horizon);
        Optional<String> broken = walk.brokenLink(c);
        checks.record(
                Verdict.TRACEABILITY_BROKEN,
                broken.isEmpty(),
                broken.orElse(
                        walk.linksChecked() == 0
                                ? "the subject is a PRIMARY standard: the root of traceability"
                                : "every path of " + walk.linksChecked()
                                        + " checked link(s) ends at a PRIMARY standard"));
        return new VerificationReport(
                c.id(),
                at.toString(),
                digest,
                checks.verdict,
                checks.items,
                c,
                new LedgerEvidence(c.txId(), c.recordedAt()),
                c.successor(),
                horizon.until().map(Instant::toString).orElse(null));
    }

    private static void digest(Checks checks, Certificate c, String digest) {
        if (digest == null) {
            checks.record(Verdict.DIGEST_MISMATCH, true, "no document digest given, so none compared");
        } else if (digest.equals(c.documentDigest())) {
            checks.record(Verdict.DIGEST_MISMATCH, true, "the document matches the recorded SHA-256 digest");
        } else {
            checks.record(
                    Verdict.DIGEST_MISMATCH,
                    false,
                    "the document's SHA-256 " + digest + " differs from the recorded " + c.documentDigest());
        }
    }

    /**
     * The signature against the key that was the lab's when the certificate was recorded: the one
     * the certificate names, or for a record from before keys were named, the key in force at its
     * recording. A key the lab reported compromised is not trusted for what was recorded with it
     * from the compromise time on. This judges by the key history the ledger holds now, whatever
     * {@code at}: a compromise reported later still means the signature cannot be trusted.
     */
    private static void signature(Checks checks, Certificate c, Optional<Lab> lab) {
        if (lab.isEmpty()) {
            checks.record(Verdict.SIGNATURE_INVALID, false, "issuer lab " + c.issuer() + " is not registered");
            return;
        }
        Lab l = lab.get();
        SignedWith signedWith = c.signedWith();
        String recorded = signedWith != null ? signedWith.recordedAt() : c.recordedAt();
        Optional<LabKey> key = signedWith != null
                ? l.key(signedWith.key())
                : Optional.of(
                        l.keyAt(recorded == null ? Canonical.instant(c.issuedAt()) : Canonical.instant(recorded)));
        if (key.isEmpty()) {
            checks.record(
                    Verdict.SIGNATURE_INVALID,
                    false,
                    "key " + signedWith.key() + " the certificate names is not in " + c.issuer() + "'s key history");
            return;
        }
        LabKey k = key.get();
        if (!SignedContent.verifies(k.publicKey(), c)) {
            checks.record(
                    Verdict.SIGNATURE_INVALID,
                    false,
                    "the signature does not verify under " + c.issuer() + "'s key " + k.id());
            return;
        }
        Optional<Instant> compromise = k.compromise();
        if (compromise.isPresent()
                && recorded != null
                && !Canonical.instant(recorded).isBefore(compromise.get())) {
            checks.record(
                    Verdict.SIGNATURE_INVALID,
                    false,
                    "signed with " + c.issuer() + "'s key " + k.id() + ", which the lab reported compromised from "
                            + k.compromisedAt() + (k.reason() == null ? "" : " (" + k.reason() + ")")
                            + "; the certificate was recorded at " + recorded + ", after that");
            return;
        }
        checks.record(
                Verdict.SIGNATURE_INVALID,
                true,
                "signed by " + c.issuer() + "'s key " + k.id() + ", the lab's key when the certificate was recorded"
                        + (recorded == null ? "" : " (" + recorded + ")"));
    }

    /**
     * Status as of {@code at}: a later revocation or supersession does not change the past. The
     * detail never names {@code at}, which the report carries once, so an answer can be reused.
     */
    private static void lifecycle(Checks checks, Certificate c, Instant at, CertificateStatus ended, Verdict verdict) {
        boolean endedByThen = c.endedAs(ended, at);
        String word = ended.name().toLowerCase(java.util.Locale.ROOT);
        String detail = !endedByThen
                ? "not " + word
                : ended == CertificateStatus.SUPERSEDED
                        ? "superseded by " + c.successor() + " at " + c.statusChangedAt()
                        : "revoked at " + c.statusChangedAt() + ": " + c.statusReason();
        checks.record(verdict, !endedByThen, detail);
    }

    private static void validity(Checks checks, Certificate c, Instant at, Horizon horizon) {
        Instant issued = Canonical.instant(c.issuedAt());
        Instant until = Canonical.instant(c.validUntil());
        horizon.changesAt(issued);
        horizon.changesAt(until);
        if (at.isBefore(issued)) {
            checks.record(Verdict.EXPIRED, false, "not yet issued (issued " + c.issuedAt() + ")");
        } else if (!at.isBefore(until)) {
            checks.record(Verdict.EXPIRED, false, "expired at " + c.validUntil());
        } else {
            checks.record(Verdict.EXPIRED, true, "valid from " + c.issuedAt() + " until " + c.validUntil());
        }
    }

    /**
     * The lab's standing from its history, at issuedAt and at the recording: a lab whose
     * accreditation lapsed could otherwise record certificates dated back into its accredited
     * period. Both instants are past, so a later change of standing never changes this check.
     */
    private static void accreditation(Checks checks, Certificate c, Optional<Lab> lab) {
        if (lab.isEmpty()) {
            checks.record(Verdict.ISSUER_NOT_ACCREDITED, false, "issuer lab " + c.issuer() + " is not registered");
            return;
        }
        Lab l = lab.get();
        Instant issued = Canonical.instant(c.issuedAt());
        Instant recorded = c.recordedAt() == null ? issued : Canonical.instant(c.recordedAt());
        Optional<String> problem = l.problemWith(c.category(), issued)
                .map(p -> "at issue: " + p)
                .or(() -> l.problemWith(c.category(), recorded).map(p -> "at recording: " + p));
        if (problem.isPresent()) {
            checks.record(Verdict.ISSUER_NOT_ACCREDITED, false, problem.get());
        } else {
            Accreditation a = l.standingAt(issued).accreditation();
            checks.record(
                    Verdict.ISSUER_NOT_ACCREDITED,
                    true,
                    "lab " + l.id() + " was ACTIVE and accreditation " + a.body() + " " + a.number() + " covered "
                            + c.category() + " at issue (" + c.issuedAt() + ") and at recording (" + recorded + ")");
        }
    }

    /** The itemised checks so far and the verdict of the first that failed. */
    private static final class Checks {
        private final List<VerificationCheck> items = new ArrayList<>();
        private Verdict verdict = Verdict.VALID;

        void record(Verdict ifFailed, boolean ok, String detail) {
            items.add(new VerificationCheck(ifFailed.check(), ok, detail));
            if (!ok && verdict == Verdict.VALID) {
                verdict = ifFailed;
            }
        }
    }
}
