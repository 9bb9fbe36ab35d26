package org.metroledger.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A lab's batch over HTTP ({@code POST /api/v1/certificates/batch}) on either backend: each item is
 * answered on its own with the status a single issuance would have, the good ones are committed
 * together in one transaction, and sending a committed batch again commits nothing.
 */
class CertificateBatchScenarioTest extends Scenario {
    private HttpWorld world;

    @Override
    void prepare() {
        world = registerWorld();
        for (String local : List.of("BD-1", "BD-2", "BD-3")) {
            HttpWorld.created(http.post(
                    "/api/v1/instruments", token(Cast.NORTH_ADMIN), world.instrument(id(local), world.entityNorth)));
        }
        world.primaryChain();
    }

    private String signed(Map<String, Object> request) {
        return CertificateRequests.signed(world.northLabKey.getPrivate(), request);
    }

    private String verification(String local, String instrument) {
        return signed(world.verification(id(local), id(instrument)));
    }

    private static String batch(List<String> signed) {
        return "{\"certificates\":[" + String.join(",", signed) + "]}";
    }

    private Http.Answer post(String user, String body) {
        return http.post("/api/v1/certificates/batch", token(user), body);
    }

    private static List<Integer> statuses(Http.Answer answer) {
        List<Integer> statuses = new ArrayList<>();
        for (Object item : answer.json().getJsonArray("items")) {
            statuses.add(((JsonObject) item).getInteger("status"));
        }
        return statuses;
    }

    @Test
    void good_items_commit_in_one_transaction_and_each_bad_item_is_answered_naming_its_field() {
        Map<String, Object> noMethod = world.verification(id("B-2"), id("BD-1"));
        noMethod.remove("method");
        Map<String, Object> forged = world.verification(id("B-4"), id("BD-2"));
        Map<String, Object> unknown = world.verification(id("B-5"), id("no-such-instrument"));

        Http.Answer answer = post(
                Cast.NORTH_LAB,
                batch(List.of(
                        verification("B-1", "BD-1"),
                        signed(noMethod),
                        verification("B-3", "BD-2"),
                        verification("B-1", "BD-3"),
                        CertificateRequests.signed(world.eastLabKey.getPrivate(), forged),
                        signed(unknown))));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(statuses(answer)).containsExactly(201, 400, 201, 409, 422, 404);
        JsonObject body = answer.json();
        assertThat(body.getInteger("issued")).isEqualTo(2);
        assertThat(body.getInteger("refused")).isEqualTo(4);
        JsonArray items = body.getJsonArray("items");
        assertThat(items.getJsonObject(1).getString("id")).isEqualTo(id("B-2"));
        assertThat(items.getJsonObject(1).getString("code")).isEqualTo("INVALID_ARGUMENT");
        assertThat(items.getJsonObject(1).getString("message")).contains("method");
        assertThat(items.getJsonObject(3).getString("message")).contains("more than once");
        assertThat(items.getJsonObject(5).getString("message")).contains("no-such-instrument");

        String txId = body.getString("txId");
        for (String issued : List.of("B-1", "B-3")) {
            Http.Answer record = http.get("/api/v1/certificates/" + id(issued), null);
            assertThat(record.status()).as(record.toString()).isEqualTo(200);
            assertThat(record.json().getString("txId")).as("one transaction").isEqualTo(txId);
        }
        Http.Answer report = http.get("/api/v1/certificates/" + id("B-3") + "/verification", null);
        assertThat(report.json().getString("verdict")).as(report.toString()).isEqualTo("VALID");
        assertThat(report.json().getJsonObject("evidence").getLong("blockNumber"))
                .isEqualTo(body.getLong("blockNumber"));
        for (String refused : List.of("B-2", "B-4", "B-5")) {
            assertThat(http.get("/api/v1/certificates/" + id(refused), null).status())
                    .isEqualTo(404);
        }
    }

    @Test
    void sending_a_committed_batch_again_commits_nothing_and_answers_each_item_conflict() {
        String body = batch(List.of(verification("B-6", "BD-1"), verification("B-7", "BD-2")));
        Http.Answer first = post(Cast.NORTH_LAB, body);
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(statuses(first)).containsExactly(201, 201);

        long before = height();
        Http.Answer again = post(Cast.NORTH_LAB, body);

        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(statuses(again)).containsExactly(409, 409);
        assertThat(again.json().getJsonArray("items").getJsonObject(0).getString("message"))
                .contains("exists already");
        assertThat(again.json().getInteger("issued")).isZero();
        assertThat(again.json().containsKey("txId")).isFalse();
        assertThat(height()).as("nothing ordered").isEqualTo(before);
    }

    @Test
    void a_caller_who_is_no_lab_is_403_and_a_batch_without_items_is_400() {
        Http.Answer entity = post(Cast.NORTH_ENTITY, batch(List.of(verification("B-8", "BD-3"))));
        assertThat(entity.status()).as(entity.toString()).isEqualTo(403);

        Http.Answer empty = post(Cast.NORTH_LAB, "{\"certificates\":[]}");
        assertThat(empty.status()).as(empty.toString()).isEqualTo(400);
        assertThat(empty.toString()).contains("certificates");

        Http.Answer notBatch = post(Cast.NORTH_LAB, verification("B-9", "BD-3"));
        assertThat(notBatch.status()).as(notBatch.toString()).isEqualTo(400);
        assertThat(http.get("/api/v1/certificates/" + id("B-8"), null).status()).isEqualTo(404);
    }
}
