package org.metroledger.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.metroledger.gateway.qr.QrPayload;
import org.metroledger.gateway.qr.QrToken;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The consumer's and the inspector's pages in real headless Chromium, on whichever ledger the
 * deployment runs (Fabric too): certificates issued, revoked and superseded over HTTP, their QR
 * tokens signed by the lab and registered as a real lab does, then opened at {@code /v/{token}}.
 */
class BrowserPagesScenarioTest extends Scenario {
    private static final String DIGEST = CertificateRequests.DIGEST;

    HttpWorld world;
    Chromium browser;
    String validUntil;
    String valid;
    String revoked;
    String superseded;
    String expired;

    @Override
    void prepare() {
        assumeTrue(Chromium.installed(), Chromium.MISSING);
        world = registerWorld();
        world.primaryChain();
        validUntil = world.daysAgo(-365);

        valid = tokenOf(verification("C-VALID", "D-1", validUntil));
        revoked = tokenOf(verification("C-REVOKED", "D-2", validUntil));
        HttpWorld.created(http.post(
                "/api/v1/certificates/" + id("C-REVOKED") + "/revocation",
                token(Cast.NORTH_LAB),
                Map.of("reason", "wrong readings")));
        superseded = tokenOf(verification("C-OLD", "D-3", validUntil));
        Map<String, Object> amended = world.verification(id("C-NEW"), id("D-3"));
        amended.put("validUntil", validUntil);
        amended.put("previous", id("C-OLD"));
        HttpWorld.created(http.post(
                "/api/v1/certificates/" + id("C-OLD") + "/supersession",
                token(Cast.NORTH_LAB),
                CertificateRequests.signed(world.northLabKey.getPrivate(), amended)));
        // Performed and issued three days before the world, expired one day before it: the
        // recording rules bound issuedAt only, so it is on the ledger already expired.
        expired = tokenOf(verification("C-EXPIRED", "D-4", world.daysAgo(1)));

        HttpWorld.created(http.post(
                "/api/v1/commitments",
                token(Cast.NORTH_ENTITY),
                Map.of(
                        "id",
                        id("CMT-1"),
                        "entity",
                        world.entityNorth,
                        "items",
                        List.of(Map.of("kind", "USE_VERIFIED_INSTRUMENTS"), Map.of("kind", "COMPENSATE_SHORT_WEIGHT")),
                        "textDigest",
                        HttpWorld.EVIDENCE)));
        creditEvent("EV-1", "INSPECTION_PASSED", 2);
        creditEvent("EV-2", "SHORT_WEIGHT", 1);

        browser = Chromium.start("http://" + deployment.host() + ":" + deployment.port());
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    /** North's verification of a new instrument of North's entity, valid until a given instant. */
    Map<String, Object> verification(String local, String instrument, String until) {
        HttpWorld.created(http.post(
                "/api/v1/instruments", token(Cast.NORTH_ADMIN), world.instrument(id(instrument), world.entityNorth)));
        Map<String, Object> request = world.verification(id(local), id(instrument));
        request.put("validUntil", until);
        return request;
    }

    /**
     * Issues the certificate, signs its QR token with the lab's key and registers it, as a lab does
     * before printing the label; answers the token the gateway kept.
     */
    String tokenOf(Map<String, Object> request) {
        world.issue(request);
        String certificate = (String) request.get("id");
        String token = labToken(certificate, (String) request.get("subject"), (String) request.get("validUntil"));
        Http.Answer kept = http.send(
                HttpMethod.PUT,
                "/api/v1/certificates/" + certificate + "/qr-token",
                token(Cast.NORTH_LAB),
                Buffer.buffer(new JsonObject().put("token", token).encode()),
                "application/json");
        assertThat(kept.status()).as(kept.toString()).isEqualTo(200);
        assertThat(kept.json().getString("url")).endsWith("/v/" + token);
        return token;
    }

    /** The token North's lab signs for one of its certificates of an instrument (serial SN-{id}). */
    String labToken(String certificate, String instrument, String until) {
        return QrToken.sign(
                QrPayload.of(certificate, world.labNorth, "SN-" + instrument, until, "PASS", DIGEST),
                world.northLabKey.getPrivate());
    }

    void creditEvent(String local, String type, int daysAgo) {
        HttpWorld.created(http.post(
                "/api/v1/credit-events",
                token(Cast.NORTH_INSPECTOR),
                HttpWorld.creditEvent(id(local), world.entityNorth, type, world.daysAgo(daysAgo))));
    }

    /** Opens a token's page on a phone and asserts its red verdict: the word and the code. */
    void showsRed(String qrToken, String word, String code) {
        browser.open(Chromium.PHONE, "/v/" + qrToken, "scenario-verify-" + code.toLowerCase(Locale.ROOT));

        browser.assertVerdict(word, Chromium.RED);
        assertThat(browser.text("verdict-code")).isEqualTo(code);
    }

    @Test
    void a_valid_certificate_shows_green_with_the_lab_grade_and_commitment() {
        browser.open(Chromium.PHONE, "/v/" + valid, "scenario-verify-valid-phone");

        browser.assertVerdict("有效", Chromium.GREEN);
        assertThat(browser.text("certificate-id")).isEqualTo(id("C-VALID"));
        assertThat(browser.text("lab-name")).isEqualTo("Lab " + world.labNorth);
        assertThat(browser.text("accreditation")).contains("CNAS L-" + world.labNorth);
        assertThat(browser.text("valid-until")).isEqualTo(validUntil.substring(0, 10));
        assertThat(browser.text("entity-name")).isEqualTo("Entity " + world.entityNorth);
        // Policy v1: 100, +2 for the passed inspection, -15 for short weight, +5 for the commitment.
        assertThat(browser.text("credit-grade")).isEqualTo("A");
        assertThat(browser.text("commitment")).contains("使用经检定合格的计量器具");
        assertThat(browser.driver().findElements(By.cssSelector("#checks li.check-failed")))
                .isEmpty();

        browser.open(Chromium.DESKTOP, "/v/" + valid + "?lang=en", "scenario-verify-valid-en");
        browser.assertVerdict("VALID", Chromium.GREEN);
    }

    @Test
    void the_home_page_looks_up_a_certificate_and_its_instrument_by_number_in_chinese() {
        browser.open(Chromium.DESKTOP, "/", "scenario-home-desktop");
        browser.open(Chromium.PHONE, "/", "scenario-home-phone");
        browser.driver().findElement(By.id("certificate-id")).sendKeys(id("C-VALID"));
        browser.driver()
                .findElement(By.cssSelector("#certificate-id-form button"))
                .click();
        browser.settle(ExpectedConditions.presenceOfElementLocated(By.id("by-number")));
        browser.screenshot("scenario-lookup-certificate-phone");

        browser.assertVerdict("有效", Chromium.GREEN);
        assertThat(browser.text("kind")).isEqualTo("检定");
        assertThat(browser.text("lab-status")).isEqualTo("有效");
        assertThat(browser.driver().findElements(By.cssSelector("#checks li.check-failed")))
                .isEmpty();

        browser.open(Chromium.PHONE, "/instruments/" + id("D-1"), "scenario-instrument-phone");
        assertThat(browser.driver().findElements(By.cssSelector("#certificates a")))
                .extracting(a -> a.getText())
                .contains(id("C-VALID"));
    }

    @Test
    void a_revoked_certificate_shows_red_revoked() {
        showsRed(revoked, "已撤销", "REVOKED");
    }

    @Test
    void a_superseded_certificate_shows_red_and_names_its_successor() {
        showsRed(superseded, "已被替代", "SUPERSEDED");
        assertThat(browser.text("successor")).isEqualTo(id("C-NEW"));
    }

    @Test
    void a_certificate_recorded_after_its_validity_ended_shows_red_expired() {
        showsRed(expired, "已过期", "EXPIRED");
    }

    @Test
    void a_forged_token_shows_signature_invalid_and_only_unverified_claims() {
        String longer = labToken(id("C-VALID"), id("D-1"), world.daysAgo(-3650)).split("\\.")[1];
        String edited = "ML1." + longer + "." + valid.split("\\.")[2];

        showsRed(edited, "签名无效 · 疑似伪造", "SIGNATURE_INVALID");
        assertThat(browser.driver().findElement(By.cssSelector(".claims h2")).getText())
                .contains("未经证实");
        assertThat(browser.driver().findElements(By.id("lab-name"))).isEmpty();
    }

    @Test
    void an_inspector_signs_in_and_sees_the_entitys_grade_chart_and_events() {
        browser.open(Chromium.DESKTOP, "/inspect/entities/" + world.entityNorth, "scenario-inspector-to-login");
        assertThat(browser.driver().getCurrentUrl()).contains("/login");
        browser.driver().findElement(By.id("token")).sendKeys(token(Cast.NORTH_INSPECTOR));
        browser.driver().findElement(By.id("sign-in")).click();
        browser.settle(ExpectedConditions.urlContains("/inspect/entities/" + world.entityNorth));

        assertThat(browser.text("entity-name")).isEqualTo("Entity " + world.entityNorth);
        assertThat(browser.text("credit-grade")).isEqualTo("A");
        assertThat(browser.driver().findElements(By.cssSelector("#score-chart circle")))
                .isNotEmpty();
        assertThat(browser.text("event-" + id("EV-2"))).contains("缺斤短两").contains("-15");
        assertThat(browser.driver()
                        .findElement(By.cssSelector("#event-" + id("EV-2") + " td.mono"))
                        .getText())
                .matches("[0-9a-f]{64}");
        browser.screenshot("scenario-inspector-desktop");
        browser.resize(Chromium.PHONE);
        browser.screenshot("scenario-inspector-phone");
    }

    @Test
    void a_wrong_token_does_not_sign_in() {
        browser.open(Chromium.PHONE, "/login", "scenario-login-phone");
        browser.driver().findElement(By.id("token")).sendKeys("ml_not-a-token");
        browser.driver().findElement(By.id("sign-in")).click();
        browser.settle(ExpectedConditions.presenceOfElementLocated(By.id("login-error")));

        assertThat(browser.text("login-error")).isEqualTo("令牌无效。");
    }

    @Test
    void the_ledger_and_recognition_pages_render_the_ledgers_values() {
        long before = height();
        browser.open(Chromium.DESKTOP, "/ledger", "scenario-ledger-desktop");
        assertThat(Long.parseLong(browser.text("height"))).isGreaterThanOrEqualTo(before);
        assertThat(browser.driver().findElements(By.cssSelector("section.block")))
                .hasSize(10);

        browser.open(
                Chromium.PHONE,
                "/recognition?certificate=" + id("C-VALID") + "&region=EastMSP",
                "scenario-recognition-phone");
        assertThat(browser.driver().findElement(By.id("certificate")).getAttribute("value"))
                .isEqualTo(id("C-VALID"));
        assertThat(browser.driver().findElements(By.cssSelector("#region option")))
                .hasSizeGreaterThanOrEqualTo(2);
        assertThat(browser.driver().findElements(By.id("verdict")).size()
                        + browser.driver()
                                .findElements(By.id("recognition-problem"))
                                .size())
                .isEqualTo(1);
    }
}
