package org.metroledger.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.metroledger.simulation.CertificateAuthority;

/**
 * A lab reports its key compromised from an instant (DESIGN §2): what it recorded with that key
 * from then on answers SIGNATURE_INVALID with the reason, what it recorded before stays VALID, and
 * offline verifiers refuse tokens signed with the compromised key.
 */
class LabKeyCompromiseScenarioTest extends LabKeyScenario {
    JsonObject signatureCheck(String certificate) {
        Http.Answer answer = http.get("/api/v1/certificates/" + certificate + "/verification", null);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json().getJsonArray("checks").stream()
                .map(JsonObject.class::cast)
                .filter(c -> c.getString("name").equals("signature"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no signature check in " + answer));
    }

    @Test
    void certificates_recorded_with_the_key_after_its_compromise_answer_signature_invalid() throws IOException {
        KeyPair stolen = world.northLabKey;
        Map<String, Object> before = certificateFor("C-BEFORE");
        String beforeAt = HttpWorld.created(issue(before, stolen))
                .record()
                .getJsonObject("signedWith")
                .getString("recordedAt");
        Map<String, Object> after = certificateFor("C-AFTER");
        String compromisedAt = HttpWorld.created(issue(after, stolen))
                .record()
                .getJsonObject("signedWith")
                .getString("recordedAt");
        assertThat(Instant.parse(beforeAt))
                .as("C-BEFORE is recorded before the compromise")
                .isBefore(Instant.parse(compromisedAt));
        KeyPair replacement = CertificateAuthority.newKeyPair();
        Map<String, Object> report = keyRequest(replacement, "key file copied off the signing PC");
        report.put("compromisedAt", compromisedAt);

        Http.Answer rotated = HttpWorld.created(
                http.post("/api/v1/labs/" + world.labNorth + "/keys", token(Cast.NORTH_ADMIN), report));

        assertThat(rotated.record().getJsonArray("keys").getJsonObject(0).getString("compromisedAt"))
                .isEqualTo(compromisedAt);
        assertThat(verdict(id("C-BEFORE"))).isEqualTo("VALID");
        assertThat(verdict(id("C-AFTER"))).isEqualTo("SIGNATURE_INVALID");
        JsonObject check = signatureCheck(id("C-AFTER"));
        assertThat(check.getBoolean("ok")).isFalse();
        assertThat(check.getString("detail"))
                .contains("compromised from " + compromisedAt)
                .contains("key file copied off the signing PC");
        Map<String, Object> fresh = certificateFor("C-FRESH");
        HttpWorld.created(issue(fresh, replacement));
        assertThat(verdict(id("C-FRESH"))).isEqualTo("VALID");

        Path trustList = savedTrustList("after-compromise.json");
        CommandRun offline = verifyOffline(token(before, stolen), trustList);
        assertThat(offline.code()).isEqualTo(1);
        assertThat(offline.out()).contains("SIGNATURE_INVALID").contains("compromised from " + compromisedAt);
        assertThat(verifyOffline(token(fresh, replacement), trustList).code()).isZero();

        // Online, the ledger tells a token that says what was recorded before the compromise from
        // one for a certificate recorded after it.
        Http.Answer earlier = http.post("/api/v1/verifications", null, Map.of("token", token(before, stolen)));
        assertThat(earlier.json().getString("verdict")).as(earlier.toString()).isEqualTo("VALID");
        Http.Answer later = http.post("/api/v1/verifications", null, Map.of("token", token(after, stolen)));
        assertThat(later.json().getString("verdict")).as(later.toString()).isEqualTo("SIGNATURE_INVALID");
    }
}
