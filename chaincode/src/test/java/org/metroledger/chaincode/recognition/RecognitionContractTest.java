package org.metroledger.chaincode.recognition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.metroledger.testbed.TestBed.CENTRAL_SOUTH;
import static org.metroledger.testbed.TestBed.EAST;
import static org.metroledger.testbed.TestBed.NORTH;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.metroledger.chaincode.error.ErrorCode;
import org.metroledger.chaincode.json.Canonical;
import org.metroledger.testbed.Expect;
import org.metroledger.testbed.TestWorld;

class RecognitionContractTest {
    static final String VALID_TO = "2027-01-01T00:00:00Z";

    static String proposal(String id, List<String> members) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("id", id);
        r.put("members", members);
        r.put("categories", List.of("fuel-dispenser", "weighing"));
        r.put("conditions", List.of("results reported in SI units"));
        r.put("validFrom", "2025-01-01T00:00:00Z");
        r.put("validTo", VALID_TO);
        return Canonical.json(r);
    }

    static String byId(String id) {
        return Canonical.json(Map.of("id", id));
    }

    static JsonNode json(String text) {
        return Canonical.tree(text, "answer");
    }

    @Nested
    class Lifecycle {
        final TestWorld world = new TestWorld();

        @Test
        void proposal_counts_the_proposers_acceptance_and_waits_for_the_others() {
            JsonNode proposed = json(world.bed.submit(
                    world.northAdmin, "recognition:Propose", proposal("ag-1", List.of(NORTH, EAST, CENTRAL_SOUTH))));
            assertThat(proposed.get("status").asText()).isEqualTo("PROPOSED");
            assertThat(proposed.get("proposer").asText()).isEqualTo(NORTH);
            assertThat(proposed.get("acceptances").has(NORTH)).isTrue();
            assertThat(proposed.get("conditions").toString())
                    .contains("verdict is VALID")
                    .contains("accredited")
                    .contains("SI units");

            JsonNode second = json(world.bed.submit(world.eastAdmin, "recognition:Accept", byId("ag-1")));
            assertThat(second.get("status").asText()).isEqualTo("PROPOSED");
            JsonNode third = json(world.bed.submit(world.centralSouthAdmin, "recognition:Accept", byId("ag-1")));
            assertThat(third.get("status").asText()).isEqualTo("ACTIVE");
            assertThat(third.get("acceptances").size()).isEqualTo(3);
        }

        @Test
        void accepting_twice_is_a_conflict() {
            world.bed.submit(world.northAdmin, "recognition:Propose", proposal("ag-1", List.of(NORTH, EAST)));
            Expect.refused(world.bed, ErrorCode.CONFLICT, world.northAdmin, "recognition:Accept", byId("ag-1"));
            world.bed.submit(world.eastAdmin, "recognition:Accept", byId("ag-1"));
            Expect.refused(world.bed, ErrorCode.CONFLICT, world.eastAdmin, "recognition:Accept", byId("ag-1"));
        }

        @Test
        void terminated_agreement_can_no_longer_be_accepted() {
            world.bed.submit(world.northAdmin, "recognition:Propose", proposal("ag-1", List.of(NORTH, EAST)));
            JsonNode ended = json(world.bed.submit(
                    world.northAdmin,
                    "recognition:Terminate",
                    Canonical.json(Map.of("id", "ag-1", "reason", "withdrawn"))));
            assertThat(ended.get("status").asText()).isEqualTo("TERMINATED");
            assertThat(ended.get("terminatedBy").asText()).isEqualTo(NORTH);
            Expect.refused(world.bed, ErrorCode.CONFLICT, world.eastAdmin, "recognition:Accept", byId("ag-1"));
        }

        @Test
        void active_agreement_reads_expired_after_its_validity_and_a_late_acceptance_is_refused() {
            world.bed.submit(world.northAdmin, "recognition:Propose", proposal("ag-1", List.of(NORTH, EAST)));
            world.bed.submit(world.northAdmin, "recognition:Propose", proposal("ag-2", List.of(NORTH, EAST)));
            world.bed.submit(world.eastAdmin, "recognition:Accept", byId("ag-1"));
            world.bed.at(Instant.parse(VALID_TO));
            assertThat(json(world.bed.evaluate(world.stranger, "recognition:Get", byId("ag-1")))
                            .get("status")
                            .asText())
                    .isEqualTo("EXPIRED");
            Expect.refused(world.bed, ErrorCode.CONFLICT, world.eastAdmin, "recognition:Accept", byId("ag-2"));
        }

        @Test
        void proposal_naming_an_unregistered_region_is_not_found() {
            Expect.refused(
                    world.bed,
                    ErrorCode.NOT_FOUND,
                    world.northAdmin,
                    "recognition:Propose",
                    proposal("ag-1", List.of(NORTH, "SouthWestMSP")));
        }

        @Test
        void same_id_cannot_be_proposed_twice() {
            world.bed.submit(world.northAdmin, "recognition:Propose", proposal("ag-1", List.of(NORTH, EAST)));
            Expect.refused(
                    world.bed,
                    ErrorCode.CONFLICT,
                    world.eastAdmin,
                    "recognition:Propose",
                    proposal("ag-1", List.of(EAST, CENTRAL_SOUTH)));
        }

        @Test
        void listing_pages_through_every_agreement_in_id_order() {
            for (String id : List.of("ag-3", "ag-1", "ag-2")) {
                world.bed.submit(world.northAdmin, "recognition:Propose", proposal(id, List.of(NORTH, EAST)));
                world.bed.advance(Duration.ofMinutes(1));
            }
            JsonNode first = json(world.bed.evaluate(world.stranger, "recognition:List", "{\"pageSize\":2}"));
            assertThat(first.get("items").findValuesAsText("id")).containsExactly("ag-1", "ag-2");
            JsonNode second = json(world.bed.evaluate(
                    world.stranger,
                    "recognition:List",
                    Canonical.json(Map.of(
                            "pageSize", 2, "bookmark", first.get("bookmark").asText()))));
            assertThat(second.get("items").findValuesAsText("id")).containsExactly("ag-3");
        }
    }
}
