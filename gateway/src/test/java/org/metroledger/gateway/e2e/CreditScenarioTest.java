package org.metroledger.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Commitments and credit over HTTP: an entity publishes and withdraws its commitment, inspectors
 * record events, a centre admin repairs them; the public sees grade and score, inspectors the events.
 */
class CreditScenarioTest extends Scenario {
    static final String EVIDENCE = HttpWorld.EVIDENCE;
    /** Policy v1 (DESIGN §4): a signed active commitment is worth +5; the public answer does not itemise it. */
    static final int COMMITMENT_BONUS = 5;

    HttpWorld world;

    @Override
    void prepare() {
        world = registerWorld();
    }

    /** A North market entity of the test's own, so tests do not see each other's events. */
    String northEntity(int serial) {
        return world.entity(Cast.NORTH_ADMIN, ns.creditCode(HttpWorld.BEIJING, serial), "北京", "MARKET");
    }

    /** A credit code of this run that no test registers. */
    String unregisteredEntity() {
        return ns.creditCode(HttpWorld.BEIJING, 9999);
    }

    /**
     * When the ledger registered an entity, days earlier: an instant its clock has passed, whichever
     * clock the backend keeps, and recent enough for every event to count.
     */
    Instant registeredAt(String entity, int daysEarlier) {
        Http.Answer answer = http.get("/api/v1/entities/" + entity, null);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return Instant.parse(answer.json().getString("recordedAt")).minus(Duration.ofDays(daysEarlier));
    }

    Http.Answer recordEvent(String id, String entity, String type, Instant occurredAt) {
        return committed(http.post(
                "/api/v1/credit-events",
                token(Cast.NORTH_INSPECTOR),
                HttpWorld.creditEvent(id, entity, type, occurredAt.toString())));
    }

    JsonObject publicCredit(String entity) {
        Http.Answer credit = http.get("/api/v1/entities/" + entity + "/credit", null);
        assertThat(credit.status()).as(credit.toString()).isEqualTo(200);
        return credit.json();
    }

    Map<String, Object> commitment(String id, String entity) {
        return Map.of(
                "id",
                id,
                "entity",
                entity,
                "items",
                List.of(Map.of("kind", "USE_VERIFIED_INSTRUMENTS"), Map.of("kind", "DISPLAY_VALUES_AND_UNITS")),
                "textDigest",
                EVIDENCE);
    }

    @Test
    void an_entity_publishes_its_commitment_the_public_sees_it_and_it_withdraws_it() {
        Http.Answer published = committed(
                http.post("/api/v1/commitments", token(Cast.NORTH_ENTITY), commitment(id("CMT-1"), world.entityNorth)));
        assertThat(published.record().getString("status")).isEqualTo("ACTIVE");
        assertThat(published.record().getString("txId"))
                .isEqualTo(published.json().getString("txId"));
        JsonObject withCommitment = publicCredit(world.entityNorth);
        assertThat(withCommitment.getString("commitment")).isEqualTo(id("CMT-1"));

        Http.Answer withdrawn = committed(http.post(
                "/api/v1/commitments/" + id("CMT-1") + "/withdrawal",
                token(Cast.NORTH_ENTITY),
                Map.of("reason", "shop closed")));
        assertThat(withdrawn.record().getString("status")).isEqualTo("WITHDRAWN");
        assertThat(withdrawn.json().getLong("blockNumber"))
                .isGreaterThan(published.json().getLong("blockNumber"));
        JsonObject without = publicCredit(world.entityNorth);
        assertThat(without.getString("commitment")).isNull();
        assertThat(without.getInteger("score")).isEqualTo(withCommitment.getInteger("score") - COMMITMENT_BONUS);
        refused(
                409,
                () -> http.post(
                        "/api/v1/commitments/" + id("CMT-1") + "/withdrawal",
                        token(Cast.NORTH_ENTITY),
                        Map.of("reason", "again")));
    }

    @Test
    void an_inspectors_event_lowers_the_public_grade_without_showing_the_event() {
        String entity = northEntity(1);
        assertThat(publicCredit(entity).getString("grade")).isEqualTo("A");

        recordEvent(id("CE-PASS-1"), entity, "INSPECTION_PASSED", registeredAt(entity, 2));
        Http.Answer event = recordEvent(id("CE-SW-1"), entity, "SHORT_WEIGHT", registeredAt(entity, 1));
        assertThat(event.record().getString("recordedBy")).isEqualTo(world.inspector);
        assertThat(event.record().getBoolean("repaired")).isFalse();

        Http.Answer answer = http.get("/api/v1/entities/" + entity + "/credit", null);
        JsonObject credit = answer.json();
        // 100, +2 for the passed inspection, -15 for short weight.
        assertThat(credit.getInteger("score")).isEqualTo(87);
        assertThat(credit.getString("grade")).isEqualTo("B");
        assertThat(credit.containsKey("contributions")).isFalse();
        assertThat(answer.body())
                .doesNotContain(id("CE-SW-1"))
                .doesNotContain(EVIDENCE)
                .doesNotContain("SHORT_WEIGHT");
    }

    @Test
    void a_repaired_event_stops_counting_and_cannot_be_repaired_twice() {
        String entity = northEntity(2);
        Http.Answer forged = recordEvent(id("CE-FORGED-1"), entity, "FORGED_DATA", registeredAt(entity, 1));
        assertThat(publicCredit(entity).getString("grade")).isEqualTo("D");

        refused(
                403,
                () -> http.post(
                        "/api/v1/credit-events/" + id("CE-FORGED-1") + "/repair",
                        token(Cast.NORTH_INSPECTOR),
                        Map.of("reason", "inspectors do not repair")));
        Http.Answer repaired = committed(http.post(
                "/api/v1/credit-events/" + id("CE-FORGED-1") + "/repair",
                token(Cast.NORTH_ADMIN),
                Map.of("reason", "data corrected and fine paid")));
        assertThat(repaired.record().getBoolean("repaired")).isTrue();
        assertThat(repaired.record().getString("repairReason")).isEqualTo("data corrected and fine paid");
        assertThat(repaired.json().getString("txId")).isNotEqualTo(forged.json().getString("txId"));
        JsonObject credit = publicCredit(entity);
        assertThat(credit.getString("grade")).isEqualTo("A");
        assertThat(credit.getInteger("score")).isEqualTo(100);

        Http.Answer again = refused(
                409,
                () -> http.post(
                        "/api/v1/credit-events/" + id("CE-FORGED-1") + "/repair",
                        token(Cast.NORTH_ADMIN),
                        Map.of("reason", "again")));
        assertThat(again.errorCode()).isEqualTo("CONFLICT");
    }

    @Test
    void history_needs_an_inspector_or_admin_token_and_lists_every_event_with_its_txid() {
        String entity = northEntity(3);
        Http.Answer first = recordEvent(id("CE-H-1"), entity, "OVERDUE_VERIFICATION", registeredAt(entity, 2));
        Http.Answer second = recordEvent(id("CE-H-2"), entity, "INSPECTION_PASSED", registeredAt(entity, 1));
        committed(http.post(
                "/api/v1/credit-events/" + id("CE-H-1") + "/repair",
                token(Cast.NORTH_ADMIN),
                Map.of("reason", "recalibrated")));
        String path = "/api/v1/entities/" + entity + "/credit/history";

        assertThat(http.get(path, null).status()).isEqualTo(401);
        assertThat(http.get(path, token(Cast.NORTH_LAB)).status()).isEqualTo(403);
        assertThat(http.get(path, token(Cast.EAST_ENTITY)).status()).isEqualTo(403);
        for (String reader : List.of(Cast.NORTH_INSPECTOR, Cast.NORTH_ADMIN, Cast.EAST_ADMIN)) {
            Http.Answer history = http.get(path, token(reader));
            assertThat(history.status()).as(reader + ": " + history).isEqualTo(200);
            JsonArray items = history.json().getJsonArray("items");
            assertThat(items).hasSize(2);
            assertThat(items.getJsonObject(0).getString("id")).isEqualTo(id("CE-H-1"));
            assertThat(items.getJsonObject(0).getBoolean("repaired")).isTrue();
            assertThat(items.getJsonObject(1).getString("id")).isEqualTo(id("CE-H-2"));
            assertThat(items.getJsonObject(1).getString("txId"))
                    .isEqualTo(second.json().getString("txId"));
            assertThat(items.getJsonObject(0).getString("txId"))
                    .isNotEqualTo(first.json().getString("txId"))
                    .as("the repair is the last write of CE-H-1")
                    .matches("[0-9a-f]{64}");
        }
    }

    @Test
    void bad_input_to_every_credit_write_is_a_4xx_error_and_writes_nothing() {
        String token = token(Cast.NORTH_ENTITY);
        Map<String, Object> noDigest = Map.of(
                "id",
                id("CMT-BAD"),
                "entity",
                world.entityNorth,
                "items",
                List.of(Map.of("kind", "USE_VERIFIED_INSTRUMENTS")));
        refused(400, () -> http.post("/api/v1/commitments", token, noDigest));
        refused(
                400,
                () -> http.post(
                        "/api/v1/commitments",
                        token,
                        with(
                                commitment(id("CMT-BAD"), world.entityNorth),
                                "items",
                                List.of(Map.of("kind", "NEVER_CHEAT")))));
        refused(400, () -> http.post("/api/v1/commitments", token, "{\"id\": \"" + id("CMT-BAD") + "\""));
        refused(403, () -> http.post("/api/v1/commitments", token, commitment(id("CMT-BAD"), world.entityEast)));
        refused(401, () -> http.post("/api/v1/commitments", null, commitment(id("CMT-BAD"), world.entityNorth)));

        refused(
                404,
                () -> http.post(
                        "/api/v1/commitments/" + id("NO-SUCH") + "/withdrawal", token, Map.of("reason", "none")));
        refused(
                400,
                () -> http.post("/api/v1/commitments/" + id("CMT-BAD") + "/withdrawal", token, Map.of("reason", " ")));

        String inspector = token(Cast.NORTH_INSPECTOR);
        Map<String, Object> event = Map.of(
                "id",
                id("CE-BAD"),
                "entity",
                world.entityNorth,
                "type",
                "SHORT_WEIGHT",
                "occurredAt",
                "2025-05-01T00:00:00Z",
                "evidenceDigest",
                EVIDENCE);
        refused(400, () -> http.post("/api/v1/credit-events", inspector, with(event, "type", "JAYWALKING")));
        refused(
                400,
                () -> http.post("/api/v1/credit-events", inspector, with(event, "occurredAt", "2999-01-01T00:00:00Z")));
        refused(
                400,
                () -> http.post("/api/v1/credit-events", inspector, with(event, "evidenceDigest", "not-a-digest")));
        refused(404, () -> http.post("/api/v1/credit-events", inspector, with(event, "entity", unregisteredEntity())));
        refused(403, () -> http.post("/api/v1/credit-events", token, event));
        refused(403, () -> http.post("/api/v1/credit-events", inspector, with(event, "entity", world.entityEast)));

        refused(
                404,
                () -> http.post(
                        "/api/v1/credit-events/" + id("NO-SUCH") + "/repair",
                        token(Cast.NORTH_ADMIN),
                        Map.of("reason", "x")));
        refused(
                400,
                () -> http.post(
                        "/api/v1/credit-events/" + id("NO-SUCH") + "/repair", token(Cast.NORTH_ADMIN), Map.of()));
        missing("/api/v1/entities/" + unregisteredEntity() + "/credit");
        assertThat(http.get("/api/v1/entities/not-a-credit-code!/credit", null).errorCode())
                .isEqualTo("INVALID_ARGUMENT");

        assertThat(http.get("/api/v1/entities/" + world.entityNorth + "/credit/history", token(Cast.NORTH_INSPECTOR))
                        .json()
                        .getJsonArray("items"))
                .isEmpty();
    }

    /** A copy of a request with one field changed. */
    static Map<String, Object> with(Map<String, Object> request, String field, Object value) {
        Map<String, Object> copy = new java.util.LinkedHashMap<>(request);
        copy.put(field, value);
        return copy;
    }
}
