package org.metroledger.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metroledger.gateway.e2e.Chromium;

/**
 * What of the pages in Chromium needs the ledger's clock moved, which only {@link ConsumerWorld}
 * allows: a label that was green when printed turns red once its validity ends. Every other page,
 * on every backend, is e2e/BrowserPagesScenarioTest's.
 */
class BrowserTest {
    @TempDir
    static Path dataDir;

    private static ConsumerWorld world;
    private static Chromium browser;

    @BeforeAll
    static void start() {
        assumeTrue(Chromium.installed(), Chromium.MISSING);
        world = new ConsumerWorld(dataDir);
        browser = Chromium.start(world.base());
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (world != null) {
            world.close();
        }
    }

    @Test
    void a_label_green_when_printed_turns_red_expired_once_its_validity_ends() {
        String expiring = "/v/" + world.token("C-EXPIRING", "SN-4", "2025-06-20T00:00:00Z");
        browser.open(Chromium.PHONE, expiring, "verify-expiring-phone");
        browser.assertVerdict("有效", Chromium.GREEN);
        // The hostile name is shown as the text it is, not run.
        assertThat(browser.text("entity-name")).isEqualTo(ConsumerWorld.ENTITY_NAME);

        world.clock.set(ConsumerWorld.LATER);
        browser.open(Chromium.PHONE, expiring, "verify-expired-phone");

        browser.assertVerdict("已过期", Chromium.RED);
        assertThat(browser.text("verdict-code")).isEqualTo("EXPIRED");
    }
}
