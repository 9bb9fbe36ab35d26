package org.metroledger.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.metroledger.chaincode.signature.LabSignature;
import org.metroledger.gateway.qr.QrPayload;
import org.metroledger.gateway.qr.QrToken;

/** What the lab signing-key scenarios share: a world, certificates signed with a key, tokens, trust lists. */
abstract class LabKeyScenario extends Scenario {
    HttpWorld world;

    @TempDir
    Path files;

    @Override
    void prepare() {
        world = registerWorld();
        world.primaryChain();
    }

    /** Registers an instrument of North's entity and answers North's verification of it, unsigned. */
    Map<String, Object> certificateFor(String local) {
        HttpWorld.created(http.post(
                "/api/v1/instruments", token(Cast.NORTH_ADMIN), world.instrument(id("D-" + local), world.entityNorth)));
        return world.verification(id(local), id("D-" + local));
    }

    Http.Answer issue(Map<String, Object> request, KeyPair key) {
        return http.post(
                "/api/v1/certificates", token(Cast.NORTH_LAB), CertificateRequests.signed(key.getPrivate(), request));
    }

    static Map<String, Object> keyRequest(KeyPair key, String reason) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("publicKey", LabSignature.pem(key.getPublic()));
        request.put("reason", reason);
        return request;
    }

    String verdict(String certificate) {
        Http.Answer answer = http.get("/api/v1/certificates/" + certificate + "/verification", null);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json().getString("verdict");
    }

    /** The token North's lab prints for its certificate, signed with the key given. */
    String token(Map<String, Object> certificate, KeyPair key) {
        return QrToken.sign(
                QrPayload.of(
                        (String) certificate.get("id"),
                        world.labNorth,
                        "SN-" + certificate.get("subject"),
                        (String) certificate.get("validUntil"),
                        "PASS",
                        CertificateRequests.DIGEST),
                key.getPrivate());
    }

    /** Runs {@code verify-token} offline against a saved trust list. */
    static CommandRun verifyOffline(String token, Path trustList) {
        CommandRun run = new CommandRun(new StringWriter(), new StringWriter());
        int code = run.commandLine().execute("verify-token", token, "--trust-list", trustList.toString());
        return new CommandRun(run.outText(), run.err(), code);
    }

    Path savedTrustList(String name) throws IOException {
        Http.Answer list = http.get("/api/v1/trust-list", null);
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        Path file = files.resolve(name);
        Files.writeString(file, list.body(), StandardCharsets.UTF_8);
        return file;
    }

    void assertInvalid(java.util.function.Supplier<Http.Answer> write, String field) {
        Http.Answer answer = refused(400, write);
        assertThat(answer.json().getJsonObject("error").getString("message"))
                .as(answer.toString())
                .contains(field);
    }
}
