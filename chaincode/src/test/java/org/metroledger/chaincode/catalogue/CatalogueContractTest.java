package org.metroledger.chaincode.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.metroledger.chaincode.json.Canonical;
import org.metroledger.chaincode.signature.LabSignature;
import org.metroledger.simulation.CertificateAuthority;
import org.metroledger.testbed.TestBed;
import org.metroledger.testbed.TestWorld;

class CatalogueContractTest {
    private static final String SCALES = "lab-scales";
    private final TestWorld world = new TestWorld();

    CatalogueContractTest() {
        world.bed.submit(
                world.northAdmin,
                "registry:RegisterLab",
                Canonical.json(Map.of(
                        "id",
                        SCALES,
                        "name",
                        "北京衡器计量站",
                        "accreditation",
                        accreditation(List.of(
                                line("weighing", "Mass", "(0~150) kg", "0.5 g"),
                                line("weighing", "mass", "0.1-5 g", "0.02 mg"),
                                line("volume", "Volume", "0-100 L", "0.05 %"))),
                        "publicKey",
                        LabSignature.pem(CertificateAuthority.newKeyPair().getPublic()))));
    }

    private static Map<String, Object> line(String category, String quantity, String range, String cmc) {
        return Map.of("category", category, "quantity", quantity, "range", range, "cmcUncertainty", cmc);
    }

    private static Map<String, Object> accreditation(List<Map<String, Object>> scope) {
        return Map.of(
                "body",
                "CNAS",
                "number",
                "L0042",
                "validFrom",
                "2024-01-01T00:00:00Z",
                "validUntil",
                "2027-01-01T00:00:00Z",
                "scope",
                scope);
    }

    private JsonNode search(Map<String, Object> query) {
        return Canonical.tree(world.bed.evaluate(world.stranger, "catalogue:Search", Canonical.json(query)), "page");
    }

    private static List<String> hits(JsonNode page) {
        List<String> hits = new ArrayList<>();
        page.get("items")
                .forEach(hit -> hits.add(hit.get("lab").get("id").asText() + "#"
                        + hit.get("capability").get("line").asInt()));
        return hits;
    }

    @Test
    void a_category_finds_every_active_labs_lines_of_it_with_accreditation_and_cmc() {
        JsonNode page = search(Map.of("category", "weighing"));
        assertThat(hits(page))
                .containsExactlyInAnyOrder(
                        SCALES + "#0", SCALES + "#1", TestWorld.LAB_NORTH + "#1", TestWorld.LAB_EAST + "#1");
        JsonNode scales = page.get("items").get(hits(page).indexOf(SCALES + "#0"));
        assertThat(scales.get("lab").get("name").asText()).isEqualTo("北京衡器计量站");
        assertThat(scales.get("lab").get("region").asText()).isEqualTo(TestBed.NORTH);
        assertThat(scales.get("accreditation").get("number").asText()).isEqualTo("L0042");
        assertThat(scales.get("accreditation").get("validUntil").asText()).isEqualTo("2027-01-01T00:00:00Z");
        assertThat(scales.get("capability").get("cmcUncertainty").asText()).isEqualTo("0.5 g");
        assertThat(scales.has("recognition")).isFalse();
    }

    @Test
    void a_quantity_is_found_whatever_its_case_and_a_range_keeps_the_lines_that_hold_it() {
        assertThat(hits(search(Map.of("quantity", " MASS ")))).containsExactly(SCALES + "#0", SCALES + "#1");
        assertThat(hits(search(Map.of("quantity", "mass", "range", "50 kg")))).containsExactly(SCALES + "#0");
        assertThat(hits(search(Map.of("category", "weighing", "quantity", "mass", "range", "1-2 g"))))
                .containsExactly(SCALES + "#1");
        assertThat(hits(search(Map.of("quantity", "mass", "range", "200 kg")))).isEmpty();
        assertThat(hits(search(Map.of("category", "volume", "range", "50 kg")))).isEmpty();
        assertThat(hits(search(Map.of("category", "weighing", "labRegion", TestBed.EAST))))
                .containsExactly(TestWorld.LAB_EAST + "#1");
    }

    @Test
    void each_hit_says_whether_an_agreement_makes_the_labs_results_count_in_the_askers_region() {
        JsonNode before = search(Map.of("category", "weighing", "region", TestBed.EAST, "labRegion", TestBed.NORTH));
        before.get("items").forEach(hit -> {
            assertThat(hit.get("recognition").get("counts").asBoolean()).isFalse();
            assertThat(hit.get("recognition").get("detail").asText()).contains(TestBed.EAST);
        });
        JsonNode own = search(Map.of("category", "weighing", "region", TestBed.EAST, "labRegion", TestBed.EAST));
        assertThat(own.get("items").get(0).get("recognition").get("counts").asBoolean())
                .isTrue();

        Map<String, Object> agreement = new LinkedHashMap<>();
        agreement.put("id", "ag-1");
        agreement.put("members", List.of(TestBed.NORTH, TestBed.EAST));
        agreement.put("categories", List.of("weighing"));
        agreement.put("validFrom", "2025-01-01T00:00:00Z");
        agreement.put("validTo", "2029-01-01T00:00:00Z");
        world.bed.submit(world.northAdmin, "recognition:Propose", Canonical.json(agreement));
        world.bed.submit(world.eastAdmin, "recognition:Accept", Canonical.json(Map.of("id", "ag-1")));

        JsonNode after = search(Map.of("category", "weighing", "region", TestBed.EAST, "labRegion", TestBed.NORTH));
        assertThat(after.get("items")).isNotEmpty();
        after.get("items").forEach(hit -> {
            assertThat(hit.get("recognition").get("counts").asBoolean()).isTrue();
            assertThat(hit.get("recognition").get("agreementId").asText()).isEqualTo("ag-1");
        });
        JsonNode volume = search(Map.of("category", "volume", "region", TestBed.EAST));
        assertThat(volume.get("items").get(0).get("recognition").get("counts").asBoolean())
                .isFalse();
    }

    @Test
    void a_hit_shows_the_labs_legal_verification_authorisations_for_its_category() {
        world.bed.submit(
                world.eastAdmin,
                "registry:GrantAuthorisation",
                Canonical.json(Map.of(
                        "lab",
                        SCALES,
                        "category",
                        "weighing",
                        "validFrom",
                        "2025-01-01T00:00:00Z",
                        "validUntil",
                        "2028-01-01T00:00:00Z")));
        JsonNode page = search(Map.of("quantity", "mass", "range", "50 kg"));
        JsonNode authorisations = page.get("items").get(0).get("authorisations");
        assertThat(authorisations).hasSize(1);
        assertThat(authorisations.get(0).get("region").asText()).isEqualTo(TestBed.EAST);
        assertThat(authorisations.get(0).get("validUntil").asText()).isEqualTo("2028-01-01T00:00:00Z");
        assertThat(search(Map.of("category", "volume")).get("items").get(0).get("authorisations"))
                .isEmpty();
    }

    @Test
    void suspended_labs_expired_accreditations_renewed_and_withdrawn_scopes_are_followed() {
        world.bed.submit(
                world.northAdmin,
                "registry:SetLabStatus",
                Canonical.json(Map.of("id", SCALES, "status", "SUSPENDED", "reason", "audit")));
        assertThat(hits(search(Map.of("quantity", "mass")))).isEmpty();
        world.bed.submit(
                world.northAdmin,
                "registry:SetLabStatus",
                Canonical.json(Map.of("id", SCALES, "status", "ACTIVE", "reason", "audit passed")));
        assertThat(hits(search(Map.of("quantity", "mass")))).hasSize(2);
        assertThat(hits(search(Map.of("quantity", "mass", "at", "2027-06-01T00:00:00Z"))))
                .isEmpty();

        world.bed.submit(
                world.northAdmin,
                "registry:RenewAccreditation",
                Canonical.json(Map.of(
                        "id",
                        SCALES,
                        "reason",
                        "scope narrowed",
                        "accreditation",
                        accreditation(List.of(line("pressure", "Pressure", "0-10 MPa", "0.05 %"))))));
        assertThat(hits(search(Map.of("quantity", "mass")))).isEmpty();
        assertThat(hits(search(Map.of("category", "volume")))).isEmpty();
        assertThat(hits(search(Map.of("category", "pressure", "range", "5 mpa"))))
                .containsExactly(SCALES + "#0");

        world.bed.submit(
                world.northAdmin,
                "registry:SetLabStatus",
                Canonical.json(Map.of("id", SCALES, "status", "WITHDRAWN", "reason", "closed")));
        assertThat(hits(search(Map.of("category", "pressure")))).isEmpty();
        assertThat(world.bed.state().range("", "", Integer.MAX_VALUE).stream()
                        .map(entry -> entry.key())
                        .filter(key -> key.contains("capability~") && key.contains(SCALES)))
                .isEmpty();
    }

    @Test
    void pages_follow_the_index_with_a_bookmark() {
        JsonNode first = search(Map.of("category", "weighing", "pageSize", 2));
        assertThat(first.get("items")).hasSize(2);
        JsonNode second = search(Map.of(
                "category",
                "weighing",
                "pageSize",
                2,
                "bookmark",
                first.get("bookmark").asText()));
        List<String> all = new ArrayList<>(hits(first));
        all.addAll(hits(second));
        assertThat(all).doesNotHaveDuplicates().hasSize(4);
    }
}
