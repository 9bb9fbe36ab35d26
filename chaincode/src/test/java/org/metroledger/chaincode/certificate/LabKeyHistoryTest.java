package org.metroledger.chaincode.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.metroledger.chaincode.certificate.CertificateLedger.assertRefused;
import static org.metroledger.chaincode.certificate.CertificateLedger.pumpVerification;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.metroledger.chaincode.error.ErrorCode;
import org.metroledger.chaincode.json.Canonical;
import org.metroledger.chaincode.registry.Lab;
import org.metroledger.chaincode.registry.LabKey;
import org.metroledger.chaincode.signature.LabSignature;
import org.metroledger.simulation.CertificateAuthority;
import org.metroledger.simulation.Member;
import org.metroledger.testbed.Expect;
import org.metroledger.testbed.TestWorld;

/** registry:RegisterLabKey and verification against the key that was the lab's at recording (DESIGN §2). */
class LabKeyHistoryTest {
    private final CertificateLedger ledger = new CertificateLedger();
    private final TestWorld world = ledger.world;
    private final KeyPair newKey = CertificateAuthority.newKeyPair();

    private static String registration(String lab, KeyPair key, String reason, String compromisedAt) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("id", lab);
        request.put("publicKey", LabSignature.pem(key.getPublic()));
        request.put("reason", reason);
        if (compromisedAt != null) {
            request.put("compromisedAt", compromisedAt);
        }
        return Canonical.json(request);
    }

    private JsonNode rotate(Member caller, KeyPair key, String compromisedAt) {
        ledger.bed.advance(Duration.ofHours(1));
        return ledger.submit(
                caller,
                "registry:RegisterLabKey",
                registration(TestWorld.LAB_NORTH, key, "yearly rotation", compromisedAt));
    }

    private JsonNode issueSignedBy(String id, KeyPair key) {
        ledger.bed.advance(Duration.ofHours(1));
        return ledger.submit(
                world.northLab, "certificate:Issue", pumpVerification(id).signedBy(key));
    }

    private JsonNode signatureCheck(String id) {
        for (JsonNode check : ledger.verify(id).path("checks")) {
            if (check.path("name").asText().equals(Verdict.SIGNATURE_INVALID.check())) {
                return check;
            }
        }
        throw new AssertionError("no signature check for " + id);
    }

    @Nested
    class Rotation {
        @Test
        void keeps_certificates_recorded_under_the_old_key_valid_and_issues_under_the_new_one() {
            JsonNode before = issueSignedBy("C-OLD", world.northLabKey);
            String oldKey = before.path("signedWith").path("key").asText();
            assertThat(oldKey).isEqualTo(LabSignature.fingerprint(LabSignature.pem(world.northLabKey.getPublic())));

            JsonNode lab = rotate(world.northLab, newKey, null);

            assertThat(lab.path("publicKey").asText()).isEqualTo(LabSignature.pem(newKey.getPublic()));
            assertThat(lab.path("keys")).hasSize(2);
            assertThat(lab.path("keys").get(0).path("until").asText())
                    .isEqualTo(lab.path("recordedAt").asText());
            assertThat(lab.path("keys").get(0).has("compromisedAt")).isFalse();
            assertThat(lab.path("keys").get(1).path("from").asText())
                    .isEqualTo(lab.path("recordedAt").asText());
            JsonNode after = issueSignedBy("C-NEW", newKey);
            assertThat(after.path("signedWith").path("key").asText())
                    .isEqualTo(lab.path("keys").get(1).path("id").asText());
            assertThat(ledger.verify("C-OLD").path("verdict").asText()).isEqualTo("VALID");
            assertThat(ledger.verify("C-NEW").path("verdict").asText()).isEqualTo("VALID");
            // The chain recorded at set-up, long before the rotation, still verifies.
            assertThat(ledger.verify("C-W").path("verdict").asText()).isEqualTo("VALID");
            assertThat(signatureCheck("C-OLD").path("detail").asText()).contains(oldKey);
        }

        @Test
        void refuses_a_new_certificate_signed_with_the_replaced_key() {
            rotate(world.northLab, newKey, null);
            ledger.bed.advance(Duration.ofHours(1));
            assertRefused(
                    () -> ledger.submit(
                            world.northLab,
                            "certificate:Issue",
                            pumpVerification("C-LATE").signedBy(world.northLabKey)),
                    ErrorCode.SIGNATURE_INVALID,
                    "current key");
        }

        @Test
        void emits_lab_key_registered() {
            ledger.bed.advance(Duration.ofHours(1));
            var sim = ledger.bed.simulate(
                    world.northAdmin,
                    "registry:RegisterLabKey",
                    registration(TestWorld.LAB_NORTH, newKey, "new HSM", null));
            assertThat(sim.succeeded()).isTrue();
            assertThat(sim.readWriteSet().event().orElseThrow().name()).isEqualTo("LabKeyRegistered");
        }
    }

    @Nested
    class Compromise {
        @Test
        void makes_certificates_recorded_with_the_old_key_from_the_compromise_on_signature_invalid() {
            issueSignedBy("C-BEFORE", world.northLabKey);
            Instant compromisedAt = ledger.bed.now().plus(Duration.ofMinutes(30));
            issueSignedBy("C-AFTER", world.northLabKey);

            JsonNode lab = rotate(world.northAdmin, newKey, compromisedAt.toString());

            assertThat(lab.path("keys").get(0).path("compromisedAt").asText()).isEqualTo(compromisedAt.toString());
            assertThat(ledger.verify("C-BEFORE").path("verdict").asText()).isEqualTo("VALID");
            JsonNode report = ledger.verify("C-AFTER");
            assertThat(report.path("verdict").asText()).isEqualTo("SIGNATURE_INVALID");
            assertThat(signatureCheck("C-AFTER").path("detail").asText())
                    .contains("compromised from " + compromisedAt)
                    .contains("yearly rotation");
            issueSignedBy("C-NEW", newKey);
            assertThat(ledger.verify("C-NEW").path("verdict").asText()).isEqualTo("VALID");
        }

        @Test
        void still_refuses_the_signature_once_the_certificate_is_revoked() {
            issueSignedBy("C-AFTER", world.northLabKey);
            Instant compromisedAt = ledger.bed.now();
            rotate(world.northLab, newKey, compromisedAt.toString());
            ledger.bed.advance(Duration.ofHours(1));
            ledger.submit(
                    world.northLab,
                    "certificate:Revoke",
                    Canonical.json(Map.of("id", "C-AFTER", "reason", "signed with a stolen key")));
            // The revocation rewrites recordedAt; the signature is judged at the first recording.
            assertThat(ledger.verify("C-AFTER").path("verdict").asText()).isEqualTo("SIGNATURE_INVALID");
        }
    }

    @Nested
    class Authorisation {
        @Test
        void refuses_everyone_but_the_lab_itself_and_its_centre_admin() {
            ledger.bed.advance(Duration.ofHours(1));
            String request = registration(TestWorld.LAB_NORTH, newKey, "rotation", null);
            for (Member caller : List.of(
                    world.eastLab,
                    world.eastAdmin,
                    world.centralSouthAdmin,
                    world.northInspector,
                    world.northEntity,
                    world.stranger)) {
                Expect.refused(ledger.bed, ErrorCode.FORBIDDEN, caller, "registry:RegisterLabKey", request);
            }
            Expect.refused(
                    ledger.bed,
                    ErrorCode.NOT_FOUND,
                    world.northAdmin,
                    "registry:RegisterLabKey",
                    registration("lab-nowhere", newKey, "rotation", null));
        }

        @Test
        void refuses_a_key_the_lab_has_had_and_a_withdrawn_lab() {
            Expect.refused(
                    ledger.bed,
                    ErrorCode.CONFLICT,
                    world.northLab,
                    "registry:RegisterLabKey",
                    registration(TestWorld.LAB_NORTH, world.northLabKey, "again", null));
            rotate(world.northLab, newKey, null);
            Expect.refused(
                    ledger.bed,
                    ErrorCode.CONFLICT,
                    world.northLab,
                    "registry:RegisterLabKey",
                    registration(TestWorld.LAB_NORTH, world.northLabKey, "back to the old one", null));
            ledger.submit(
                    world.northAdmin,
                    "registry:SetLabStatus",
                    Canonical.json(Map.of("id", TestWorld.LAB_NORTH, "status", "WITHDRAWN", "reason", "closed")));
            Expect.refused(
                    ledger.bed,
                    ErrorCode.CONFLICT,
                    world.northAdmin,
                    "registry:RegisterLabKey",
                    registration(TestWorld.LAB_NORTH, CertificateAuthority.newKeyPair(), "rotation", null));
        }
    }

    @Nested
    class BadInput {
        private void invalid(String field, String request) {
            Expect.invalid(ledger.bed, field, world.northLab, "registry:RegisterLabKey", request);
        }

        @Test
        void names_the_field() {
            String pem = LabSignature.pem(newKey.getPublic());
            invalid("id", Canonical.json(Map.of("publicKey", pem, "reason", "r")));
            invalid("publicKey", Canonical.json(Map.of("id", TestWorld.LAB_NORTH, "reason", "r")));
            invalid(
                    "publicKey",
                    Canonical.json(Map.of("id", TestWorld.LAB_NORTH, "publicKey", "not a key", "reason", "r")));
            invalid("reason", Canonical.json(Map.of("id", TestWorld.LAB_NORTH, "publicKey", pem)));
            invalid("reason", Canonical.json(Map.of("id", TestWorld.LAB_NORTH, "publicKey", pem, "reason", " ")));
            invalid("compromisedAt", registration(TestWorld.LAB_NORTH, newKey, "r", "yesterday"));
            invalid(
                    "compromisedAt",
                    registration(
                            TestWorld.LAB_NORTH,
                            newKey,
                            "r",
                            ledger.bed.now().plus(Duration.ofDays(1)).toString()));
            // Before the lab (and so its current key) was registered.
            invalid("compromisedAt", registration(TestWorld.LAB_NORTH, newKey, "r", "2000-01-01T00:00:00Z"));
        }
    }

    @Nested
    class OlderRecords {
        @Test
        void read_a_lab_without_key_history_as_a_history_of_one() {
            KeyPair key = CertificateAuthority.newKeyPair();
            String pem = LabSignature.pem(key.getPublic());
            Lab legacy = new Lab(
                    "lab-old",
                    "Old lab",
                    "NorthMSP",
                    null,
                    pem,
                    null,
                    null,
                    "2020-01-01T00:00:00Z",
                    "tx-old",
                    null,
                    null);
            List<LabKey> history = legacy.keyHistory();
            assertThat(history).hasSize(1);
            assertThat(history.get(0).id()).isEqualTo(LabSignature.fingerprint(pem));
            assertThat(history.get(0).from()).isEqualTo("2020-01-01T00:00:00Z");
            assertThat(legacy.currentKey().publicKey()).isEqualTo(pem);

            Lab rotated = legacy.withKey(
                    LabSignature.pem(newKey.getPublic()),
                    null,
                    "rotation",
                    new org.metroledger.chaincode.state.Stamp("2025-01-01T00:00:00Z", "tx-rot"));
            assertThat(rotated.keyHistory()).hasSize(2);
            assertThat(rotated.keyHistory().get(0).from()).isEqualTo("2020-01-01T00:00:00Z");
            assertThat(rotated.keyAt(Instant.parse("2024-06-01T00:00:00Z")).publicKey())
                    .isEqualTo(pem);
            assertThat(rotated.standingHistory().get(0).from()).isEqualTo("2020-01-01T00:00:00Z");
        }
    }
}
