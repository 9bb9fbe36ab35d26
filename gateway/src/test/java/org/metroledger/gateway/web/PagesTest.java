package org.metroledger.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.metroledger.chaincode.json.Canonical;
import org.metroledger.gateway.qr.CheckLine;
import org.metroledger.gateway.qr.QrPayload;
import org.metroledger.gateway.qr.TokenCheck;
import org.metroledger.gateway.qr.TokenVerdict;

class PagesTest {
    private static final String HOSTILE = "<script>alert(1)</script>\"'&";

    @Test
    void a_hostile_entity_name_is_shown_as_text_on_the_verification_page() {
        JsonNode entity = json("{\"id\":\"91110000600037341X\",\"name\":\"" + jsonEscape(HOSTILE) + "\"}");
        JsonNode certificate = json("{\"id\":\"C-1\",\"kind\":\"VERIFICATION\",\"method\":\"<b>JJG</b>\","
                + "\"conformity\":\"PASS\",\"validUntil\":\"2026-06-01T00:00:00Z\"}");
        TokenVerdict verdict = new TokenVerdict(
                "VALID",
                true,
                new TokenCheck(true, payload(), null, "signed"),
                List.of(new CheckLine("exists", true, HOSTILE)),
                certificate,
                null,
                null,
                null);

        String page = VerificationPage.render(
                Lang.ZH, "/v/x", verdict, new VerificationPage.Surroundings(null, entity, null, null));

        assertThat(page).doesNotContain("<script>").doesNotContain("<b>JJG");
        assertThat(page).contains("&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;");
        assertThat(page).contains("verdict-valid").contains("有效");
    }

    @Test
    void a_forged_token_page_is_red_and_says_signature_invalid_in_either_language() {
        TokenVerdict forged = new TokenVerdict(
                "SIGNATURE_INVALID",
                false,
                new TokenCheck(false, payload(), null, "the signature does not verify"),
                List.of(new CheckLine("token-signature", false, "the signature does not verify")),
                null,
                null,
                null,
                null);

        String zh = VerificationPage.render(Lang.ZH, "/v/x", forged, VerificationPage.Surroundings.NONE);
        String en = VerificationPage.render(Lang.EN, "/v/x", forged, VerificationPage.Surroundings.NONE);

        assertThat(zh).contains("verdict-invalid").contains("签名无效").contains("lang=\"zh-CN\"");
        assertThat(zh).contains("href=\"/v/x?lang=en\"");
        assertThat(en).contains("SIGNATURE INVALID").contains("lang=\"en\"").contains("href=\"/v/x\"");
    }

    @Test
    void sign_in_cookies_are_secure_exactly_when_the_public_base_url_is_https() {
        assertThat(new SignInGuard("https://ledger.example")
                        .cookie("ml_session", "x")
                        .isSecure())
                .isTrue();
        assertThat(new SignInGuard("http://localhost:8080")
                        .cookie("ml_session", "x")
                        .isSecure())
                .isFalse();
        assertThat(new SignInGuard("https://ledger.example")
                        .cookie("ml_csrf", "x")
                        .isHttpOnly())
                .isTrue();
    }

    @Test
    void every_page_is_free_of_inline_script_and_style() {
        String page = LoginPage.render(Lang.ZH, "/inspect/entities/x", true, null, "c".repeat(43));

        assertThat(page).doesNotContain("<script").doesNotContain("style=").doesNotContain(" on");
        assertThat(page).contains("<meta name=\"viewport\"").contains(PageFrame.STYLESHEET);
    }

    @Test
    void the_score_chart_escapes_its_title_and_plots_every_point() {
        ScoreChart.Svg svg = ScoreChart.draw(
                List.of(
                        new ScoreChart.Point(Instant.parse("2025-01-01T00:00:00Z"), 105),
                        new ScoreChart.Point(Instant.parse("2025-03-01T00:00:00Z"), 65),
                        new ScoreChart.Point(Instant.parse("2025-06-01T00:00:00Z"), 67)),
                HOSTILE);

        assertThat(svg.markup()).doesNotContain("<script>").contains("&lt;script&gt;");
        assertThat(svg.markup().split("<circle", -1)).hasSize(4);
    }

    @Test
    void every_status_kind_category_and_check_name_the_ledger_shows_has_a_chinese_word() {
        List<String> values = new java.util.ArrayList<>();
        for (Class<? extends Enum<?>> type : List.of(
                org.metroledger.chaincode.certificate.CertificateKind.class,
                org.metroledger.chaincode.certificate.CertificateStatus.class,
                org.metroledger.chaincode.registry.SubjectType.class,
                org.metroledger.chaincode.registry.LabStatus.class,
                org.metroledger.chaincode.registry.EntityCategory.class,
                org.metroledger.chaincode.commitment.CommitmentStatus.class)) {
            for (Enum<?> constant : type.getEnumConstants()) {
                values.add(constant.name());
            }
        }
        for (org.metroledger.chaincode.certificate.Verdict verdict :
                org.metroledger.chaincode.certificate.Verdict.values()) {
            if (verdict.check() != null) {
                values.add(verdict.check());
            }
        }
        values.addAll(
                List.of("token-signature", "token-matches-ledger", "issuer", "own-region", "agreement", "verdict"));

        for (String value : values) {
            assertThat(Text.term(value, Lang.ZH)).as(value).doesNotContainPattern("[A-Za-z]");
            assertThat(Text.term(value, Lang.EN)).as(value).isNotEqualTo(value);
        }
        assertThat(Text.term("SOMETHING_NEW", Lang.ZH)).isEqualTo("SOMETHING_NEW");
    }

    private static QrPayload payload() {
        return QrPayload.of("C-1", "lab-1", "SN-1", "2026-06-01T00:00:00Z", "PASS", "ab".repeat(32));
    }

    private static JsonNode json(String text) {
        return Canonical.tree(text, "test");
    }

    private static String jsonEscape(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
