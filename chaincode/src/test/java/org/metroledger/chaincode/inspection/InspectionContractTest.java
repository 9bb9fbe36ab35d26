package org.metroledger.chaincode.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.metroledger.chaincode.error.ErrorCode;
import org.metroledger.chaincode.json.Canonical;
import org.metroledger.testbed.Expect;
import org.metroledger.testbed.TestBed;
import org.metroledger.testbed.TestWorld;

class InspectionContractTest {
    private final TestWorld world = new TestWorld();

    private JsonNode draw(String id) {
        return Canonical.tree(world.bed.evaluate(world.stranger, "inspection:Get", Draws.byId(id)), "draw");
    }

    @Test
    void draw_moves_from_open_to_committed_to_revealed_with_the_combined_seed_of_both_reveals() {
        Draws.create(world, "d1", "MARKET");
        assertThat(draw("d1").get("status").asText()).isEqualTo("OPEN");
        Draws.commitAll(world, "d1");
        assertThat(draw("d1").get("status").asText()).isEqualTo("COMMITTED");
        world.bed.submit(world.eastAdmin, "inspection:RevealSeed", Draws.reveal("d1", world.eastAdmin));
        JsonNode half = draw("d1");
        assertThat(half.get("status").asText()).isEqualTo("COMMITTED");
        assertThat(half.has("combinedSeed")).isFalse();
        world.bed.submit(world.northAdmin, "inspection:RevealSeed", Draws.reveal("d1", world.northAdmin));
        JsonNode revealed = draw("d1");
        assertThat(revealed.get("status").asText()).isEqualTo("REVEALED");
        assertThat(revealed.get("combinedSeed").asText())
                .isEqualTo(Seeds.combine(Map.of(TestBed.NORTH, Draws.NORTH_SEED, TestBed.EAST, Draws.EAST_SEED)));
        assertThat(revealed.get("reveals").get(TestBed.EAST).asText()).isEqualTo(Draws.EAST_SEED);
    }

    @Test
    void reveal_before_every_participant_committed_is_refused() {
        Draws.create(world, "d1", "MARKET");
        world.bed.submit(world.northAdmin, "inspection:CommitSeed", Draws.commitment("d1", world.northAdmin));
        assertThat(Expect.refused(
                        world.bed,
                        ErrorCode.CONFLICT,
                        world.northAdmin,
                        "inspection:RevealSeed",
                        Draws.reveal("d1", world.northAdmin)))
                .contains(TestBed.EAST);
    }

    @Test
    void a_seed_other_than_the_committed_one_is_refused() {
        Draws.create(world, "d1", "MARKET");
        Draws.commitAll(world, "d1");
        Expect.invalid(
                world.bed, "seed", world.northAdmin, "inspection:RevealSeed", Draws.reveal("d1", world.eastAdmin));
    }

    @Test
    void a_region_commits_only_once() {
        Draws.create(world, "d1", "MARKET");
        world.bed.submit(world.northAdmin, "inspection:CommitSeed", Draws.commitment("d1", world.northAdmin));
        Expect.refused(
                world.bed,
                ErrorCode.CONFLICT,
                world.northAdmin,
                "inspection:CommitSeed",
                Draws.commitment("d1", world.eastAdmin));
    }

    @Test
    void a_region_reveals_only_once() {
        Draws.create(world, "d1", "MARKET");
        Draws.commitAll(world, "d1");
        world.bed.submit(world.northAdmin, "inspection:RevealSeed", Draws.reveal("d1", world.northAdmin));
        Expect.refused(
                world.bed,
                ErrorCode.CONFLICT,
                world.northAdmin,
                "inspection:RevealSeed",
                Draws.reveal("d1", world.northAdmin));
    }

    @Test
    void same_draw_id_cannot_be_created_twice() {
        Draws.create(world, "d1", "MARKET");
        Expect.refused(
                world.bed, ErrorCode.CONFLICT, world.northAdmin, "inspection:Create", Draws.creation("d1", "MARKET"));
    }

    @Test
    void draws_are_listed_publicly_in_id_order() {
        Draws.create(world, "d2", "MARKET");
        Draws.create(world, "d1", "FUEL_STATION");
        JsonNode page = Canonical.tree(world.bed.evaluate(world.stranger, "inspection:List", "{}"), "page");
        assertThat(page.get("items").findValuesAsText("id")).isEqualTo(List.of("d1", "d2"));
    }
}
