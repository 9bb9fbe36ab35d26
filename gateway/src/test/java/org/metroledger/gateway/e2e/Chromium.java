package org.metroledger.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium through /usr/bin/chromedriver, showing a gateway's pages as a person sees them:
 * the page's words by element id and the verdict's colour. Screenshots go to target/screenshots/.
 */
public final class Chromium implements AutoCloseable {
    public static final String GREEN = "rgba(10, 125, 50, 1)";
    public static final String RED = "rgba(179, 38, 30, 1)";
    public static final Dimension PHONE = new Dimension(390, 1400);
    public static final Dimension DESKTOP = new Dimension(1280, 1400);
    /** Why a browser test skips where {@link #installed()} is false. */
    public static final String MISSING = "no /usr/bin/chromedriver (apt-get install chromium chromium-driver)";

    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

    private final String base;
    private final Path profile;
    private final ChromeDriverService service;
    private final ChromeDriver driver;

    private Chromium(String base, Path profile, ChromeDriverService service, ChromeDriver driver) {
        this.base = base;
        this.profile = profile;
        this.service = service;
        this.driver = driver;
    }

    /** Whether chromedriver is there to drive Chromium. */
    public static boolean installed() {
        return CHROMEDRIVER.canExecute();
    }

    /** A browser with a fresh profile (no cookies) that opens paths under a gateway's base URL. */
    public static Chromium start(String base) {
        Path profile;
        try {
            profile = Files.createTempDirectory("metroledger-chromium-");
            Files.createDirectories(Path.of("target", "screenshots"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
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
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return new Chromium(base, profile, service, driver);
    }

    /** Opens a path at a window size and keeps a screenshot of it under that name. */
    public void open(Dimension size, String path, String screenshot) {
        driver.manage().window().setSize(size);
        driver.get(base + path);
        screenshot(screenshot);
    }

    public void resize(Dimension size) {
        driver.manage().window().setSize(size);
    }

    public void screenshot(String name) {
        File shot = driver.getScreenshotAs(OutputType.FILE);
        try {
            Files.copy(
                    shot.toPath(),
                    Path.of("target", "screenshots", name + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep screenshot " + name, e);
        }
    }

    /** Waits for the page a form submission leads to; the assertions then read it. */
    public void settle(ExpectedCondition<?> condition) {
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(condition);
    }

    /** The visible text of the element with that id. */
    public String text(String id) {
        return driver.findElement(By.id(id)).getText();
    }

    /** Asserts the verdict's word and that it is painted green (valid) or red (anything else). */
    public void assertVerdict(String word, String colour) {
        WebElement verdict = driver.findElement(By.id("verdict"));
        assertThat(text("verdict-word")).isEqualTo(word);
        assertThat(verdict.getAttribute("class")).contains(GREEN.equals(colour) ? "verdict-valid" : "verdict-invalid");
        assertThat(verdict.getCssValue("background-color")).isEqualTo(colour);
    }

    public ChromeDriver driver() {
        return driver;
    }

    @Override
    public void close() {
        driver.quit();
        service.stop();
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            System.err.println("left " + profile + " behind: " + e);
        }
    }
}
