package org.metroledger.gateway.dcc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metroledger.gateway.dcc.SignatureCheck.Status;

class DccTrustStoreTest {
    private static final Clock LATER = Clock.fixed(Instant.parse("2026-01-15T00:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path store;

    /** The signed 3.2.0 sample with its ds:Signature cut out: what a forger strips before editing. */
    private static byte[] stripped() {
        return new String(DccSamples.example(DccSamples.SIGNED_320), StandardCharsets.UTF_8)
                .replaceAll("(?s)<ds:Signature .*</ds:Signature>", "")
                .getBytes(StandardCharsets.UTF_8);
    }

    private void trust(Path directory) throws Exception {
        Files.createDirectories(directory);
        for (String pem : new String[] {"root.crt", "sub.crt"}) {
            Files.copy(DccSamples.trustDir().resolve(pem), directory.resolve(pem));
        }
        // The public sample carries no revocation evidence and no CRL of its CA is published with it.
        Files.writeString(directory.resolve(DccTrustStore.ALLOW_UNKNOWN_REVOCATION), "");
    }

    @Test
    void a_lab_with_a_trust_store_of_its_own_takes_only_signed_dccs_and_its_signers_verify() throws Exception {
        trust(store.resolve("lab-a1"));
        DccTrustStore trustStore = DccTrustStore.in(store, LATER);

        assertThat(new String(stripped(), StandardCharsets.UTF_8)).doesNotContain("Signature");
        SignatureCheck unsigned = trustStore.verifierFor("lab-a1").verify(stripped());
        assertThat(unsigned.status()).isEqualTo(Status.INVALID);
        assertThat(unsigned.reason())
                .isEqualTo("the DCC is unsigned: lab 'lab-a1' has a DCC trust store of its own, so its DCCs must be"
                        + " signed");
        assertThat(trustStore
                        .verifierFor("lab-a1")
                        .verify(DccSamples.example(DccSamples.SIGNED_320))
                        .status())
                .isEqualTo(Status.VALID);
    }

    @Test
    void other_labs_still_take_unsigned_dccs_and_do_not_trust_that_labs_signers() throws Exception {
        trust(store.resolve("lab-a1"));
        DccTrustStore trustStore = DccTrustStore.in(store, LATER);

        assertThat(trustStore.verifierFor("lab-b2").verify(stripped()).status()).isEqualTo(Status.UNSIGNED);
        assertThat(trustStore
                        .verifierFor("lab-b2")
                        .verify(DccSamples.example(DccSamples.SIGNED_320))
                        .status())
                .isEqualTo(Status.INVALID);
        // A lab id is a directory name only when it cannot climb out of the store.
        assertThat(trustStore.verifierFor("../lab-a1").verify(stripped()).status())
                .isEqualTo(Status.UNSIGNED);
    }

    @Test
    void the_shared_certificates_are_trusted_for_every_lab() throws Exception {
        trust(store);

        assertThat(DccTrustStore.in(store, LATER)
                        .verifierFor("lab-b2")
                        .verify(DccSamples.example(DccSamples.SIGNED_320))
                        .status())
                .isEqualTo(Status.VALID);
    }
}
