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

    @Test
    void the_home_page_answers_slash_in_chinese_with_three_look_up_forms_and_no_script() throws Exception {
        HttpResponse<String> zh = get("/");
        HttpResponse<String> en = get("/?lang=en");

        assertThat(zh.statusCode()).isEqualTo(200);
        assertThat(zh.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(zh.body())
                .contains("lang=\"zh-CN\"")
                .contains("按证书编号查询")
                .contains("action=\"/certificates\"")
                .contains("action=\"/instruments\"")
                .contains("action=\"/entities\"")
                .contains("href=\"/?lang=en\"")
                .contains("强制检定覆盖率、超期器具")
                .doesNotContain("<script");
        assertThat(en.body()).contains("lang=\"en\"").contains("A certificate by its number");
    }

    @Test
    void a_look_up_form_leads_to_the_records_page_and_a_blank_one_back_home() throws Exception {
        HttpResponse<String> certificate = get("/certificates?id=C-VALID&lang=en");
        HttpResponse<String> blank = get("/instruments?id=+");

        assertThat(certificate.statusCode()).isEqualTo(303);
        assertThat(certificate.headers().firstValue("Location")).hasValue("/certificates/C-VALID?lang=en");
        assertThat(blank.headers().firstValue("Location")).hasValue("/");
    }

    @Test
    void a_certificate_looked_up_by_number_shows_the_ledgers_verdict_all_in_chinese() throws Exception {
        HttpResponse<String> page = get("/certificates/C-VALID");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("verdict-valid").contains("id=\"by-number\"");
        // The kind, the lab's status and every check name in Chinese, none of the ledger's codes.
        assertThat(page.body()).contains("<dd id=\"kind\">检定</dd>").contains("<dd id=\"lab-status\">有效</dd>");
        assertThat(page.body()).contains("证书存在").contains("在有效期内").contains("加油站</dd>");
        assertThat(page.body())
                .doesNotContain(">VERIFICATION<")
                .doesNotContain(">ACTIVE<")
                .doesNotContain("<strong>exists</strong>")
                .doesNotContain("token-signature");
    }

    @Test
    void an_instrument_page_lists_its_certificates_with_links_and_its_owner() throws Exception {
        HttpResponse<String> page = get("/instruments/pump-1");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("SN-1").contains("href=\"/certificates/C-VALID\"");
        assertThat(page.body()).contains("<dd id=\"mandatory\">是</dd>").contains("&lt;script&gt;");
    }

    @Test
    void an_entity_page_shows_its_grade_and_links_the_inspectors_view() throws Exception {
        HttpResponse<String> page = get("/entities/" + ConsumerWorld.ENTITY + "?lang=en");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"credit-grade\"").contains("fuel station");
        assertThat(page.body()).contains("href=\"/inspect/entities/" + ConsumerWorld.ENTITY + "?lang=en\"");
    }

    @Test
    void unknown_or_malformed_look_ups_answer_a_4xx_page_with_the_code() throws Exception {
        HttpResponse<String> unknown = get("/instruments/no-such-pump");
        HttpResponse<String> malformed = get("/entities/" + "x".repeat(300));
        HttpResponse<String> missingCertificate = get("/certificates/C-NOPE");

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("NOT_FOUND");
        assertThat(malformed.statusCode()).isBetween(400, 499);
        assertThat(missingCertificate.statusCode()).isEqualTo(200);
        assertThat(missingCertificate.body()).contains("verdict-invalid").contains("证书不存在");
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
