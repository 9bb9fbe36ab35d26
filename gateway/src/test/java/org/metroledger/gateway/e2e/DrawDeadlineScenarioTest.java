package org.metroledger.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.metroledger.chaincode.inspection.Dealing;
import org.metroledger.chaincode.inspection.DrawSelection;
import org.metroledger.chaincode.inspection.SeedSharing;
import org.metroledger.chaincode.inspection.Seeds;
import org.metroledger.chaincode.json.Canonical;
import org.metroledger.chaincode.signature.LabSignature;
import org.metroledger.simulation.CertificateAuthority;

/**
 * Draws that cannot stall, over HTTP on either backend: three centres deal their seeds to each
 * other's share keys; one withholds its reveal, and after the deadline the other two post their
 * shares, the seed is rebuilt and its centre named, and the selection is the one all three reveals
 * would have given. A majority of the centres cancels a draw.
 */
class DrawDeadlineScenarioTest extends Scenario {
    static final List<String> CENTRES = List.of(Cast.CENTRAL_SOUTH, Cast.EAST, Cast.NORTH);
    /** Short, so that waiting for the deadline on Fabric (whose clock nobody moves) takes seconds. */
    static final Duration PERIOD = Duration.ofSeconds(2);

    final SecureRandom random = new SecureRandom();
    final Map<String, KeyPair> keys = new TreeMap<>();
    HttpWorld world;

    @Override
    void prepare() {
        world = registerWorld();
        world.entity(Cast.NORTH_ADMIN, ns.creditCode(HttpWorld.BEIJING, 1), "北京", "FUEL_STATION");
        for (String msp : CENTRES) {
            KeyPair pair = CertificateAuthority.newKeyPair();
            keys.put(msp, pair);
            Http.Answer registered = committed(http.post(
                    "/api/v1/draw-share-keys", admin(msp), Map.of("publicKey", LabSignature.pem(pair.getPublic()))));
            assertThat(registered.record().getString("msp")).isEqualTo(msp);
        }
    }

    String admin(String msp) {
        return token(
                switch (msp) {
                    case Cast.NORTH -> Cast.NORTH_ADMIN;
                    case Cast.EAST -> Cast.EAST_ADMIN;
                    default -> Cast.CENTRAL_SOUTH_ADMIN;
                });
    }

    String seed() {
        while (true) {
            byte[] bytes = new byte[32];
            random.nextBytes(bytes);
            String seed = HexFormat.of().formatHex(bytes);
            if (SeedSharing.isScalar(seed)) {
                return seed;
            }
        }
    }

    Map<String, Object> creation(String id) {
        return Map.of(
                "id",
                id,
                "region",
                Cast.NORTH,
                "category",
                "FUEL_STATION",
                "participants",
                CENTRES,
                "inspectors",
                List.of(world.inspector),
                "revealPeriod",
                PERIOD.toString());
    }

    /** The centres' share keys as the ledger has them, which is what a dealer encrypts to. */
    Map<String, PublicKey> registeredKeys() {
        Map<String, PublicKey> registered = new TreeMap<>();
        for (String msp : CENTRES) {
            JsonObject key = http.get("/api/v1/draw-share-keys/" + msp, null).json();
            registered.put(msp, LabSignature.publicKey("publicKey", key.getString("publicKey")));
        }
        return registered;
    }

    /** Creates the draw, commits every centre's seed with its dealing and has every centre check and confirm its shares. */
    JsonObject dealt(String id, Map<String, String> seeds) {
        committed(http.post("/api/v1/draws", token(Cast.NORTH_ADMIN), creation(id)));
        Map<String, PublicKey> registered = registeredKeys();
        for (String msp : CENTRES) {
            Dealing dealing = SeedSharing.deal(id, msp, seeds.get(msp), CENTRES, registered, random);
            committed(http.post(
                    "/api/v1/draws/" + id + "/seed",
                    admin(msp),
                    Canonical.json(Map.of("seedHash", Seeds.commitment(seeds.get(msp)), "dealing", dealing))));
        }
        JsonObject draw = draw(id);
        for (String recipient : CENTRES) {
            for (String dealer : CENTRES) {
                if (!dealer.equals(recipient)) {
                    assertThat(SeedSharing.verifies(
                                    commitments(draw, dealer), index(recipient), share(draw, dealer, recipient)))
                            .as(dealer + "'s share for " + recipient)
                            .isTrue();
                }
            }
        }
        Http.Answer last = null;
        for (String msp : CENTRES) {
            last = committed(http.post("/api/v1/draws/" + id + "/confirmation", admin(msp), Map.of()));
        }
        return last.record();
    }

    JsonObject draw(String id) {
        return http.get("/api/v1/draws/" + id, null).json();
    }

    static int index(String msp) {
        return CENTRES.indexOf(msp) + 1;
    }

    static List<String> commitments(JsonObject draw, String dealer) {
        return draw.getJsonObject("dealings").getJsonObject(dealer).getJsonArray("commitments").stream()
                .map(String.class::cast)
                .toList();
    }

    /** What the recipient centre decrypts, off the ledger, with its private key. */
    String share(JsonObject draw, String dealer, String recipient) {
        Dealing dealing = Canonical.read(
                draw.getJsonObject("dealings").getJsonObject(dealer).encode(), Dealing.class);
        return SeedSharing.decrypt(
                        draw.getString("id"),
                        dealer,
                        recipient,
                        dealing,
                        keys.get(recipient).getPrivate())
                .orElseThrow();
    }

    /** Past the deadline: the ledger's clock moved where the backend allows it, else (Fabric) the wall clock waited for. */
    void pass(Instant deadline) throws InterruptedException {
        if (deployment.advanceClock(PERIOD.plusSeconds(1))) {
            return;
        }
        // On Fabric the transaction time is the gateway's clock, which nobody moves.
        while (Instant.now().isBefore(deadline.plusMillis(200))) {
            Thread.sleep(100);
        }
    }

    @Test
    void a_seed_withheld_past_the_deadline_is_rebuilt_from_the_others_shares_and_changes_nothing() throws Exception {
        String id = id("DD-1");
        Map<String, String> seeds = new TreeMap<>();
        CENTRES.forEach(msp -> seeds.put(msp, seed()));
        JsonObject opened = dealt(id, seeds);
        assertThat(opened.getInteger("threshold")).isEqualTo(2);
        Instant deadline = Instant.parse(opened.getString("revealDeadline"));

        for (String msp : List.of(Cast.NORTH, Cast.CENTRAL_SOUTH)) {
            committed(http.post("/api/v1/draws/" + id + "/reveal", admin(msp), Map.of("seed", seeds.get(msp))));
        }
        pass(deadline);
        refused(
                409,
                () -> http.post(
                        "/api/v1/draws/" + id + "/reveal", admin(Cast.EAST), Map.of("seed", seeds.get(Cast.EAST))));

        JsonObject draw = draw(id);
        committed(http.post(
                "/api/v1/draws/" + id + "/shares",
                admin(Cast.NORTH),
                Map.of("shares", Map.of(Cast.EAST, share(draw, Cast.EAST, Cast.NORTH)))));
        refused(409, () -> http.post("/api/v1/draws/" + id + "/publication", token(Cast.NORTH_ADMIN), Map.of()));
        committed(http.post(
                "/api/v1/draws/" + id + "/shares",
                admin(Cast.CENTRAL_SOUTH),
                Map.of("shares", Map.of(Cast.EAST, share(draw, Cast.EAST, Cast.CENTRAL_SOUTH)))));

        committed(http.post("/api/v1/draws/" + id + "/publication", token(Cast.NORTH_ADMIN), Map.of()));
        JsonObject published = draw(id);
        assertThat(published.getString("status")).isEqualTo("PUBLISHED");
        assertThat(published.getString("combinedSeed")).isEqualTo(Seeds.combine(seeds));
        JsonArray withheld = published.getJsonArray("withheld");
        assertThat(withheld).hasSize(1);
        assertThat(withheld.getJsonObject(0).getString("msp")).isEqualTo(Cast.EAST);
        assertThat(withheld.getJsonObject(0).getString("seed")).isEqualTo(seeds.get(Cast.EAST));
        assertThat(withheld.getJsonObject(0).getBoolean("matchesCommitment")).isTrue();
        JsonObject publication = published.getJsonObject("publication");
        List<org.metroledger.chaincode.inspection.Candidate> candidates =
                DrawScenarioTest.candidates(publication.getJsonArray("candidates"));
        assertThat(DrawScenarioTest.candidates(publication.getJsonArray("selected")))
                .isEqualTo(DrawSelection.select(Seeds.combine(seeds), candidates, List.of(world.inspector))
                        .selected());
    }

    @Test
    void a_majority_of_the_centres_cancels_a_draw_and_bad_input_is_a_4xx_naming_the_field() throws Exception {
        String id = id("DD-2");
        Map<String, String> seeds = new TreeMap<>();
        CENTRES.forEach(msp -> seeds.put(msp, seed()));
        JsonObject opened = dealt(id, seeds);

        refused(400, () -> http.post("/api/v1/draws/" + id + "/cancellation", admin(Cast.EAST), Map.of()));
        refused(
                400,
                () -> http.post(
                        "/api/v1/draws/" + id + "/shares",
                        admin(Cast.EAST),
                        Map.of("shares", Map.of(Cast.NORTH, "xyz"))));
        refused(
                409,
                () -> http.post(
                        "/api/v1/draws/" + id + "/shares",
                        admin(Cast.EAST),
                        Map.of("shares", Map.of(Cast.NORTH, "ab".repeat(32)))));
        refused(400, () -> http.post("/api/v1/draw-share-keys", admin(Cast.EAST), Map.of("publicKey", "not a key")));
        refused(
                400,
                () -> http.post(
                        "/api/v1/draws",
                        token(Cast.NORTH_ADMIN),
                        CreditScenarioTest.with(creation(id("DD-BAD")), "revealPeriod", "P1Y")));
        refused(
                403,
                () -> http.post(
                        "/api/v1/draws/" + id + "/cancellation",
                        token(Cast.NORTH_INSPECTOR),
                        Map.of("reason", "not mine to cancel")));
        missing("/api/v1/draw-share-keys/NoSuchMSP");

        Http.Answer one = committed(http.post(
                "/api/v1/draws/" + id + "/cancellation",
                admin(Cast.EAST),
                Map.of("reason", "inspectors needed elsewhere")));
        assertThat(one.record().getString("status")).isEqualTo("COMMITTED");
        Http.Answer two = committed(
                http.post("/api/v1/draws/" + id + "/cancellation", admin(Cast.NORTH), Map.of("reason", "agreed")));
        assertThat(two.record().getString("status")).isEqualTo("CANCELLED");
        assertThat(two.record().getJsonObject("cancellations").fieldNames())
                .containsExactlyInAnyOrder(Cast.EAST, Cast.NORTH);
        refused(
                409,
                () -> http.post(
                        "/api/v1/draws/" + id + "/reveal", admin(Cast.NORTH), Map.of("seed", seeds.get(Cast.NORTH))));
        assertThat(opened.getString("revealDeadline")).isNotBlank();
    }
}
