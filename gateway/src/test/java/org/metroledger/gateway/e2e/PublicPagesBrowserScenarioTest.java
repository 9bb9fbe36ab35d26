package org.metroledger.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The public pages regulators and citizens start from, in real headless Chromium on a phone-sized
 * and a desktop window, on whichever ledger the deployment runs: the home page's lookup, the
 * {@code /dashboard} of this run's own instrument category (four mandatory instruments: two
 * covered, one of them expiring within 30 days, one failed, one never verified; so other runs'
 * records do not count) and the {@code /catalogue} search, in Chinese first and in English through
 * the header's switch. Screenshots go to target/screenshots/ as {@code scenario-public-*}.
 */
class PublicPagesBrowserScenarioTest extends Scenario {
    HttpWorld world;
    Chromium browser;
    String category;

    @Override
    void prepare() {
        assumeTrue(Chromium.installed(), Chromium.MISSING);
        world = registerWorld();
        world.primaryChain();
        category = world.fourWeighingInstruments();

        browser = Chromium.start("http://" + deployment.host() + ":" + deployment.port());
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    String dashboardOfCategory() {
        return "/dashboard?category=" + URLEncoder.encode(category, StandardCharsets.UTF_8);
    }

    /** Forgets any sign-in of an earlier test: the browser is shared by the class's tests. */
    void signedOut() {
        browser.driver().manage().deleteAllCookies();
    }

    String pageLanguage() {
        return browser.driver().findElement(By.tagName("html")).getAttribute("lang");
    }

    void switchLanguage() {
        String before = pageLanguage();
        browser.driver().findElement(By.id("lang-switch")).click();
        browser.settle(driver -> !before.equals(pageLanguage()));
    }

    /** Submits the form the element belongs to and waits for the page it leads to. */
    void submit(String buttonCss, By awaited) {
        browser.driver().findElement(By.cssSelector(buttonCss)).click();
        browser.settle(ExpectedConditions.presenceOfElementLocated(awaited));
    }

    /** The element's rendered width fits the window: nothing on a phone scrolls sideways. */
    void fitsTheWindow(WebElement element) {
        int window =
                ((Number) browser.driver().executeScript("return document.documentElement.clientWidth")).intValue();
        assertThat(element.isDisplayed()).isTrue();
        assertThat(element.getRect().getX() + element.getRect().getWidth())
                .as("right edge of " + element.getAttribute("id"))
                .isLessThanOrEqualTo(window);
    }

    @Test
    void the_home_page_is_chinese_first_looks_up_an_entity_and_switches_to_english() {
        browser.open(Chromium.DESKTOP, "/", "scenario-public-home-desktop");
        assertThat(pageLanguage()).isEqualTo("zh-CN");
        assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("查询计量证书、器具和经营者");
        assertThat(browser.driver().findElements(By.cssSelector("#more-pages a")))
                .extracting(a -> a.getAttribute("href"))
                .anyMatch(href -> href.endsWith("/catalogue"))
                .anyMatch(href -> href.endsWith("/dashboard"));
        assertThat(browser.driver().findElements(By.cssSelector("header nav a")))
                .extracting(a -> a.getAttribute("href"))
                .anyMatch(href -> href.endsWith("/dashboard"));

        browser.open(Chromium.PHONE, "/", "scenario-public-home-phone");
        fitsTheWindow(browser.driver().findElement(By.id("entity-id-form")));
        browser.driver().findElement(By.id("entity-id")).sendKeys(world.entityNorth);
        submit("#entity-id-form button", By.id("entity-name"));
        browser.screenshot("scenario-public-entity-phone");
        assertThat(browser.text("entity-name")).isEqualTo("Entity " + world.entityNorth);
        assertThat(browser.text("entity-category"))
                .as("the enum value, translated")
                .isEqualTo("加油站");

        switchLanguage();
        browser.screenshot("scenario-public-entity-phone-en");
        assertThat(pageLanguage()).isEqualTo("en");
        assertThat(browser.text("entity-category")).isEqualTo("fuel station");
    }

    @Test
    void the_dashboard_shows_coverage_against_the_92_percent_target_the_overdue_count_and_svg_charts() {
        signedOut();
        browser.open(Chromium.DESKTOP, dashboardOfCategory(), "scenario-public-dashboard-desktop");
        assertThat(pageLanguage()).isEqualTo("zh-CN");
        assertThat(browser.text("coverage-ratio")).isEqualTo("50.0%");
        assertThat(browser.driver().findElement(By.id("coverage-ratio")).getAttribute("class"))
                .contains("below");
        assertThat(browser.text("coverage-target")).isEqualTo("目标 92.0% · 低于目标");
        assertThat(browser.text("mandatory")).isEqualTo("4");
        assertThat(browser.text("overdue")).isEqualTo("2");
        for (String chart : new String[] {"coverage-chart", "expiring-chart", "pass-rate-chart", "credit-chart"}) {
            assertThat(browser.driver().findElements(By.cssSelector("svg#" + chart + " rect")))
                    .as(chart + " drawn by the server")
                    .isNotEmpty();
        }
        assertThat(browser.driver()
                        .findElement(By.cssSelector("select[name=entityCategory] option[value=FUEL_STATION]"))
                        .getText())
                .as("the enum value, translated")
                .isEqualTo("加油站");
        assertThat(browser.driver().findElements(By.id("overdue-table")))
                .as("names are for inspectors")
                .isEmpty();

        browser.open(Chromium.PHONE, "/dashboard", "scenario-public-dashboard-phone-all");
        browser.driver()
                .findElement(By.cssSelector("#filters input[name=category]"))
                .sendKeys(category);
        submit("#filters button", By.id("coverage-ratio"));
        browser.screenshot("scenario-public-dashboard-phone");
        assertThat(browser.text("coverage-ratio")).isEqualTo("50.0%");
        fitsTheWindow(browser.driver().findElement(By.id("coverage-chart")));

        switchLanguage();
        browser.screenshot("scenario-public-dashboard-phone-en");
        assertThat(browser.driver().findElement(By.cssSelector("#coverage h2")).getText())
                .isEqualTo("Mandatory-verification coverage");
        assertThat(browser.text("coverage-target")).isEqualTo("target 92.0% · below target");
        assertThat(browser.driver()
                        .findElement(By.cssSelector("select[name=entityCategory] option[value=FUEL_STATION]"))
                        .getText())
                .isEqualTo("fuel station");
    }

    @Test
    void an_inspector_signed_in_sees_the_overdue_instruments_named_on_the_dashboard() {
        signedOut();
        browser.open(Chromium.DESKTOP, dashboardOfCategory(), "scenario-public-dashboard-to-login");
        browser.driver().findElement(By.cssSelector("#overdue-list a")).click();
        browser.settle(ExpectedConditions.presenceOfElementLocated(By.id("token")));
        browser.driver().findElement(By.id("token")).sendKeys(token(Cast.NORTH_INSPECTOR));
        browser.driver().findElement(By.id("sign-in")).click();
        browser.settle(ExpectedConditions.presenceOfElementLocated(By.id("overdue-list")));

        browser.open(Chromium.DESKTOP, dashboardOfCategory(), "scenario-public-dashboard-inspector-desktop");
        assertThat(browser.driver().findElements(By.cssSelector("#overdue-table tbody tr td:first-child a")))
                .extracting(WebElement::getText)
                .containsExactly(id("W-3"), id("W-4"));
    }

    @Test
    void the_catalogue_finds_a_lab_by_category_and_range_and_says_when_none_matches() {
        browser.open(Chromium.PHONE, "/catalogue", "scenario-public-catalogue-phone-form");
        assertThat(pageLanguage()).isEqualTo("zh-CN");
        browser.driver().findElement(By.id("category")).sendKeys(category);
        browser.driver().findElement(By.id("range")).sendKeys("50");
        submit("#search", By.id("hits"));
        browser.screenshot("scenario-public-catalogue-phone-found");
        // The world's labs hold the category's line second in their scope, range 0-100.
        WebElement north = browser.driver().findElement(By.id("hit-" + world.labNorth + "-1"));
        assertThat(north.getText())
                .contains("Lab " + world.labNorth)
                .contains("CNAS L-" + world.labNorth)
                .contains("0-100");
        assertThat(browser.driver().findElements(By.cssSelector("#hits article")))
                .extracting(a -> a.getAttribute("id"))
                .containsExactlyInAnyOrder("hit-" + world.labNorth + "-1", "hit-" + world.labEast + "-1");
        fitsTheWindow(north);

        browser.open(
                Chromium.DESKTOP,
                "/catalogue?" + CatalogueScenarioTest.query(Map.of("category", category, "range", "500")),
                "scenario-public-catalogue-desktop-none");
        assertThat(browser.text("no-hits")).isEqualTo("没有符合条件的机构。");
        assertThat(browser.driver().findElements(By.cssSelector("#hits article")))
                .isEmpty();

        switchLanguage();
        browser.screenshot("scenario-public-catalogue-desktop-none-en");
        assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Capability catalogue");
        assertThat(browser.text("no-hits")).isEqualTo("No lab matches.");
        assertThat(browser.driver().findElement(By.id("range")).getAttribute("value"))
                .isEqualTo("500");
    }
}
