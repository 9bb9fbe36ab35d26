package org.metroledger.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.metroledger.chaincode.inspection.Candidate;
import org.metroledger.chaincode.inspection.DrawSelection;
import org.metroledger.chaincode.inspection.Seeds;

/**
 * Random inspection draws (双随机、一公开) over HTTP: two centres commit to seeds and reveal them, the
 * region publishes a selection anyone can re-run, and the assigned inspector's results become
 * credit events.
 */
class DrawScenarioTest extends Scenario {
    static final String EVIDENCE = "ef".repeat(32);
    static final Map<String, String> SEEDS = Map.of(Cast.NORTH, "1f".repeat(32), Cast.EAST, "e2".repeat(32));
    HttpWorld world;
    /** A fuel station graded D (forged data), so every draw of North's fuel stations selects it. */
    String forger;

    @Override
    void prepare() {
        world = registerWorld();
        forger = world.entity(Cast.NORTH_ADMIN, ns.creditCode(HttpWorld.BEIJING, 1), "北京", "FUEL_STATION");
        world.entity(Cast.NORTH_ADMIN, ns.creditCode(HttpWorld.BEIJING, 2), "北京", "FUEL_STATION");
        Instant registered = Instant.parse(
                http.get("/api/v1/entities/" + forger, null).json().getString("recordedAt"));
        committed(http.post(
                "/api/v1/credit-events",
                token(Cast.NORTH_INSPECTOR),
                Map.of(
                        "id",
                        id("CE-FORGED"),
                        "entity",
                        forger,
                        "type",
                        "FORGED_DATA",
                        "occurredAt",
                        registered.minus(Duration.ofDays(1)).toString(),
                        "evidenceDigest",
                        EVIDENCE)));
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
                List.of(Cast.NORTH, Cast.EAST),
                "inspectors",
                List.of(world.inspector));
    }

    String admin(String msp) {
        return token(msp.equals(Cast.NORTH) ? Cast.NORTH_ADMIN : Cast.EAST_ADMIN);
    }

    /** Creates a draw and takes it through every participant's commitment and reveal. */
    JsonObject revealed(String id) {
        Http.Answer created = committed(http.post("/api/v1/draws", token(Cast.NORTH_ADMIN), creation(id)));
        assertThat(created.record().getString("status")).isEqualTo("OPEN");
        Http.Answer last = created;
        for (String msp : List.of(Cast.NORTH, Cast.EAST)) {
            last = committed(http.post(
                    "/api/v1/draws/" + id + "/seed", admin(msp), Map.of("seedHash", Seeds.commitment(SEEDS.get(msp)))));
        }
        assertThat(last.record().getString("status")).isEqualTo("COMMITTED");
        for (String msp : List.of(Cast.EAST, Cast.NORTH)) {
            last = committed(http.post("/api/v1/draws/" + id + "/reveal", admin(msp), Map.of("seed", SEEDS.get(msp))));
        }
        assertThat(last.record().getString("status")).isEqualTo("REVEALED");
        return last.record();
    }

    static Map<String, Object> result(String entity, String outcome) {
        return Map.of("entity", entity, "outcome", outcome, "findings", "seen on site", "evidenceDigest", EVIDENCE);
    }

    static List<Candidate> candidates(JsonArray array) {
        return array.stream()
                .map(JsonObject.class::cast)
                .map(c -> new Candidate(c.getString("entity"), c.getString("grade"), c.getString("ratio")))
                .toList();
    }

    @Test
    void a_published_draw_can_be_rerun_from_its_inputs_and_its_results_become_credit_events() {
        JsonObject revealed = revealed(id("DR-1"));
        assertThat(revealed.getString("combinedSeed")).isEqualTo(Seeds.combine(new TreeMap<>(SEEDS)));
        assertThat(revealed.getJsonObject("commitments").getString(Cast.EAST))
                .isEqualTo(Seeds.commitment(SEEDS.get(Cast.EAST)));

        Http.Answer published =
                committed(http.post("/api/v1/draws/" + id("DR-1") + "/publication", token(Cast.NORTH_ADMIN), Map.of()));
        JsonObject draw = http.get("/api/v1/draws/" + id("DR-1"), null).json();
        assertThat(draw.getString("status")).isEqualTo("PUBLISHED");
        assertThat(draw.getString("txId")).isEqualTo(published.json().getString("txId"));
        JsonObject publication = draw.getJsonObject("publication");
        List<Candidate> candidates = candidates(publication.getJsonArray("candidates"));
        assertThat(candidates).extracting(Candidate::entity).contains(forger, world.entityNorth);
        assertThat(candidates)
                .filteredOn(c -> c.entity().equals(forger))
                .extracting(Candidate::grade)
                .containsExactly("D");

        DrawSelection.Outcome rerun =
                DrawSelection.select(draw.getString("combinedSeed"), candidates, List.of(world.inspector));
        assertThat(candidates(publication.getJsonArray("selected"))).isEqualTo(rerun.selected());
        assertThat(publication.getJsonObject("assignments").getMap()).isEqualTo(rerun.assignments());
        assertThat(rerun.assignments()).containsEntry(forger, world.inspector);

        Http.Answer result = committed(http.post(
                "/api/v1/draws/" + id("DR-1") + "/results",
                token(Cast.NORTH_INSPECTOR),
                result(forger, "CHEATING_DEVICE")));
        String txId = result.json().getString("txId");
        assertThat(result.record().getString("creditEvent")).isEqualTo("inspection:" + txId);
        assertThat(result.record().getString("inspector")).isEqualTo(world.inspector);
        assertThat(http.get("/api/v1/draws/" + id("DR-1"), null)
                        .json()
                        .getJsonObject("results")
                        .getJsonObject(forger))
                .isNotNull();

        JsonArray history = http.get("/api/v1/entities/" + forger + "/credit/history", token(Cast.NORTH_INSPECTOR))
                .json()
                .getJsonArray("items");
        JsonObject event = history.stream()
                .map(JsonObject.class::cast)
                .filter(e -> e.getString("id").equals("inspection:" + txId))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no credit event of the result in " + history));
        assertThat(event.getString("type")).isEqualTo("CHEATING_DEVICE");
        assertThat(event.getString("txId")).isEqualTo(txId);
        assertThat(event.getJsonObject("reference").getString("kind")).isEqualTo("DRAW");
        assertThat(event.getJsonObject("reference").getString("id")).isEqualTo(id("DR-1"));

        refused(
                409,
                () -> http.post(
                        "/api/v1/draws/" + id("DR-1") + "/results",
                        token(Cast.NORTH_INSPECTOR),
                        result(forger, "PASSED")));
    }

    @Test
    void bad_input_to_every_draw_write_is_a_4xx_error_and_writes_nothing() {
        String north = token(Cast.NORTH_ADMIN);
        Map<String, Object> good = creation(id("DR-BAD"));
        refused(
                400,
                () -> http.post(
                        "/api/v1/draws", north, CreditScenarioTest.with(good, "participants", List.of(Cast.NORTH))));
        refused(
                400,
                () -> http.post(
                        "/api/v1/draws",
                        north,
                        CreditScenarioTest.with(good, "participants", List.of(Cast.EAST, Cast.CENTRAL_SOUTH))));
        refused(
                400,
                () -> http.post(
                        "/api/v1/draws",
                        north,
                        CreditScenarioTest.with(good, "inspectors", List.of(id("p-north-lab")))));
        refused(400, () -> http.post("/api/v1/draws", north, CreditScenarioTest.with(good, "category", "CASINO")));
        refused(403, () -> http.post("/api/v1/draws", token(Cast.EAST_ADMIN), good));
        refused(403, () -> http.post("/api/v1/draws", token(Cast.NORTH_INSPECTOR), good));

        committed(http.post("/api/v1/draws", north, good));
        String seedHash = Seeds.commitment(SEEDS.get(Cast.NORTH));
        refused(400, () -> http.post("/api/v1/draws/" + id("DR-BAD") + "/seed", north, Map.of("seedHash", "not hex")));
        refused(404, () -> http.post("/api/v1/draws/" + id("NO-SUCH") + "/seed", north, Map.of("seedHash", seedHash)));
        refused(
                403,
                () -> http.post(
                        "/api/v1/draws/" + id("DR-BAD") + "/seed",
                        token(Cast.CENTRAL_SOUTH_ADMIN),
                        Map.of("seedHash", seedHash)));
        refused(
                409,
                () -> http.post(
                        "/api/v1/draws/" + id("DR-BAD") + "/reveal", north, Map.of("seed", SEEDS.get(Cast.NORTH))));
        refused(409, () -> http.post("/api/v1/draws/" + id("DR-BAD") + "/publication", north, Map.of()));

        committed(http.post("/api/v1/draws/" + id("DR-BAD") + "/seed", north, Map.of("seedHash", seedHash)));
        refused(409, () -> http.post("/api/v1/draws/" + id("DR-BAD") + "/seed", north, Map.of("seedHash", seedHash)));
        committed(http.post(
                "/api/v1/draws/" + id("DR-BAD") + "/seed",
                token(Cast.EAST_ADMIN),
                Map.of("seedHash", Seeds.commitment(SEEDS.get(Cast.EAST)))));
        refused(
                400,
                () -> http.post(
                        "/api/v1/draws/" + id("DR-BAD") + "/reveal", north, Map.of("seed", SEEDS.get(Cast.EAST))));
        refused(
                400,
                () -> http.post("/api/v1/draws/" + id("DR-BAD") + "/reveal", north, Map.of("seed", "1F".repeat(32))));
        refused(
                400,
                () -> http.post(
                        "/api/v1/draws/" + id("DR-BAD") + "/reveal",
                        north,
                        Map.of("drawId", id("DR-OTHER"), "seed", SEEDS.get(Cast.NORTH))));

        Map<String, Object> result = result(forger, "PASSED");
        refused(409, () -> http.post("/api/v1/draws/" + id("DR-BAD") + "/results", north, result));
        refused(
                400,
                () -> http.post(
                        "/api/v1/draws/" + id("DR-BAD") + "/results",
                        north,
                        CreditScenarioTest.with(result, "outcome", "BRIBED")));
        refused(
                400,
                () -> http.post(
                        "/api/v1/draws/" + id("DR-BAD") + "/results",
                        north,
                        CreditScenarioTest.with(result, "evidenceDigest", "xyz")));
        refused(403, () -> http.post("/api/v1/draws/" + id("DR-BAD") + "/results", token(Cast.NORTH_LAB), result));
        missing("/api/v1/draws/" + id("NO-SUCH"));
        assertThat(http.get("/api/v1/draws/" + id("DR-BAD"), null).json().getString("status"))
                .isEqualTo("COMMITTED");
    }
}
