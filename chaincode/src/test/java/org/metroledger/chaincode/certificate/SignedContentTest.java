package org.metroledger.chaincode.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.metroledger.chaincode.json.Canonical;
import org.metroledger.chaincode.signature.LabSignature;
import org.metroledger.chaincode.state.Stamp;
import org.metroledger.simulation.CertificateAuthority;

class SignedContentTest {
    private final TraceabilityChain chain = new TraceabilityChain();

    @Test
    void the_signed_bytes_are_the_labs_request_without_its_signature() {
        CertificateDraft draft = CertificateDraft.verification("C-2", TraceabilityChain.LAB, "pump-3")
                .cites("STD-W", "C-W");
        Map<String, Object> unsigned = new LinkedHashMap<>(draft.fields());
        Certificate recorded = chain.add(draft);
        assertThat(new String(SignedContent.bytes(recorded), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo(Canonical.json(unsigned));
    }

    @Test
    void what_the_ledger_adds_later_is_not_signed() {
        Certificate revoked = chain.instrument.ended(
                CertificateStatus.REVOKED, "r", null, new Stamp("2025-07-01T00:00:00Z", "tx-later"));
        assertThat(SignedContent.bytes(revoked)).isEqualTo(SignedContent.bytes(chain.instrument));
        assertThat(SignedContent.FIELDS)
                .doesNotContain("signature", "category", "status", "successor", "recordedAt", "txId")
                .contains("previous", "documentDigest", "traceability");
    }

    @Test
    void verifies_only_under_the_issuing_labs_key() {
        String labKey = LabSignature.pem(chain.key.getPublic());
        String otherKey = LabSignature.pem(CertificateAuthority.newKeyPair().getPublic());
        assertThat(SignedContent.verifies(labKey, chain.instrument)).isTrue();
        assertThat(SignedContent.verifies(otherKey, chain.instrument)).isFalse();
    }

    @Test
    void the_key_cache_stays_bounded() {
        for (int i = 0; i < LabKeys.KEYS.capacity() + 10; i++) {
            LabKeys.of(LabSignature.pem(CertificateAuthority.newKeyPair().getPublic()));
        }
        assertThat(LabKeys.KEYS.size()).isEqualTo(LabKeys.KEYS.capacity());
    }

    @Test
    void a_remembered_outcome_is_per_key_content_and_signature() {
        String labKey = LabSignature.pem(chain.key.getPublic());
        String otherKey = LabSignature.pem(CertificateAuthority.newKeyPair().getPublic());
        assertThat(SignedContent.verifies(labKey, chain.instrument)).isTrue();
        assertThat(SignedContent.verifies(labKey, chain.instrument)).isTrue();
        assertThat(SignedContent.verifies(otherKey, chain.instrument)).isFalse();
        Certificate resigned = chain.add(CertificateDraft.verification("C-I", TraceabilityChain.LAB, "pump-3")
                .cites("STD-W", "C-W")
                .with("location", "elsewhere"));
        assertThat(SignedContent.verifies(labKey, resigned)).isTrue();
        assertThat(SignedContent.verifies(
                        labKey,
                        TraceabilityChain.altered(resigned, resigned.validUntil(), chain.instrument.signature())))
                .isFalse();
    }

    @Test
    void a_cached_key_is_the_same_parsed_key() {
        String pem = LabSignature.pem(chain.key.getPublic());
        assertThat(LabKeys.of(pem)).isSameAs(LabKeys.of(pem));
    }

    @Test
    void verification_is_reproducible_for_the_same_instant() {
        Instant at = TraceabilityChain.AT;
        assertThat(CertificateVerification.verify(chain.lookup, "C-I", null, at))
                .isEqualTo(CertificateVerification.verify(chain.lookup, "C-I", null, at));
    }
}
