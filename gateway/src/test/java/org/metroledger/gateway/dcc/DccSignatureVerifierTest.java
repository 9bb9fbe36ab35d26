package org.metroledger.gateway.dcc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metroledger.gateway.dcc.SignatureCheck.Status;
import org.metroledger.gateway.identity.Member;
import org.metroledger.gateway.identity.TestMembers;
import org.metroledger.simulation.CertificateAuthority;

class DccSignatureVerifierTest {
    /** Long after the signer certificate expired (2024-12-02): validation must use the signing time. */
    private static final Clock LATER = Clock.fixed(Instant.parse("2026-01-15T00:00:00Z"), ZoneOffset.UTC);

    /**
     * The public sample carries no revocation values and its CA publishes no CRL with it: its
     * signer's status is unknown, which only an operator's switch accepts.
     */
    private final DccSignatureVerifier verifier =
            new DccSignatureVerifier(DccSamples.trust(), LATER, null, "accepted by the test's switch");

    @Test
    void the_signed_320_example_is_valid_at_its_signing_time_though_the_signer_has_expired() {
        SignatureCheck check = verifier.verify(DccSamples.example(DccSamples.SIGNED_320));

        assertThat(check.status()).as(check.reason()).isEqualTo(Status.VALID);
        assertThat(check.signer()).contains("CN=Calibration Lab A1");
        assertThat(check.signedAt()).isEqualTo(Instant.parse("2023-03-27T15:14:30Z"));
        assertThat(check.revocation()).startsWith("UNKNOWN (").endsWith("accepted by the test's switch");
    }

    @Test
    void the_signed_320_example_is_refused_where_unknown_revocation_is_not_allowed_as_by_default() {
        SignatureCheck check =
                new DccSignatureVerifier(DccSamples.trust(), LATER).verify(DccSamples.example(DccSamples.SIGNED_320));

        assertThat(check.status()).isEqualTo(Status.INVALID);
        assertThat(check.reason())
                .isEqualTo("the revocation status of signer 'CN=Calibration Lab A1,O=Calibration A GmbH,C=DE' at"
                        + " 2023-03-27T15:14:30Z cannot be established: no OCSP response or CRL from the signer's"
                        + " issuer, produced at or after 2023-03-27T15:14:30Z, or current then, states it; 0 OCSP"
                        + " response(s) and 0 CRL(s) looked at");
    }

    @Test
    void the_manipulated_example_is_invalid_because_its_content_digest_fails() {
        SignatureCheck check = verifier.verify(DccSamples.example(DccSamples.MANIPULATED));

        assertThat(check.status()).isEqualTo(Status.INVALID);
        assertThat(check.reason()).contains("reference digest does not match").contains("failed: ''");
    }

    @Test
    void an_unsigned_example_is_unsigned() {
        assertThat(verifier.verify(DccSamples.example(DccSamples.TYPICAL)).status())
                .isEqualTo(Status.UNSIGNED);
        assertThat(verifier.verify(DccSamples.example(DccSamples.SIMPLIFIED)).status())
                .isEqualTo(Status.UNSIGNED);
    }

    @Test
    void changing_one_measured_value_after_signing_invalidates_the_signature() {
        String forged = text(DccSamples.SIGNED_320).replace("0.072 0.089", "0.012 0.089");

        SignatureCheck check = verifier.verify(forged.getBytes(StandardCharsets.UTF_8));

        assertThat(check.status()).isEqualTo(Status.INVALID);
        assertThat(check.reason()).contains("1 of 2 references valid").contains("failed: ''");
    }

    @Test
    void moving_the_signing_time_is_caught_by_the_signed_properties_reference() {
        String backdated = text(DccSamples.SIGNED_320).replace("2023-03-27T15:14:30Z", "2022-03-27T15:14:30Z");

        SignatureCheck check = verifier.verify(backdated.getBytes(StandardCharsets.UTF_8));

        assertThat(check.status()).isEqualTo(Status.INVALID);
        assertThat(check.reason()).contains("#xades-id-9e37742ba6f554a6f09719b1894049da");
    }

    @Test
    void a_signer_that_does_not_chain_to_the_trust_store_is_invalid() {
        Path trust = DccSamples.trustDir();
        // The root alone: the document carries only the signer certificate, so the sub CA is missing.
        DccSignatureVerifier rootOnly =
                new DccSignatureVerifier(TrustedCertificates.fromPemFiles(List.of(trust.resolve("root.crt"))), LATER);

        SignatureCheck check = rootOnly.verify(DccSamples.example(DccSamples.SIGNED_320));

        assertThat(check.status()).isEqualTo(Status.INVALID);
        assertThat(check.reason()).contains("does not chain to a trusted certificate at 2023-03-27T15:14:30Z");
    }

    @Nested
    class Without_a_signing_time {
        private final Instant issued = Instant.parse("2025-01-01T00:00:00Z");
        private final CertificateAuthority ca = CertificateAuthority.create("NorthMSP", "north.example", issued);
        private final Member lab = TestMembers.issue(ca, "North Mass Lab", "client", issued);
        /** With the CA's CRL, current at the check time, that revokes nobody. */
        private final TrustedCertificates trustCa = TrustedCertificates.of(List.of(ca.certificate()))
                .withCrls(List.of(TestPki.emptyCrl(ca, issued.plus(Duration.ofDays(29)))));

        @Test
        void a_signer_chaining_to_the_trust_store_is_valid_at_the_check_time() throws Exception {
            Clock during = Clock.fixed(issued.plus(Duration.ofDays(30)), ZoneOffset.UTC);
            byte[] signed = EnvelopedSigner.sign(generatedDcc(), lab.certificate(), lab.privateKey());

            SignatureCheck check = new DccSignatureVerifier(trustCa, during).verify(signed);

            assertThat(check.status()).as(check.reason()).isEqualTo(Status.VALID);
            assertThat(check.signer()).contains("CN=North Mass Lab");
            assertThat(check.signedAt()).isEqualTo(during.instant());
        }

        @Test
        void the_chain_is_checked_at_the_check_time_so_an_expired_signer_fails() throws Exception {
            Clock muchLater = Clock.fixed(issued.plus(Duration.ofDays(365 * 30)), ZoneOffset.UTC);
            byte[] signed = EnvelopedSigner.sign(generatedDcc(), lab.certificate(), lab.privateKey());

            SignatureCheck check = new DccSignatureVerifier(trustCa, muchLater).verify(signed);

            assertThat(check.status()).isEqualTo(Status.INVALID);
            assertThat(check.reason()).contains("does not chain to a trusted certificate");
        }

        @Test
        void a_signer_from_another_authority_is_invalid() throws Exception {
            Clock during = Clock.fixed(issued.plus(Duration.ofDays(30)), ZoneOffset.UTC);
            CertificateAuthority other = CertificateAuthority.create("EastMSP", "east.example", issued);
            Member stranger = TestMembers.issue(other, "Lab East", "client", issued);
            byte[] signed = EnvelopedSigner.sign(generatedDcc(), stranger.certificate(), stranger.privateKey());

            SignatureCheck check = new DccSignatureVerifier(trustCa, during).verify(signed);

            assertThat(check.status()).isEqualTo(Status.INVALID);
            assertThat(check.reason()).contains("CN=Lab East").contains("does not chain");
        }

        @Test
        void a_valid_signature_that_does_not_cover_the_document_is_invalid() throws Exception {
            Clock during = Clock.fixed(issued.plus(Duration.ofDays(30)), ZoneOffset.UTC);
            byte[] signed = EnvelopedSigner.sign(
                    generatedDcc(), lab.certificate(), lab.privateKey(), EnvelopedSigner.Coverage.OBJECT_ONLY);

            SignatureCheck check = new DccSignatureVerifier(trustCa, during).verify(signed);

            assertThat(check.status()).isEqualTo(Status.INVALID);
            assertThat(check.reason()).isEqualTo("no reference covers the whole document (URI=\"\")");
        }

        @Test
        void a_whole_document_reference_that_filters_out_the_results_is_invalid_naming_the_transform()
                throws Exception {
            Clock during = Clock.fixed(issued.plus(Duration.ofDays(30)), ZoneOffset.UTC);
            byte[] signed = EnvelopedSigner.sign(
                    generatedDcc(),
                    lab.certificate(),
                    lab.privateKey(),
                    EnvelopedSigner.Coverage.DOCUMENT_WITHOUT_RESULTS);
            byte[] edited = new String(signed, StandardCharsets.UTF_8)
                    .replaceFirst("(?s)(measurementResults>.*?:value>)[^<]*", "$1999")
                    .getBytes(StandardCharsets.UTF_8);
            assertThat(edited).isNotEqualTo(signed);

            SignatureCheck check = new DccSignatureVerifier(trustCa, during).verify(edited);

            assertThat(check.status()).isEqualTo(Status.INVALID);
            assertThat(check.reason())
                    .isEqualTo("the whole-document reference (URI=\"\") has a transform other than enveloped-signature"
                            + " and canonicalisation: XPath Filter 2.0 (http://www.w3.org/2002/06/xmldsig-filter2)");
        }

        @Test
        void a_key_info_certificate_that_did_not_sign_is_invalid() throws Exception {
            Clock during = Clock.fixed(issued.plus(Duration.ofDays(30)), ZoneOffset.UTC);
            Member colleague = TestMembers.issue(ca, "Someone else", "client", issued);
            byte[] signed = EnvelopedSigner.sign(generatedDcc(), lab.certificate(), colleague.privateKey());

            SignatureCheck check = new DccSignatureVerifier(trustCa, during).verify(signed);

            assertThat(check.status()).isEqualTo(Status.INVALID);
            assertThat(check.reason()).isEqualTo("the signature value does not verify with the signer's key");
        }
    }

    @Test
    void a_gateway_trusting_no_signer_refuses_signed_dccs_and_takes_unsigned_ones() {
        DccSignatureVerifier trustsNobody = new DccSignatureVerifier(TrustedCertificates.none(), LATER);

        SignatureCheck signed = trustsNobody.verify(DccSamples.example(DccSamples.SIGNED_320));

        assertThat(signed.status()).isEqualTo(Status.INVALID);
        assertThat(signed.reason()).contains("trusts no DCC signer certificates");
        assertThat(trustsNobody.verify(DccSamples.example(DccSamples.TYPICAL)).status())
                .isEqualTo(Status.UNSIGNED);
    }

    @Test
    void a_trust_store_directory_reads_its_pem_files_and_a_missing_one_trusts_nobody(@TempDir Path dir)
            throws Exception {
        for (String pem : List.of("root.crt", "sub.crt")) {
            Files.copy(DccSamples.trustDir().resolve(pem), dir.resolve(pem));
        }

        assertThat(new DccSignatureVerifier(TrustedCertificates.fromDirectory(dir), LATER, null, "allowed")
                        .verify(DccSamples.example(DccSamples.SIGNED_320))
                        .status())
                .isEqualTo(Status.VALID);
        assertThat(new DccSignatureVerifier(TrustedCertificates.fromDirectory(dir.resolve("absent")), LATER)
                        .verify(DccSamples.example(DccSamples.SIGNED_320))
                        .status())
                .isEqualTo(Status.INVALID);
    }

    @Test
    void a_trust_store_without_a_root_is_refused_at_configuration() {
        Path sub = DccSamples.trustDir().resolve("sub.crt");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TrustedCertificates.fromPemFiles(List.of(sub)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("self-signed root");
    }

    private static byte[] generatedDcc() {
        return new DccWriter().write(CertificateRecords.calibration(), DccParties.fromLedgerIds());
    }

    private static String text(String example) {
        return new String(DccSamples.example(example), StandardCharsets.UTF_8);
    }
}
