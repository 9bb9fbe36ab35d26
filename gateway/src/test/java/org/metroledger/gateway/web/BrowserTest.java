package org.metroledger.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The pages in real headless Chromium, as a person sees them: verdict words and colours, the
 * inspector's sign-in and entity page. Screenshots go to target/screenshots/.
 */
class BrowserTest {
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    private static final String GREEN = "rgba(10, 125, 50, 1)";
    private static final String RED = "rgba(179, 38, 30, 1)";
    private static final Dimension PHONE = new Dimension(390, 1400);
    private static final Dimension DESKTOP = new Dimension(1280, 1400);

    @TempDir
    static Path dataDir;

    @TempDir
    static Path profile;

    private static ConsumerWorld world;
    private static ChromeDriverService service;
    private static ChromeDriver browser;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(CHROMEDRIVER.canExecute(), "no /usr/bin/chromedriver (apt-get install chromium chromium-driver)");
        world = new ConsumerWorld(dataDir);
        // Every page is read a month on: C-EXPIRING has expired, the others are still in force.
        world.clock.set(ConsumerWorld.LATER);
        service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + profile.toAbsolutePath());
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        Files.createDirectories(Path.of("target", "screenshots"));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (service != null) {
            service.stop();
        }
        if (world != null) {
            world.close();
        }
    }

    @Test
    void a_valid_certificate_shows_green_with_the_lab_grade_and_commitment() throws Exception {
        open(PHONE, "/v/" + world.token("C-VALID", "SN-1", "2026-05-31T00:00:00Z"), "verify-valid-phone");

        assertVerdict("有效", GREEN);
        assertThat(text("lab-name")).isEqualTo("华北国家计量测试中心");
        assertThat(text("accreditation")).contains("CNAS L0042");
        assertThat(text("valid-until")).isEqualTo("2026-05-31");
        assertThat(text("entity-name")).isEqualTo(ConsumerWorld.ENTITY_NAME);
        assertThat(text("credit-grade")).isEqualTo("A");
        assertThat(text("commitment")).contains("使用经检定合格的计量器具");
        assertThat(browser.findElements(By.cssSelector("#checks li.check-failed")))
                .isEmpty();

        open(DESKTOP, "/v/" + world.token("C-VALID", "SN-1", "2026-05-31T00:00:00Z") + "?lang=en", "verify-valid-en");
        assertVerdict("VALID", GREEN);
    }

    @Test
    void a_revoked_certificate_shows_red_revoked() throws Exception {
        open(PHONE, "/v/" + world.token("C-REVOKED", "SN-2", "2026-05-31T00:00:00Z"), "verify-revoked-phone");

        assertVerdict("已撤销", RED);
        assertThat(text("verdict-code")).isEqualTo("REVOKED");
    }

    @Test
    void a_superseded_certificate_shows_red_and_names_its_successor() throws Exception {
        open(PHONE, "/v/" + world.token("C-OLD", "SN-3", "2026-05-31T00:00:00Z"), "verify-superseded-phone");

        assertVerdict("已被替代", RED);
        assertThat(text("successor")).isEqualTo("C-NEW");
    }

    @Test
    void an_expired_certificate_shows_red_expired() throws Exception {
        open(PHONE, "/v/" + world.token("C-EXPIRING", "SN-4", "2025-06-20T00:00:00Z"), "verify-expired-phone");

        assertVerdict("已过期", RED);
        assertThat(text("verdict-code")).isEqualTo("EXPIRED");
    }

    @Test
    void a_forged_token_shows_signature_invalid_and_only_unverified_claims() throws Exception {
        String genuine = world.token("C-VALID", "SN-1", "2026-05-31T00:00:00Z");
        String forged = world.token("C-VALID", "SN-1", "2029-05-31T00:00:00Z").split("\\.")[1];
        String edited = "ML1." + forged + "." + genuine.split("\\.")[2];

        open(PHONE, "/v/" + edited, "verify-forged-phone");

        assertVerdict("签名无效 · 疑似伪造", RED);
        assertThat(text("verdict-code")).isEqualTo("SIGNATURE_INVALID");
        assertThat(browser.findElement(By.cssSelector(".claims h2")).getText()).contains("未经证实");
        assertThat(browser.findElements(By.id("lab-name"))).isEmpty();
    }

    @Test
    void an_inspector_signs_in_and_sees_the_entitys_grade_chart_and_events() throws Exception {
        open(DESKTOP, "/inspect/entities/" + ConsumerWorld.ENTITY, "inspector-redirected-to-login");
        assertThat(browser.getCurrentUrl()).contains("/login");
        browser.findElement(By.id("token")).sendKeys(world.inspectorToken);
        browser.findElement(By.id("sign-in")).click();
        settle(ExpectedConditions.urlContains("/inspect/entities/" + ConsumerWorld.ENTITY));

        assertThat(text("entity-name")).isEqualTo(ConsumerWorld.ENTITY_NAME);
        assertThat(text("credit-grade")).isEqualTo("A");
        assertThat(browser.findElements(By.cssSelector("#score-chart circle"))).isNotEmpty();
        assertThat(text("event-EV-2")).contains("缺斤短两").contains("-15");
        assertThat(browser.findElement(By.cssSelector("#event-EV-2 td.mono")).getText())
                .hasSize(64);
        screenshot("inspector-desktop");
        browser.manage().window().setSize(PHONE);
        screenshot("inspector-phone");
    }

    @Test
    void a_wrong_token_does_not_sign_in() throws Exception {
        open(PHONE, "/login", "login-phone");
        browser.findElement(By.id("token")).sendKeys("ml_not-a-token");
        browser.findElement(By.id("sign-in")).click();
        settle(ExpectedConditions.presenceOfElementLocated(By.id("login-error")));

        assertThat(text("login-error")).isEqualTo("令牌无效。");
    }

    @Test
    void the_ledger_and_recognition_pages_render_the_ledgers_values() throws Exception {
        open(DESKTOP, "/ledger", "ledger-desktop");
        assertThat(Long.parseLong(text("height"))).isEqualTo(world.ledger.height());
        assertThat(browser.findElements(By.cssSelector("section.block"))).hasSize(10);

        open(PHONE, "/recognition?certificate=C-VALID&region=EastMSP", "recognition-phone");
        assertThat(browser.findElement(By.id("certificate")).getAttribute("value"))
                .isEqualTo("C-VALID");
        assertThat(browser.findElements(By.cssSelector("#region option"))).hasSizeGreaterThanOrEqualTo(2);
        assertThat(browser.findElements(By.id("verdict")).size()
                        + browser.findElements(By.id("recognition-problem")).size())
                .isEqualTo(1);
    }

    private static void open(Dimension size, String path, String screenshot) throws Exception {
        browser.manage().window().setSize(size);
        browser.get(world.base() + path);
        screenshot(screenshot);
    }

    /** Waits for the page a form submission leads to; the assertions then read it. */
    private static void settle(ExpectedCondition<?> condition) {
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(condition);
    }

    private static void screenshot(String name) throws Exception {
        File shot = browser.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), Path.of("target", "screenshots", name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private static void assertVerdict(String word, String colour) {
        WebElement verdict = browser.findElement(By.id("verdict"));
        assertThat(text("verdict-word")).isEqualTo(word);
        assertThat(verdict.getAttribute("class")).contains(GREEN.equals(colour) ? "verdict-valid" : "verdict-invalid");
        assertThat(verdict.getCssValue("background-color")).isEqualTo(colour);
    }

    private static String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }
}
