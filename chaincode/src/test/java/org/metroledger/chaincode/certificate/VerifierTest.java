package org.metroledger.chaincode.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.metroledger.chaincode.certificate.TraceabilityChain.AT;

import java.time.Instant;
import java.util.List;
import org.hyperledger.fabric.shim.ChaincodeException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.metroledger.chaincode.json.Canonical;
import org.metroledger.chaincode.registry.Lab;
import org.metroledger.chaincode.registry.LabStatus;
import org.metroledger.chaincode.signature.LabSignature;
import org.metroledger.chaincode.state.Stamp;
import org.metroledger.simulation.CertificateAuthority;

class VerifierTest {
    private final TraceabilityChain chain = new TraceabilityChain();

    private static List<String> names(VerificationReport report) {
        return report.checks().stream().map(VerificationCheck::name).toList();
    }

    private static VerificationCheck check(VerificationReport report, Verdict verdict) {
        return report.checks().stream()
                .filter(c -> c.name().equals(verdict.check()))
                .findFirst()
                .orElseThrow();
    }

    @Nested
    class A_sound_certificate {
        @Test
        void is_valid_with_every_check_itemised_in_verdict_order() {
            VerificationReport report = chain.verify("C-I");
            assertThat(report.verdict()).isEqualTo(Verdict.VALID);
            assertThat(report.valid()).isTrue();
            assertThat(names(report))
                    .containsExactly(
                            "exists",
                            "digest",
                            "signature",
                            "revocation",
                            "supersession",
                            "validity",
                            "accreditation",
                            "traceability");
            assertThat(report.checks()).allMatch(VerificationCheck::ok);
            assertThat(report.certificate()).isEqualTo(chain.instrument);
            assertThat(report.evidence()).isEqualTo(new LedgerEvidence("tx-C-I", "2025-05-31T08:00:00Z"));
            assertThat(report.at()).isEqualTo(AT.toString());
        }

        @Test
        void matches_the_document_digest_in_any_case() {
            VerificationReport report =
                    CertificateVerification.verify(chain.lookup, "C-I", CertificateDraft.DIGEST.toUpperCase(), AT);
            assertThat(report.verdict()).isEqualTo(Verdict.VALID);
            assertThat(check(report, Verdict.DIGEST_MISMATCH).detail()).contains("matches");
        }

        @Test
        void of_a_primary_standard_needs_no_links() {
            VerificationReport report = chain.verify("C-P");
            assertThat(report.verdict()).isEqualTo(Verdict.VALID);
            assertThat(check(report, Verdict.TRACEABILITY_BROKEN).detail()).contains("PRIMARY");
        }
    }

    @Nested
    class Each_verdict_is_reachable {
        @Test
        void not_found_is_a_verdict_with_only_the_existence_check() {
            VerificationReport report = chain.verify("C-NONE");
            assertThat(report.verdict()).isEqualTo(Verdict.NOT_FOUND);
            assertThat(report.checks()).hasSize(1);
            assertThat(report.checks().get(0).ok()).isFalse();
            assertThat(report.certificate()).isNull();
            assertThat(report.evidence()).isNull();
        }

        @Test
        void another_document_is_a_digest_mismatch() {
            VerificationReport report = CertificateVerification.verify(chain.lookup, "C-I", "b".repeat(64), AT);
            assertThat(report.verdict()).isEqualTo(Verdict.DIGEST_MISMATCH);
            assertThat(check(report, Verdict.DIGEST_MISMATCH).detail()).contains("b".repeat(64));
        }

        @Test
        void a_record_changed_after_signing_has_an_invalid_signature() {
            Certificate c = chain.instrument;
            Certificate tampered =
                    TraceabilityChain.altered(chain.instrument, "2030-01-01T00:00:00Z", chain.instrument.signature());
            chain.lookup.add(tampered);
            assertThat(chain.verify("C-I").verdict()).isEqualTo(Verdict.SIGNATURE_INVALID);
        }

        @Test
        void a_certificate_signed_by_another_key_has_an_invalid_signature() {
            Certificate forged = CertificateDraft.verification("C-F", TraceabilityChain.LAB, "pump-3")
                    .cites("STD-W", "C-W")
                    .recorded(CertificateAuthority.newKeyPair(), TraceabilityChain.CATEGORY);
            chain.lookup.add(forged);
            VerificationReport report = chain.verify("C-F");
            assertThat(report.verdict()).isEqualTo(Verdict.SIGNATURE_INVALID);
            // The record names the forger's key, which was never the lab's.
            assertThat(check(report, Verdict.SIGNATURE_INVALID).detail())
                    .contains("is not in " + TraceabilityChain.LAB);
        }

        @Test
        void a_revoked_certificate_is_revoked_from_its_revocation_on() {
            chain.end(chain.instrument, CertificateStatus.REVOKED, null, "2025-06-01T00:00:00Z");
            VerificationReport report = chain.verify("C-I");
            assertThat(report.verdict()).isEqualTo(Verdict.REVOKED);
            assertThat(check(report, Verdict.REVOKED).detail()).contains("reason for C-I");
            VerificationReport before =
                    CertificateVerification.verify(chain.lookup, "C-I", null, Instant.parse("2025-05-31T23:59:59Z"));
            assertThat(before.verdict()).isEqualTo(Verdict.VALID);
        }

        @Test
        void a_superseded_certificate_names_its_successor() {
            chain.end(chain.instrument, CertificateStatus.SUPERSEDED, "C-I2", "2025-06-01T00:00:00Z");
            VerificationReport report = chain.verify("C-I");
            assertThat(report.verdict()).isEqualTo(Verdict.SUPERSEDED);
            assertThat(report.successor()).isEqualTo("C-I2");
            assertThat(check(report, Verdict.SUPERSEDED).detail()).contains("C-I2");
        }

        @Test
        void a_certificate_is_expired_from_its_valid_until_on() {
            Instant until = Instant.parse(chain.instrument.validUntil());
            assertThat(CertificateVerification.verify(chain.lookup, "C-I", null, until)
                            .verdict())
                    .isEqualTo(Verdict.EXPIRED);
            assertThat(CertificateVerification.verify(chain.lookup, "C-I", null, until.minusSeconds(1))
                            .verdict())
                    .isNotEqualTo(Verdict.EXPIRED);
        }

        @Test
        void a_certificate_is_not_valid_before_it_was_issued() {
            VerificationReport report =
                    CertificateVerification.verify(chain.lookup, "C-I", null, Instant.parse("2025-05-31T07:59:59Z"));
            assertThat(report.verdict()).isEqualTo(Verdict.EXPIRED);
            assertThat(check(report, Verdict.EXPIRED).detail()).contains("not yet issued");
        }

        @Test
        void a_suspended_lab_is_not_accredited() {
            chain.lookup.add(chain.lab(LabStatus.SUSPENDED, TraceabilityChain.ACCREDITATION));
            VerificationReport report = chain.verify("C-I");
            assertThat(report.verdict()).isEqualTo(Verdict.ISSUER_NOT_ACCREDITED);
            assertThat(check(report, Verdict.ISSUER_NOT_ACCREDITED).detail()).contains("SUSPENDED");
        }

        @Test
        void a_scope_without_the_category_is_not_accredited() {
            chain.lookup.add(
                    chain.lab(LabStatus.ACTIVE, TraceabilityChain.accreditation("2030-01-01T00:00:00Z", "weighing")));
            VerificationReport report = chain.verify("C-I");
            assertThat(report.verdict()).isEqualTo(Verdict.ISSUER_NOT_ACCREDITED);
            assertThat(check(report, Verdict.ISSUER_NOT_ACCREDITED).detail()).contains("fuel-dispenser");
        }

        @Test
        void an_accreditation_that_lapsed_before_issue_is_not_accredited() {
            chain.lookup.add(chain.lab(
                    LabStatus.ACTIVE,
                    TraceabilityChain.accreditation("2025-05-01T00:00:00Z", TraceabilityChain.CATEGORY)));
            assertThat(chain.verify("C-I").verdict()).isEqualTo(Verdict.ISSUER_NOT_ACCREDITED);
        }

        @Test
        void a_certificate_dated_in_a_suspension_is_not_accredited_though_the_lab_is_active_now() {
            Lab active = chain.lab(LabStatus.ACTIVE, TraceabilityChain.ACCREDITATION);
            chain.lookup.add(active.withStanding(
                            LabStatus.SUSPENDED,
                            "audit",
                            TraceabilityChain.ACCREDITATION,
                            new Stamp("2025-05-01T00:00:00Z", "tx-suspend"))
                    .withStanding(
                            LabStatus.ACTIVE,
                            "cleared",
                            TraceabilityChain.ACCREDITATION,
                            new Stamp("2025-06-01T00:00:00Z", "tx-reactivate")));
            VerificationReport report = chain.verify("C-I");
            assertThat(report.verdict()).isEqualTo(Verdict.ISSUER_NOT_ACCREDITED);
            assertThat(check(report, Verdict.ISSUER_NOT_ACCREDITED).detail())
                    .startsWith("at issue: ")
                    .contains("SUSPENDED at 2025-05-31T08:00:00Z (audit)");
        }

        @Test
        void a_certificate_recorded_after_the_accreditation_lapsed_is_not_accredited_whatever_its_date() {
            chain.lookup.add(chain.lab(
                    LabStatus.ACTIVE,
                    TraceabilityChain.accreditation("2025-05-31T12:00:00Z", TraceabilityChain.CATEGORY)));
            CertificateRequest backdated = Canonical.read(
                    CertificateDraft.verification("C-BACK", TraceabilityChain.LAB, "pump-3")
                            .cites("STD-W", "C-W")
                            .signedBy(chain.key),
                    CertificateRequest.class);
            chain.lookup.add(Certificate.issued(
                    backdated,
                    TraceabilityChain.CATEGORY,
                    LabSignature.fingerprint(LabSignature.pem(chain.key.getPublic())),
                    new Stamp("2025-06-01T00:00:00Z", "tx-late")));
            VerificationReport report = chain.verify("C-BACK");
            assertThat(report.verdict()).isEqualTo(Verdict.ISSUER_NOT_ACCREDITED);
            assertThat(check(report, Verdict.ISSUER_NOT_ACCREDITED).detail())
                    .startsWith("at recording: ")
                    .contains("did not cover fuel-dispenser at 2025-06-01T00:00:00Z");
        }

        @Test
        void a_suspension_after_issue_and_recording_does_not_change_the_verdict() {
            chain.lookup.add(chain.lab(LabStatus.ACTIVE, TraceabilityChain.ACCREDITATION)
                    .withStanding(
                            LabStatus.SUSPENDED,
                            "audit",
                            TraceabilityChain.ACCREDITATION,
                            new Stamp("2025-06-01T07:00:00Z", "tx-suspend")));
            VerificationReport report = chain.verify("C-I");
            assertThat(report.verdict()).isEqualTo(Verdict.VALID);
            assertThat(check(report, Verdict.ISSUER_NOT_ACCREDITED).detail()).contains("at issue");
        }

        @Test
        void an_instrument_certificate_citing_no_standard_has_broken_traceability() {
            chain.add(CertificateDraft.verification("C-BARE", TraceabilityChain.LAB, "pump-3"));
            VerificationReport report = chain.verify("C-BARE");
            assertThat(report.verdict()).isEqualTo(Verdict.TRACEABILITY_BROKEN);
            assertThat(check(report, Verdict.TRACEABILITY_BROKEN).detail()).contains("cites no standard");
        }
    }

    @Nested
    class When_several_checks_fail {
        @Test
        void the_verdict_is_the_first_in_order_and_every_failure_is_itemised() {
            chain.end(chain.reference, CertificateStatus.REVOKED, null, "2025-04-01T00:00:00Z");
            chain.end(chain.instrument, CertificateStatus.REVOKED, null, "2025-06-01T00:00:00Z");
            chain.lookup.add(chain.lab(LabStatus.WITHDRAWN, TraceabilityChain.ACCREDITATION));
            Instant late = Instant.parse("2026-06-01T00:00:00Z");
            VerificationReport report = CertificateVerification.verify(chain.lookup, "C-I", "c".repeat(64), late);
            assertThat(report.verdict()).isEqualTo(Verdict.DIGEST_MISMATCH);
            assertThat(report.checks().stream().filter(c -> !c.ok()).map(VerificationCheck::name))
                    .containsExactly("digest", "revocation", "validity", "accreditation", "traceability");
        }

        @Test
        void without_a_digest_revocation_comes_before_expiry_accreditation_and_traceability() {
            chain.end(chain.reference, CertificateStatus.REVOKED, null, "2025-04-01T00:00:00Z");
            chain.end(chain.instrument, CertificateStatus.REVOKED, null, "2025-06-01T00:00:00Z");
            chain.lookup.add(chain.lab(LabStatus.WITHDRAWN, TraceabilityChain.ACCREDITATION));
            VerificationReport report =
                    CertificateVerification.verify(chain.lookup, "C-I", null, Instant.parse("2026-06-01T00:00:00Z"));
            assertThat(report.verdict()).isEqualTo(Verdict.REVOKED);
        }

        @Test
        void expiry_comes_before_accreditation() {
            chain.lookup.add(chain.lab(LabStatus.SUSPENDED, TraceabilityChain.ACCREDITATION));
            VerificationReport report =
                    CertificateVerification.verify(chain.lookup, "C-I", null, Instant.parse("2026-06-01T00:00:00Z"));
            assertThat(report.verdict()).isEqualTo(Verdict.EXPIRED);
        }

        @Test
        void accreditation_comes_before_traceability() {
            chain.end(chain.working, CertificateStatus.REVOKED, null, "2025-04-01T00:00:00Z");
            chain.lookup.add(chain.lab(LabStatus.SUSPENDED, TraceabilityChain.ACCREDITATION));
            assertThat(chain.verify("C-I").verdict()).isEqualTo(Verdict.ISSUER_NOT_ACCREDITED);
        }
    }

    @Nested
    class Bad_arguments {
        @Test
        void a_malformed_digest_is_refused_naming_the_field() {
            assertThatThrownBy(() -> CertificateVerification.verify(chain.lookup, "C-I", "abc", AT))
                    .isInstanceOf(ChaincodeException.class)
                    .hasMessageStartingWith("INVALID_ARGUMENT: digest");
        }

        @Test
        void a_malformed_id_is_refused_naming_the_field() {
            assertThatThrownBy(() -> CertificateVerification.verify(chain.lookup, "bad id", null, AT))
                    .hasMessageStartingWith("INVALID_ARGUMENT: id");
        }
    }
}
