package org.metroledger.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.metroledger.chaincode.signature.LabSignature;
import org.metroledger.simulation.CertificateAuthority;

/**
 * A lab rotates its certificate-signing key (DESIGN §2): what it recorded before keeps verifying,
 * it issues with the new key, and offline QR verifiers holding the new trust list accept tokens
 * signed with either key.
 */
class LabKeyRotationScenarioTest extends LabKeyScenario {
    @Test
    void rotating_keeps_old_certificates_and_tokens_valid_and_issues_with_the_new_key() throws IOException {
        Map<String, Object> old = certificateFor("C-OLD");
        HttpWorld.created(issue(old, world.northLabKey));
        KeyPair newKey = CertificateAuthority.newKeyPair();

        Http.Answer rotated = HttpWorld.created(http.post(
                "/api/v1/labs/" + world.labNorth + "/keys",
                token(Cast.NORTH_LAB),
                keyRequest(newKey, "yearly rotation")));

        JsonArray keys = rotated.record().getJsonArray("keys");
        assertThat(keys).hasSize(2);
        assertThat(keys.getJsonObject(0).getString("until")).isNotBlank();
        assertThat(keys.getJsonObject(0).containsKey("compromisedAt")).isFalse();
        assertThat(rotated.record().getString("publicKey")).isEqualTo(LabSignature.pem(newKey.getPublic()));
        Map<String, Object> fresh = certificateFor("C-NEW");
        Http.Answer stale = issue(fresh, world.northLabKey);
        assertThat(stale.status()).as(stale.toString()).isEqualTo(422);
        assertThat(stale.errorCode()).isEqualTo("SIGNATURE_INVALID");
        Http.Answer issued = HttpWorld.created(issue(fresh, newKey));
        assertThat(issued.record().getJsonObject("signedWith").getString("key"))
                .isEqualTo(keys.getJsonObject(1).getString("id"));
        assertThat(verdict(id("C-OLD"))).isEqualTo("VALID");
        assertThat(verdict(id("C-NEW"))).isEqualTo("VALID");
        assertThat(verdict(world.primaryCertificate)).isEqualTo("VALID");

        Path trustList = savedTrustList("after-rotation.json");
        JsonObject lab = new JsonObject(Files.readString(trustList))
                .getJsonArray("labs").stream()
                        .map(JsonObject.class::cast)
                        .filter(l -> l.getString("id").equals(world.labNorth))
                        .findFirst()
                        .orElseThrow();
        assertThat(lab.getJsonArray("keys")).hasSize(2);
        CommandRun oldToken = verifyOffline(token(old, world.northLabKey), trustList);
        assertThat(oldToken.code()).as(oldToken.out() + oldToken.err()).isZero();
        assertThat(oldToken.out()).contains("signature:     VALID").contains("replaced");
        CommandRun newToken = verifyOffline(token(fresh, newKey), trustList);
        assertThat(newToken.code()).as(newToken.out() + newToken.err()).isZero();
        assertThat(newToken.out()).contains("current key");
        CommandRun forged = verifyOffline(token(fresh, CertificateAuthority.newKeyPair()), trustList);
        assertThat(forged.code()).isEqualTo(1);
        assertThat(forged.out()).contains("SIGNATURE_INVALID").contains("any of the 2 keys");

        Http.Answer online = http.post("/api/v1/verifications", null, Map.of("token", token(old, world.northLabKey)));
        assertThat(online.status()).as(online.toString()).isEqualTo(200);
        assertThat(online.json().getString("verdict")).as(online.toString()).isEqualTo("VALID");
    }

    @Test
    void only_the_lab_and_its_centre_admin_may_register_its_keys() {
        Map<String, Object> request = keyRequest(CertificateAuthority.newKeyPair(), "rotation");
        String path = "/api/v1/labs/" + world.labNorth + "/keys";
        for (String caller : new String[] {Cast.EAST_LAB, Cast.EAST_ADMIN, Cast.NORTH_INSPECTOR, Cast.NORTH_ENTITY}) {
            assertThat(refused(403, () -> http.post(path, token(caller), request))
                            .errorCode())
                    .isEqualTo("FORBIDDEN");
        }
        assertThat(http.post(path, null, request).status()).isEqualTo(401);
        assertThat(refused(
                                404,
                                () -> http.post(
                                        "/api/v1/labs/" + id("no-such-lab") + "/keys",
                                        token(Cast.NORTH_ADMIN),
                                        request))
                        .errorCode())
                .isEqualTo("NOT_FOUND");
        // The lab's first key, whatever happened since, was its key already.
        assertThat(refused(409, () -> http.post(path, token(Cast.NORTH_ADMIN), keyRequest(world.northLabKey, "again")))
                        .errorCode())
                .isEqualTo("CONFLICT");
    }

    @Test
    void bad_input_is_a_4xx_naming_the_field() {
        String path = "/api/v1/labs/" + world.labNorth + "/keys";
        Map<String, Object> notAKey = keyRequest(CertificateAuthority.newKeyPair(), "rotation");
        notAKey.put("publicKey", "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n");
        assertInvalid(() -> http.post(path, token(Cast.NORTH_LAB), notAKey), "publicKey");
        Map<String, Object> noReason = keyRequest(CertificateAuthority.newKeyPair(), "rotation");
        noReason.remove("reason");
        assertInvalid(() -> http.post(path, token(Cast.NORTH_LAB), noReason), "reason");
        Map<String, Object> future = keyRequest(CertificateAuthority.newKeyPair(), "stolen");
        future.put("compromisedAt", "2999-01-01T00:00:00Z");
        assertInvalid(() -> http.post(path, token(Cast.NORTH_LAB), future), "compromisedAt");
        Map<String, Object> garbled = keyRequest(CertificateAuthority.newKeyPair(), "stolen");
        garbled.put("compromisedAt", "last tuesday");
        assertInvalid(() -> http.post(path, token(Cast.NORTH_LAB), garbled), "compromisedAt");
        Map<String, Object> otherLab = keyRequest(CertificateAuthority.newKeyPair(), "rotation");
        otherLab.put("id", world.labEast);
        assertInvalid(() -> http.post(path, token(Cast.NORTH_LAB), otherLab), "id");
    }
}
