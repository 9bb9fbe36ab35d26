package org.metroledger.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.metroledger.chaincode.signature.LabSignature;
import org.metroledger.simulation.CertificateAuthority;

/**
 * The capability catalogue over HTTP on either backend: {@code GET /api/v1/capabilities} by
 * category, quantity, measuring range and region, with each hit's accreditation, CMC,
 * authorisations and whether an agreement makes its results count in the asker's region; and the
 * {@code /catalogue} page.
 */
class CatalogueScenarioTest extends Scenario {
    HttpWorld world;
    String scales;
    String weighing;
    String volume;
    /** Quantities are ledger-wide text, so the run writes its own. */
    String mass;

    @Override
    void prepare() {
        world = registerWorld();
        scales = id("lab-scales");
        weighing = world.category("weighing");
        volume = world.category("volume");
        mass = "Mass " + ns.id("m");
        Map<String, Object> accreditation = Map.of(
                "body",
                "CNAS",
                "number",
                "L-" + scales,
                "validFrom",
                "2020-01-01T00:00:00Z",
                "validUntil",
                "2030-01-01T00:00:00Z",
                "scope",
                List.of(
                        Map.of(
                                "category",
                                weighing,
                                "quantity",
                                mass,
                                "range",
                                "(0~150) kg",
                                "cmcUncertainty",
                                "0.5 g"),
                        Map.of(
                                "category",
                                volume,
                                "quantity",
                                "volume",
                                "range",
                                "0-100 L",
                                "cmcUncertainty",
                                "0.05 %")));
        committed(http.post(
                "/api/v1/labs",
                token(Cast.NORTH_ADMIN),
                Map.of(
                        "id",
                        scales,
                        "name",
                        "北京衡器计量站 " + ns.id("x"),
                        "accreditation",
                        accreditation,
                        "publicKey",
                        LabSignature.pem(CertificateAuthority.newKeyPair().getPublic()))));
    }

    static String query(Map<String, String> parameters) {
        return parameters.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    JsonArray search(Map<String, String> parameters) {
        Http.Answer answer = http.get("/api/v1/capabilities?" + query(parameters), null);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json().getJsonArray("items");
    }

    static List<String> labs(JsonArray hits) {
        return hits.stream()
                .map(JsonObject.class::cast)
                .map(hit -> hit.getJsonObject("lab").getString("id"))
                .toList();
    }

    static JsonObject hitOf(JsonArray hits, String lab) {
        return hits.stream()
                .map(JsonObject.class::cast)
                .filter(hit -> hit.getJsonObject("lab").getString("id").equals(lab))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no hit of " + lab + " in " + hits));
    }

    @Test
    void the_api_finds_labs_by_category_quantity_range_and_says_where_their_results_count() {
        JsonArray byCategory = search(Map.of("category", weighing));
        assertThat(labs(byCategory)).containsExactlyInAnyOrder(scales, world.labNorth, world.labEast);
        JsonObject hit = hitOf(byCategory, scales);
        assertThat(hit.getJsonObject("accreditation").getString("body")).isEqualTo("CNAS");
        assertThat(hit.getJsonObject("accreditation").getString("number")).isEqualTo("L-" + scales);
        assertThat(hit.getJsonObject("accreditation").getString("validUntil")).isEqualTo("2030-01-01T00:00:00Z");
        assertThat(hit.getJsonObject("capability").getString("cmcUncertainty")).isEqualTo("0.5 g");
        assertThat(hit.getJsonArray("authorisations")).isEmpty();
        JsonArray northAuthorisations = hitOf(byCategory, world.labNorth).getJsonArray("authorisations");
        assertThat(northAuthorisations).hasSize(1);
        assertThat(northAuthorisations.getJsonObject(0).getString("region")).isEqualTo(Cast.NORTH);

        assertThat(labs(search(Map.of("quantity", mass.toUpperCase(java.util.Locale.ROOT), "range", "50 kg"))))
                .containsExactly(scales);
        assertThat(search(Map.of("quantity", mass, "range", "200 kg"))).isEmpty();
        assertThat(labs(search(Map.of("category", weighing, "labRegion", Cast.EAST))))
                .containsExactly(world.labEast);

        Map<String, String> fromEast = Map.of("category", weighing, "region", Cast.EAST, "labRegion", Cast.NORTH);
        search(fromEast).stream()
                .map(JsonObject.class::cast)
                .forEach(h -> assertThat(h.getJsonObject("recognition").getBoolean("counts"))
                        .isFalse());
        String agreement = id("RA-CAT");
        committed(http.post(
                "/api/v1/recognition-agreements",
                token(Cast.NORTH_ADMIN),
                Map.of(
                        "id",
                        agreement,
                        "members",
                        List.of(Cast.NORTH, Cast.EAST),
                        "categories",
                        List.of(weighing),
                        "validFrom",
                        "2025-01-01T00:00:00Z",
                        "validTo",
                        "2035-01-01T00:00:00Z")));
        committed(http.post(
                "/api/v1/recognition-agreements/" + agreement + "/acceptance", token(Cast.EAST_ADMIN), Map.of()));
        JsonArray recognised = search(fromEast);
        assertThat(labs(recognised)).containsExactlyInAnyOrder(scales, world.labNorth);
        recognised.stream().map(JsonObject.class::cast).forEach(h -> {
            assertThat(h.getJsonObject("recognition").getBoolean("counts")).isTrue();
            assertThat(h.getJsonObject("recognition").getString("agreementId")).isEqualTo(agreement);
        });
    }

    @Test
    void bad_query_parameters_are_a_4xx_naming_the_field() {
        assertRefused(400, "", "category");
        assertRefused(400, "category=" + weighing + "&range=heavy", "range");
        assertRefused(400, "category=" + weighing + "&pageSize=0", "pageSize");
        assertRefused(400, "category=" + weighing + "&pageSize=1.0", "pageSize");
        assertRefused(400, "category=" + weighing + "&bookmark=@@@", "bookmark");
        assertRefused(400, "category=" + weighing + "&at=yesterday", "at");
        assertRefused(400, "category=" + weighing + "&lab=x", "lab");
        assertRefused(404, "category=" + weighing + "&region=NoSuchMSP", "NoSuchMSP");
    }

    void assertRefused(int status, String query, String named) {
        Http.Answer answer = http.get("/api/v1/capabilities?" + query, null);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.json().getJsonObject("error").getString("message"))
                .as(answer.toString())
                .contains(named);
    }

    @Test
    void the_catalogue_page_searches_with_a_plain_form_in_chinese_and_english() {
        Http.Answer empty = http.get("/catalogue", null);
        assertThat(empty.status()).isEqualTo(200);
        assertThat(empty.body())
                .contains("计量能力目录")
                .contains("id=\"catalogue-form\"")
                .doesNotContain("<script");

        // No agreement covers the run's volume category, whatever the other tests agreed on weighing.
        Http.Answer zh = http.get("/catalogue?" + query(Map.of("category", volume, "region", Cast.EAST)), null);
        assertThat(zh.status()).as(zh.toString()).isEqualTo(200);
        assertThat(zh.body())
                .contains("北京衡器计量站")
                .contains("L-" + scales)
                .contains("0.05 %")
                .contains("结果不被互认")
                .contains("id=\"hit-" + scales + "-1\"");

        Http.Answer own = http.get(
                "/catalogue?" + query(Map.of("category", volume, "region", Cast.NORTH, "labRegion", Cast.NORTH)), null);
        assertThat(own.body())
                .as("a lab's results count in its own region, by no agreement")
                .contains("结果被互认： 华北 (" + Cast.NORTH + ") · 本地区签发")
                .doesNotContain("互认协议");

        Http.Answer en =
                http.get("/catalogue?" + query(Map.of("quantity", mass, "range", "50 kg", "lang", "en")), null);
        assertThat(en.status()).isEqualTo(200);
        assertThat(en.body())
                .contains("Capability catalogue")
                .contains("0.5 g")
                .contains("Legal-verification")
                .contains("id=\"hit-" + scales + "-0\"");

        Http.Answer bad = http.get("/catalogue?" + query(Map.of("category", weighing, "range", "heavy")), null);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body())
                .contains("id=\"catalogue-problem\"")
                .contains("range")
                .contains("catalogue-form");
        assertThat(http.get("/", null).body()).contains("href=\"/catalogue\"");
    }
}
