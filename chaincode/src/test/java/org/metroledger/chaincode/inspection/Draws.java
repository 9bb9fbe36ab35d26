package org.metroledger.chaincode.inspection;

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
}
