package org.metroledger.chaincode.inspection;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.metroledger.chaincode.json.Canonical;
import org.metroledger.chaincode.signature.LabSignature;
import org.metroledger.simulation.CertificateAuthority;
import org.metroledger.simulation.Member;
import org.metroledger.testbed.TestBed;
import org.metroledger.testbed.TestWorld;

/**
 * Three-centre draws with a reveal deadline and dealt seeds, for the inspection tests: each centre
 * registers its share key, commits with a dealing, confirms, and after the deadline posts the
 * shares it holds of the seeds withheld.
 */
final class EscrowedDraws {
    static final Map<String, String> SEEDS = Map.of(
            TestBed.NORTH, "4e".repeat(32), TestBed.EAST, "e5".repeat(32), TestBed.CENTRAL_SOUTH, "5c".repeat(32));
    static final List<String> CENTRES = List.of(TestBed.CENTRAL_SOUTH, TestBed.EAST, TestBed.NORTH);

    final TestWorld world;
    final Map<String, KeyPair> keys = new TreeMap<>();
    private final SecureRandom random = new SecureRandom(new byte[] {7});

    EscrowedDraws(TestWorld world) {
        this.world = world;
        for (String msp : CENTRES) {
            KeyPair pair = CertificateAuthority.newKeyPair();
            keys.put(msp, pair);
            world.bed.submit(
                    admin(msp),
                    "inspection:RegisterShareKey",
                    Canonical.json(Map.of("publicKey", LabSignature.pem(pair.getPublic()))));
        }
    }

    Member admin(String msp) {
        return switch (msp) {
            case TestBed.NORTH -> world.northAdmin;
            case TestBed.EAST -> world.eastAdmin;
            default -> world.centralSouthAdmin;
        };
    }

    static String creation(String id, String period) {
        return Canonical.json(Map.of(
                "id",
                id,
                "region",
                TestBed.NORTH,
                "category",
                "MARKET",
                "participants",
                CENTRES,
                "inspectors",
                Draws.INSPECTORS,
                "revealPeriod",
                period));
    }

    Dealing dealing(String drawId, String msp) {
        Map<String, PublicKey> publicKeys = new TreeMap<>();
        keys.forEach((centre, pair) -> publicKeys.put(centre, pair.getPublic()));
        return SeedSharing.deal(drawId, msp, SEEDS.get(msp), CENTRES, publicKeys, random);
    }

    String commitment(String drawId, String msp) {
        return Canonical.json(Map.of(
                "drawId", drawId, "seedHash", Seeds.commitment(SEEDS.get(msp)), "dealing", dealing(drawId, msp)));
    }

    /** Creates the draw (reveal period one hour), takes every commitment and every confirmation. */
    JsonNode opened(String id) {
        world.bed.submit(world.northAdmin, "inspection:Create", creation(id, "PT1H"));
        for (String msp : CENTRES) {
            world.bed.submit(admin(msp), "inspection:CommitSeed", commitment(id, msp));
        }
        String last = null;
        for (String msp : CENTRES) {
            last = world.bed.submit(admin(msp), "inspection:ConfirmShares", Canonical.json(Map.of("drawId", id)));
        }
        return Canonical.tree(last, "draw");
    }

    void reveal(String id, String msp) {
        world.bed.submit(
                admin(msp), "inspection:RevealSeed", Canonical.json(Map.of("drawId", id, "seed", SEEDS.get(msp))));
    }

    /** The share {@code holder} decrypts of {@code dealer}'s seed, from the stored draw. */
    String shareOf(String id, String dealer, String holder) {
        InspectionDraw draw = Canonical.read(
                world.bed.evaluate(world.northAdmin, "inspection:Get", Draws.byId(id)), InspectionDraw.class);
        return SeedSharing.decrypt(
                        id,
                        dealer,
                        holder,
                        draw.dealings().get(dealer),
                        keys.get(holder).getPrivate())
                .orElseThrow();
    }

    String posting(String id, String dealer, String share) {
        return Canonical.json(Map.of("drawId", id, "shares", Map.of(dealer, share)));
    }

    void post(String id, String dealer, String holder) {
        world.bed.submit(admin(holder), "inspection:PostShares", posting(id, dealer, shareOf(id, dealer, holder)));
    }
}
