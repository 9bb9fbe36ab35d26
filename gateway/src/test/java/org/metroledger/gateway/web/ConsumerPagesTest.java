package org.metroledger.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsumerPagesTest {
    @TempDir
    static Path dataDir;

    private static ConsumerWorld world;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        world = new ConsumerWorld(dataDir);
    }

    @AfterAll
    static void stop() {
        world.close();
    }

    @Test
    void a_valid_token_page_is_green_and_escapes_the_hostile_entity_name() throws Exception {
        HttpResponse<String> page = get("/v/" + world.token("C-VALID", "SN-1", "2026-05-31T00:00:00Z"));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(
                        csp -> assertThat(csp).contains("default-src 'none'").contains("frame-ancestors 'none'"));
        assertThat(page.body()).contains("verdict-valid").contains("VALID");
        assertThat(page.body()).doesNotContain("<script>").contains("&lt;script&gt;");
    }

    @Test
    void a_forged_token_answers_signature_invalid_through_the_api() throws Exception {
        String genuine = world.token("C-VALID", "SN-1", "2026-05-31T00:00:00Z");
        String forged = genuine.substring(0, genuine.length() - 3) + (genuine.endsWith("AAA") ? "BBB" : "AAA");

        HttpResponse<String> answer = post("/api/v1/verifications", "{\"token\":\"" + forged + "\"}");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("\"verdict\":\"SIGNATURE_INVALID\"").contains("\"ledgerChecked\":false");
    }

    @Test
    void revoked_and_superseded_certificates_answer_their_verdicts() throws Exception {
        String revoked = post("/api/v1/verifications", body(world.token("C-REVOKED", "SN-2", "2026-05-31T00:00:00Z")))
                .body();
        String superseded = post("/api/v1/verifications", body(world.token("C-OLD", "SN-3", "2026-05-31T00:00:00Z")))
                .body();

        assertThat(revoked).contains("\"verdict\":\"REVOKED\"");
        assertThat(superseded).contains("\"verdict\":\"SUPERSEDED\"").contains("\"successor\":\"C-NEW\"");
    }

    @Test
    void a_genuine_token_that_says_other_than_the_ledger_answers_digest_mismatch() throws Exception {
        String signedForAnotherDate = world.token("C-VALID", "SN-1", "2027-05-31T00:00:00Z");

        String answer =
                post("/api/v1/verifications", body(signedForAnotherDate)).body();

        assertThat(answer).contains("\"verdict\":\"DIGEST_MISMATCH\"").contains("validUntil: token 2027-05-31");
    }

    @Test
    void the_trust_list_names_the_lab_with_its_key_and_the_ledger_height() throws Exception {
        HttpResponse<String> list = get("/api/v1/trust-list");

        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body())
                .contains("\"id\":\"lab-north-1\"")
                .contains("BEGIN PUBLIC KEY")
                .contains("ledgerHeight");
    }

    @Test
    void a_token_registered_by_the_lab_is_printed_as_a_qr_code_that_scans_back() throws Exception {
        String token = world.token("C-NEW", "SN-3", "2026-05-31T00:00:00Z");
        HttpResponse<String> kept = put("/api/v1/certificates/C-NEW/qr-token", token);
        HttpResponse<byte[]> png = http.send(
                HttpRequest.newBuilder(URI.create(world.base() + "/api/v1/certificates/C-NEW/qr.png"))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<String> missing = get("/api/v1/certificates/C-VALID/qr.svg");

        assertThat(kept.statusCode()).as(kept.body()).isEqualTo(200);
        assertThat(png.statusCode()).isEqualTo(200);
        assertThat(org.metroledger.gateway.qr.QrCodeTest.decode(
                        javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png.body()))))
                .isEqualTo("http://127.0.0.1/v/" + token);
        assertThat(missing.statusCode()).isEqualTo(404);
    }

    @Test
    void a_token_that_disagrees_with_the_ledger_is_not_kept() throws Exception {
        String wrongDate = world.token("C-VALID", "SN-1", "2027-05-31T00:00:00Z");

        HttpResponse<String> refused = put("/api/v1/certificates/C-VALID/qr-token", wrongDate);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("validUntil");
    }

    private static String body(String token) {
        return "{\"token\":\"" + token + "\"}";
    }

    /** A lab's token handed in with a participant's bearer token. */
    private HttpResponse<String> put(String path, String token) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(world.base() + path))
                .header("Authorization", "Bearer " + world.ownerToken)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body(token)))
                .build());
    }

    private HttpResponse<String> post(String path, String json) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(world.base() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(world.base() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
