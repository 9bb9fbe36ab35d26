package org.metroledger.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The supervision indicators over HTTP on whichever ledger the deployment runs: four mandatory
 * instruments of this run's own category (so other runs' records do not count), two of them
 * covered by a PASS verification (one expiring within 30 days), one verified FAIL and one never
 * verified; the public figures, the named list for inspectors only, the recount agreeing with the
 * tallies, bad parameters named, and the dashboard page drawing it.
 */
class IndicatorsScenarioTest extends Scenario {
    HttpWorld world;
    String category;

    @Override
    void prepare() {
        world = registerWorld();
        world.primaryChain();
        category = world.fourWeighingInstruments();
    }

    @Test
    void the_public_figures_of_a_category_count_coverage_overdue_expiring_and_pass_rate() {
        JsonObject figures = ok(http.get("/api/v1/indicators?category=" + category, null));

        assertThat(figures.getJsonObject("coverage").getLong("mandatory")).isEqualTo(4);
        assertThat(figures.getJsonObject("coverage").getLong("covered")).isEqualTo(2);
        assertThat(figures.getJsonObject("coverage").getLong("overdue")).isEqualTo(2);
        assertThat(figures.getJsonObject("coverage").getString("ratio")).isEqualTo("0.5000");
        assertThat(figures.getJsonObject("coverage").getBoolean("met")).isFalse();
        assertThat(figures.getJsonObject("expiring").getLong("within30")).isEqualTo(1);
        assertThat(figures.getJsonObject("expiring").getLong("within90")).isEqualTo(1);
        JsonObject thisMonth = figures.getJsonArray("passRates")
                .getJsonObject(figures.getJsonArray("passRates").size() - 1);
        assertThat(thisMonth.getLong("tested")).isEqualTo(3);
        assertThat(thisMonth.getLong("passed")).isEqualTo(2);
    }

    @Test
    void the_named_overdue_list_is_for_inspectors_and_names_the_two_instruments() {
        String path = "/api/v1/indicators/overdue?category=" + category;
        JsonObject list = ok(http.get(path, token(Cast.NORTH_INSPECTOR)));

        assertThat(list.getLong("total")).isEqualTo(2);
        assertThat(list.getJsonArray("items").getJsonObject(0).getString("instrument"))
                .isEqualTo(id("W-3"));
        assertThat(list.getJsonArray("items").getJsonObject(1).getString("instrument"))
                .isEqualTo(id("W-4"));
        assertThat(http.get(path, null).status()).isEqualTo(401);
        assertThat(http.get(path, token(Cast.NORTH_ENTITY)).status()).isEqualTo(403);
    }

    @Test
    void a_recount_from_every_record_agrees_with_the_tallies() {
        String query = "?category=" + category + "&months=2";
        JsonObject tallied = ok(http.get("/api/v1/indicators" + query, null));
        JsonObject recounted = ok(http.get("/api/v1/indicators/recount" + query, token(Cast.NORTH_ADMIN)));

        assertThat(recounted.getString("source")).isEqualTo("recount");
        for (String field : new String[] {"coverage", "expiring", "passRates", "day"}) {
            assertThat(recounted.getValue(field)).as(field).isEqualTo(tallied.getValue(field));
        }
        assertThat(http.get("/api/v1/indicators/recount" + query, token(Cast.NORTH_INSPECTOR))
                        .status())
                .isEqualTo(403);
    }

    @Test
    void bad_parameters_are_refused_naming_the_field() {
        for (String[] bad : new String[][] {
            {"at=tomorrow", "at"},
            {"months=0", "months"},
            {"entityCategory=CASINO", "entityCategory"},
            {"colour=red", "colour"}
        }) {
            Http.Answer answer = http.get("/api/v1/indicators?" + bad[0], null);
            assertThat(answer.status()).as(answer.body()).isEqualTo(400);
            assertThat(answer.body()).contains(bad[1]);
        }
    }

    @Test
    void the_dashboard_page_shows_the_coverage_against_the_target_with_server_drawn_charts() {
        Http.Answer page = http.get("/dashboard?category=" + URLEncoder.encode(category, StandardCharsets.UTF_8), null);
        Http.Answer english = http.get("/dashboard?lang=en&category=" + category, null);

        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(page.body())
                .contains("lang=\"zh-CN\"")
                .contains("强制检定覆盖率")
                .contains("<svg")
                .contains("id=\"coverage-ratio\">50.0%")
                .doesNotContain("<script");
        assertThat(english.body()).contains("Mandatory-verification coverage").contains("92");
    }

    private static JsonObject ok(Http.Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }
}
