package org.metroledger.gateway.dcc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metroledger.gateway.dcc.SignatureCheck.Status;
import org.metroledger.gateway.identity.Member;
import org.metroledger.gateway.identity.TestMembers;
import org.metroledger.simulation.CertificateAuthority;

/**
 * Long-term signature validation with the signer's revocation status, against a CA, signers, CRLs
 * and OCSP responses this test makes: revoked at or before the signing time is INVALID naming
 * reason and time; a status nothing establishes is INVALID unless the operator allows it.
 */
class DccRevocationTest {
    private final Instant caFrom = Instant.parse("2025-01-01T00:00:00Z");
    private final Instant signedAt = Instant.parse("2025-03-02T10:00:00Z");
    private final CertificateAuthority ca = CertificateAuthority.create("NorthMSP", "dcc-ca.example", caFrom);
    private final Member signer = TestMembers.issue(ca, "Calibration Lab B2", "client", caFrom);
    private final TrustedCertificates trust = TrustedCertificates.of(List.of(ca.certificate()));
    /** Long after signing: the check must be made at the signing time, not now. */
    private final Clock now = Clock.fixed(Instant.parse("2025-09-01T00:00:00Z"), ZoneOffset.UTC);

    private final byte[] dcc = TestDccs.dcc("CAL-R-1", "lab-1", "inst-1", LocalDate.of(2025, 3, 1), TestDccs.ONE_REAL);

    private byte[] signed(List<java.security.cert.X509CRL> crls, List<byte[]> ocsp) throws Exception {
        return EnvelopedSigner.signXades(
                dcc, signer.certificate(), signer.privateKey(), signedAt, List.of(ca.certificate()), crls, ocsp);
    }

    private SignatureCheck verify(byte[] document) {
        return new DccSignatureVerifier(trust, now).verify(document);
    }

    @Test
    void a_signer_revoked_before_signing_by_the_documents_ocsp_response_is_invalid_naming_reason_and_time()
            throws Exception {
        Instant revoked = signedAt.minus(Duration.ofDays(3));
        byte[] ocsp = TestPki.ocsp(
                ca, signer.certificate(), revoked, TestPki.KEY_COMPROMISE, signedAt.plus(Duration.ofHours(1)));

        SignatureCheck check = verify(signed(List.of(), List.of(ocsp)));

        assertThat(check.status()).isEqualTo(Status.INVALID);
        assertThat(check.reason())
                .contains("signer 'CN=Calibration Lab B2")
                .contains("is revoked: revoked at " + revoked + ", reason keyCompromise")
                .contains("against the signing time " + signedAt)
                .contains("OCSP response");
    }

    @Test
    void a_signer_revoked_before_signing_by_the_documents_crl_is_invalid() throws Exception {
        Instant revoked = signedAt.minus(Duration.ofDays(1));
        var crl = TestPki.crl(ca, signer.certificate(), revoked, TestPki.SUPERSEDED, signedAt.plus(Duration.ofDays(1)));

        SignatureCheck check = verify(signed(List.of(crl), List.of()));

        assertThat(check.status()).isEqualTo(Status.INVALID);
        assertThat(check.reason())
                .contains("revoked at " + revoked + ", reason superseded")
                .contains("CRL of");
    }

    @Test
    void a_signer_revoked_exactly_at_the_signing_time_is_invalid() throws Exception {
        byte[] ocsp = TestPki.ocsp(ca, signer.certificate(), signedAt, TestPki.SUPERSEDED, signedAt.plusSeconds(60));

        assertThat(verify(signed(List.of(), List.of(ocsp))).status()).isEqualTo(Status.INVALID);
    }

    @Test
    void a_good_ocsp_response_produced_after_signing_makes_the_signature_valid_saying_so() throws Exception {
        byte[] ocsp = TestPki.ocsp(ca, signer.certificate(), null, 0, signedAt.plus(Duration.ofMinutes(5)));

        SignatureCheck check = verify(signed(List.of(), List.of(ocsp)));

        assertThat(check.status()).as(check.reason()).isEqualTo(Status.VALID);
        assertThat(check.signedAt()).isEqualTo(signedAt);
        assertThat(check.revocation()).startsWith("GOOD (OCSP response by CN=");
    }

    @Test
    void a_revocation_after_signing_for_a_harmless_reason_leaves_the_signature_valid() throws Exception {
        Instant later = signedAt.plus(Duration.ofDays(30));
        var crl = TestPki.crl(ca, signer.certificate(), later, TestPki.SUPERSEDED, later.plus(Duration.ofDays(1)));

        SignatureCheck check = verify(signed(List.of(crl), List.of()));

        assertThat(check.status()).as(check.reason()).isEqualTo(Status.VALID);
        assertThat(check.revocation()).contains("revoked only at " + later + " (superseded)");
    }

    @Test
    void a_key_compromise_after_the_claimed_signing_time_is_invalid_since_that_time_is_the_signers_own_claim()
            throws Exception {
        Instant later = signedAt.plus(Duration.ofDays(30));
        byte[] ocsp =
                TestPki.ocsp(ca, signer.certificate(), later, TestPki.KEY_COMPROMISE, later.plus(Duration.ofDays(1)));

        SignatureCheck check = verify(signed(List.of(), List.of(ocsp)));

        assertThat(check.status()).isEqualTo(Status.INVALID);
        assertThat(check.reason()).contains("reason keyCompromise");
    }

    @Test
    void evidence_about_another_certificate_or_produced_before_signing_establishes_nothing() throws Exception {
        Member other = TestMembers.issue(ca, "Another Lab", "client", caFrom);
        byte[] aboutOther = TestPki.ocsp(ca, other.certificate(), null, 0, signedAt.plusSeconds(60));
        byte[] stale = TestPki.ocsp(ca, signer.certificate(), null, 0, signedAt.minus(Duration.ofDays(2)));

        SignatureCheck check = verify(signed(List.of(), List.of(aboutOther, stale)));

        assertThat(check.status()).isEqualTo(Status.INVALID);
        assertThat(check.reason()).contains("cannot be established").contains("2 OCSP response(s)");
    }

    @Test
    void an_ocsp_response_signed_by_a_key_the_ca_never_vouched_for_is_ignored() throws Exception {
        CertificateAuthority forger = CertificateAuthority.create("NorthMSP", "forger.example", caFrom);
        byte[] forged = TestPki.ocsp(
                ca.certificate(),
                forger.privateKey(),
                forger.certificate(),
                signer.certificate(),
                null,
                0,
                signedAt.plusSeconds(60));

        SignatureCheck check = verify(signed(List.of(), List.of(forged)));

        assertThat(check.status()).isEqualTo(Status.INVALID);
        assertThat(check.reason()).contains("ignored: an OCSP response whose signature is not the signer's CA's");
    }

    @Test
    void without_evidence_in_the_document_the_trust_stores_crls_decide(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("root.pem"), ca.certificatePem());
        byte[] bare = signed(List.of(), List.of());
        DccTrustStore store = DccTrustStore.in(dir, now);

        assertThat(store.verifierFor("lab-1").verify(bare).reason()).contains("cannot be established");

        Instant revoked = signedAt.minus(Duration.ofDays(10));
        Files.write(
                dir.resolve("ca.crl"),
                TestPki.crl(
                                ca,
                                signer.certificate(),
                                revoked,
                                TestPki.KEY_COMPROMISE,
                                signedAt.minus(Duration.ofDays(9)))
                        .getEncoded());
        SignatureCheck check = store.verifierFor("lab-1").verify(bare);

        assertThat(check.status()).isEqualTo(Status.INVALID);
        assertThat(check.reason()).contains("revoked at " + revoked + ", reason keyCompromise");
    }

    @Test
    void an_unknown_status_passes_only_where_the_operator_allows_it_and_the_check_says_so(@TempDir Path dir)
            throws Exception {
        Files.writeString(dir.resolve("root.pem"), ca.certificatePem());
        byte[] bare = signed(List.of(), List.of());
        DccTrustStore store = DccTrustStore.in(dir, now);
        assertThat(store.verifierFor("lab-1").verify(bare).status()).isEqualTo(Status.INVALID);

        Files.createDirectories(dir.resolve("lab-1"));
        Files.writeString(dir.resolve("lab-1").resolve(DccTrustStore.ALLOW_UNKNOWN_REVOCATION), "");

        SignatureCheck check = store.verifierFor("lab-1").verify(bare);
        assertThat(check.status()).as(check.reason()).isEqualTo(Status.VALID);
        assertThat(check.revocation())
                .startsWith("UNKNOWN (")
                .contains("accepted: the operator allows signers of unknown revocation status")
                .contains("lab-1/allow-unknown-revocation");
        // Another lab's DCCs are still refused: the switch was one lab's.
        assertThat(store.verifierFor("lab-2").verify(bare).status()).isEqualTo(Status.INVALID);
    }

    @Test
    void a_long_term_signed_320_dcc_still_validates_against_its_schema() throws Exception {
        byte[] ocsp = TestPki.ocsp(ca, signer.certificate(), null, 0, signedAt.plusSeconds(60));

        DccSchema.validateUpload(signed(List.of(), List.of(ocsp)));
    }
}
