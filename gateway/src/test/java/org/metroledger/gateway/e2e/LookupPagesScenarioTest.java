package org.metroledger.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The home page and the pages its look-up forms lead to, over plain HTTP on whichever ledger the
 * deployment runs: a certificate by number, its instrument and its owner, every ledger code in
 * words on the Chinese pages.
 */
class LookupPagesScenarioTest extends Scenario {
    HttpWorld world;

    @Override
    void prepare() {
        world = registerWorld();
        world.primaryChain();
        HttpWorld.created(http.post(
                "/api/v1/instruments", token(Cast.NORTH_ADMIN), world.instrument(id("D-1"), world.entityNorth)));
        Map<String, Object> request = world.verification(id("C-1"), id("D-1"));
        request.put("validUntil", world.daysAgo(-365));
        world.issue(request);
    }

    @Test
    void the_home_page_is_at_slash_in_chinese_and_leads_to_a_certificates_page() {
        Http.Answer home = http.get("/", null);
        Http.Answer lookUp = http.get("/certificates?id=" + id("C-1"), null);

        assertThat(home.status()).isEqualTo(200);
        assertThat(home.body()).contains("lang=\"zh-CN\"").contains("action=\"/certificates\"");
        // The client follows the form's 303 to the certificate's own page.
        assertThat(lookUp.status()).as(lookUp.body()).isEqualTo(200);
        assertThat(lookUp.body()).contains("id=\"by-number\"").contains(id("C-1"));
    }

    @Test
    void a_certificate_by_number_shows_the_ledgers_verdict_with_every_code_in_words() {
        Http.Answer page = http.get("/certificates/" + id("C-1"), null);

        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("verdict-valid").contains("<dd id=\"kind\">检定</dd>");
        assertThat(page.body())
                .contains("证书存在")
                .doesNotContain(">VERIFICATION<")
                .doesNotContain(">ACTIVE<");
    }

    @Test
    void an_instrument_page_links_its_certificate_and_an_unknown_one_is_a_404_page() {
        Http.Answer page = http.get("/instruments/" + id("D-1"), null);
        Http.Answer unknown = http.get("/instruments/" + id("NO-SUCH"), null);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("href=\"/certificates/" + id("C-1") + "\"");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body()).contains("NOT_FOUND");
    }
}
