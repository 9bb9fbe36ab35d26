package org.metroledger.chaincode.inspection;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.metroledger.chaincode.json.Canonical;
import org.metroledger.simulation.Member;
import org.metroledger.testbed.TestBed;
import org.metroledger.testbed.TestWorld;

/** Requests and steps of a North-led draw between North and East, for the inspection tests. */
final class Draws {
    static final String NORTH_SEED = "4e".repeat(32);
    static final String EAST_SEED = "e5".repeat(32);
    static final List<String> INSPECTORS = List.of("p-north-inspector", "p-east-inspector");

    private Draws() {}

    static String creation(String id, String category) {
        return Canonical.json(Map.of(
                "id",
                id,
                "region",
                TestBed.NORTH,
                "category",
                category,
                "participants",
                List.of(TestBed.NORTH, TestBed.EAST),
                "inspectors",
                INSPECTORS));
    }

    static String seedOf(Member admin) {
        return admin.mspId().equals(TestBed.NORTH) ? NORTH_SEED : EAST_SEED;
    }

    static String commitment(String drawId, Member admin) {
        return Canonical.json(Map.of("drawId", drawId, "seedHash", Seeds.commitment(seedOf(admin))));
    }

    static String reveal(String drawId, Member admin) {
        return Canonical.json(Map.of("drawId", drawId, "seed", seedOf(admin)));
    }

    static String byId(String id) {
        return Canonical.json(Map.of("id", id));
    }

    static void create(TestWorld world, String id, String category) {
        world.bed.submit(world.northAdmin, "inspection:Create", creation(id, category));
    }

    static void commitAll(TestWorld world, String id) {
        world.bed.submit(world.northAdmin, "inspection:CommitSeed", commitment(id, world.northAdmin));
        world.bed.submit(world.eastAdmin, "inspection:CommitSeed", commitment(id, world.eastAdmin));
    }

    static void revealAll(TestWorld world, String id) {
        world.bed.submit(world.eastAdmin, "inspection:RevealSeed", reveal(id, world.eastAdmin));
        world.bed.submit(world.northAdmin, "inspection:RevealSeed", reveal(id, world.northAdmin));
    }

    /** Registers {@code count} more MARKET entities in North; answers their ids in key order. */
    static List<String> registerMarkets(TestWorld world, int count) {
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = TestWorld.withCheck(String.format("91110000MA%07d", i));
            world.bed.submit(
                    world.northAdmin,
                    "registry:RegisterEntity",
                    Canonical.json(Map.of("id", id, "name", "市场 " + i, "province", "北京", "category", "MARKET")));
            ids.add(id);
        }
        return ids.stream().sorted().toList();
    }

    /** Creates, commits, reveals and publishes a MARKET draw; answers the published draw. */
    static JsonNode publish(TestWorld world, String id) {
        create(world, id, "MARKET");
        commitAll(world, id);
        revealAll(world, id);
        return Canonical.tree(
                world.bed.submit(world.northAdmin, "inspection:Publish", Canonical.json(Map.of("drawId", id))), "draw");
    }

    static String result(String drawId, String entity, String outcome) {
        return Canonical.json(Map.of(
                "drawId",
                drawId,
                "entity",
                entity,
                "outcome",
                outcome,
                "findings",
                "two scales 20 g short at 1 kg",
                "evidenceDigest",
                "b".repeat(64)));
    }

    /** The first selected entity of a published draw and the participant id assigned to it. */
    static Map.Entry<String, String> firstAssignment(JsonNode published) {
        var fields = published.get("publication").get("assignments").fields();
        if (!fields.hasNext()) {
            throw new IllegalStateException("the fixed seeds selected nobody; pick other seeds");
        }
        var first = fields.next();
        return Map.entry(first.getKey(), first.getValue().asText());
    }
}
