package org.metroledger.chaincode.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.metroledger.chaincode.error.ErrorCode;
import org.metroledger.chaincode.json.Canonical;
import org.metroledger.testbed.Expect;
import org.metroledger.testbed.TestBed;
import org.metroledger.testbed.TestWorld;

/** Legal-verification authorisations granted by a region's centre admin, and read by lab or region. */
class LegalAuthorisationContractTest {
    private final TestWorld world = new TestWorld();
    private final TestBed bed = world.bed;

    private JsonNode list(Map<String, String> request) {
        return Canonical.tree(
                bed.evaluate(world.stranger, "registry:ListAuthorisations", Canonical.json(request)), "answer");
    }

    @Test
    void a_region_authorises_a_lab_of_another_region_in_its_own_territory() {
        JsonNode granted = Canonical.tree(
                bed.submit(
                        world.centralSouthAdmin,
                        "registry:GrantAuthorisation",
                        TestWorld.authorisation(TestWorld.LAB_NORTH, "taxi-meter")),
                "answer");
        assertThat(granted.get("region").asText()).isEqualTo(TestBed.CENTRAL_SOUTH);
        assertThat(granted.get("lab").asText()).isEqualTo(TestWorld.LAB_NORTH);
        assertThat(granted.get("grantedBy").asText()).isNotBlank();
        assertThat(granted.get("recordedAt").asText()).isEqualTo(bed.now().toString());

        JsonNode inRegion = list(Map.of("region", TestBed.CENTRAL_SOUTH));
        assertThat(inRegion).hasSize(1);
        assertThat(inRegion.get(0)).isEqualTo(granted);
        assertThat(list(Map.of("region", TestBed.CENTRAL_SOUTH, "category", "weighing")))
                .isEmpty();
        assertThat(list(Map.of("region", TestBed.NORTH, "category", "weighing")))
                .singleElement()
                .satisfies(a -> assertThat(a.get("lab").asText()).isEqualTo(TestWorld.LAB_NORTH));
        // The north lab's: three of North (TestWorld) and the new one, in key order (region, category).
        assertThat(list(Map.of("lab", TestWorld.LAB_NORTH))).hasSize(4);
    }

    @Test
    void granting_again_replaces_the_grant_and_keeps_it_in_one_record() {
        bed.advance(java.time.Duration.ofDays(1));
        bed.submit(
                world.northAdmin,
                "registry:GrantAuthorisation",
                Canonical.json(Map.of(
                        "lab", TestWorld.LAB_NORTH,
                        "category", "weighing",
                        "validFrom", "2025-06-01T00:00:00+08:00",
                        "validUntil", "2026-01-01T00:00:00Z")));
        JsonNode weighing = list(Map.of("region", TestBed.NORTH, "category", "weighing"));
        assertThat(weighing).hasSize(1);
        assertThat(weighing.get(0).get("validFrom").asText()).isEqualTo("2025-05-31T16:00:00Z");
        assertThat(weighing.get(0).get("recordedAt").asText())
                .isEqualTo(bed.now().toString());
    }

    @Test
    void a_lab_that_does_not_exist_cannot_be_authorised() {
        Expect.refused(
                bed,
                ErrorCode.NOT_FOUND,
                world.northAdmin,
                "registry:GrantAuthorisation",
                TestWorld.authorisation("lab-none", "weighing"));
    }

    @Test
    void an_admin_of_an_unregistered_region_cannot_grant() {
        TestBed fresh = new TestBed();
        String message = Expect.refused(
                fresh,
                ErrorCode.FORBIDDEN,
                fresh.admin(TestBed.EAST),
                "registry:GrantAuthorisation",
                TestWorld.authorisation("lab-x", "weighing"));
        assertThat(message).contains("not a registered region");
        assertThat(Instant.parse("2025-06-01T08:00:00Z")).isEqualTo(fresh.now());
    }
}
