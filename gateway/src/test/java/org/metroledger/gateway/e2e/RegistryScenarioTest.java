package org.metroledger.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The registry over HTTP: writes answer once committed, refusals keep the ledger unchanged. */
class RegistryScenarioTest extends Scenario {
    HttpWorld world;

    @Override
    void prepare() {
        world = registerWorld();
    }

    @Test
    void a_write_answers_201_with_the_record_txid_and_block_once_committed() {
        Http.Answer answer = HttpWorld.created(http.post(
                "/api/v1/instruments", token(Cast.NORTH_ENTITY), world.instrument(id("disp-1"), world.entityNorth)));
        assertThat(answer.record().getString("id")).isEqualTo(id("disp-1"));
        String txId = answer.json().getString("txId");
        long block = answer.json().getLong("blockNumber");
        assertThat(answer.record().getString("txId")).isEqualTo(txId);

        Http.Answer read = http.get("/api/v1/instruments/" + id("disp-1"), null);
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertThat(read.json().getJsonObject("instrument").getString("owner")).isEqualTo(world.entityNorth);

        Http.Answer blockAnswer = http.get("/api/v1/blocks/" + block, token(Cast.NORTH_INSPECTOR));
        assertThat(blockAnswer.status()).isEqualTo(200);
        // A block of a shared network may hold other clients' transactions too.
        assertThat(blockAnswer.json().getJsonArray("transactions").stream()
                        .map(tx -> ((JsonObject) tx).getString("txId")))
                .contains(txId);

        Http.Answer history = http.get("/api/v1/history/Instrument/" + id("disp-1"), token(Cast.NORTH_INSPECTOR));
        assertThat(history.status()).isEqualTo(200);
        assertThat(new io.vertx.core.json.JsonArray(history.body())
                        .getJsonObject(0)
                        .getString("txId"))
                .isEqualTo(txId);
    }

    @Test
    void a_region_reads_by_its_msp_and_an_unknown_msp_is_404() {
        Http.Answer north = http.get("/api/v1/regions/" + Cast.NORTH, null);
        assertThat(north.status()).as(north.toString()).isEqualTo(200);
        assertThat(north.json().getString("msp")).isEqualTo(Cast.NORTH);
        assertThat(north.json().getJsonArray("provinces")).isNotEmpty();
        missing("/api/v1/regions/NoSuchMSP");
    }

    @Test
    void the_chaincode_refusing_a_role_is_403_and_writes_nothing() {
        long before = height();
        Http.Answer answer = http.post(
                "/api/v1/instruments",
                token(Cast.EAST_ENTITY),
                world.instrument(id("disp-forbidden"), world.entityNorth));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(403);
        assertThat(answer.errorCode()).isEqualTo("FORBIDDEN");
        assertThat(height()).isEqualTo(before);
        assertThat(http.get("/api/v1/instruments/" + id("disp-forbidden"), null).status())
                .isEqualTo(404);
    }

    @Test
    void an_unregistered_identity_with_a_valid_token_is_403() {
        Http.Answer answer = http.post(
                "/api/v1/instruments", token(Cast.STRANGER), world.instrument(id("disp-stranger"), world.entityNorth));
        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.errorCode()).isEqualTo("FORBIDDEN");
    }

    @Test
    void a_chaincode_argument_error_is_400_naming_the_field() {
        Map<String, Object> bad = new java.util.HashMap<>(world.instrument(id("disp-bad"), world.entityNorth));
        bad.put("location", " ");
        Http.Answer answer = http.post("/api/v1/instruments", token(Cast.NORTH_ENTITY), bad);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().getJsonObject("error").getString("message")).contains("location");
    }

    @Test
    void who_am_i_names_the_callers_role() {
        Http.Answer me = http.get("/api/v1/me", token(Cast.NORTH_LAB));
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().getString("role")).isEqualTo("LAB");
        assertThat(me.json().getString("msp")).isEqualTo(Cast.NORTH);
    }

    @Test
    void a_path_id_differing_from_the_body_id_is_400() {
        Http.Answer answer = http.post(
                "/api/v1/labs/" + world.labNorth + "/status",
                token(Cast.NORTH_ADMIN),
                Map.of("id", world.labEast, "status", "SUSPENDED", "reason", "audit"));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.errorCode()).isEqualTo("INVALID_ARGUMENT");
    }

    @Test
    void two_concurrent_writes_of_the_same_key_commit_one_and_refuse_the_other_with_409() throws Exception {
        String body = JsonObject.mapFrom(world.instrument(id("disp-race"), world.entityNorth))
                .encode();
        List<Future<io.vertx.ext.web.client.HttpResponse<Buffer>>> sent = List.of(
                http.request(HttpMethod.POST, "/api/v1/instruments")
                        .putHeader("Authorization", "Bearer " + token(Cast.NORTH_ENTITY))
                        .putHeader("Content-Type", "application/json")
                        .sendBuffer(Buffer.buffer(body)),
                http.request(HttpMethod.POST, "/api/v1/instruments")
                        .putHeader("Authorization", "Bearer " + token(Cast.NORTH_ADMIN))
                        .putHeader("Content-Type", "application/json")
                        .sendBuffer(Buffer.buffer(body)));
        List<Http.Answer> answers = sent.stream().map(Http::await).toList();
        assertThat(answers).extracting(Http.Answer::status).containsExactlyInAnyOrder(201, 409);
        Http.Answer refused =
                answers.stream().filter(a -> a.status() == 409).findFirst().orElseThrow();
        assertThat(refused.errorCode()).isIn("CONFLICT", "MVCC_READ_CONFLICT");
        assertThat(refused.json().getJsonObject("error").getString("message")).isNotBlank();
    }

    @Test
    void the_event_stream_delivers_a_committed_event_and_resumes_after_last_event_id() throws Exception {
        // Other clients of a shared ledger write too: wait for this run's event, not the first one.
        String ours = "\"id\":\"" + id("disp-sse") + "\"";
        String event;
        try (EventStreamClient stream = EventStreamClient.open(deployment, token(Cast.NORTH_INSPECTOR), null)) {
            HttpWorld.created(http.post(
                    "/api/v1/instruments",
                    token(Cast.NORTH_ENTITY),
                    world.instrument(id("disp-sse"), world.entityNorth)));
            String sent = stream.await(ours);
            int at = sent.indexOf(ours);
            event = sent.substring(sent.lastIndexOf("id: ", at), at);
        }
        assertThat(event).contains("event: InstrumentRegistered");
        String id = event.substring(4, event.indexOf('\n'));

        // Resuming from just before that event replays it; resuming from it replays nothing older.
        long block = Long.parseLong(id.substring(0, id.indexOf('.')));
        HttpWorld.created(http.post(
                "/api/v1/instruments",
                token(Cast.NORTH_ENTITY),
                world.instrument(id("disp-sse-2"), world.entityNorth)));
        assertThat(readEvents(id, 1))
                .contains("\"id\":\"" + id("disp-sse-2") + "\"")
                .doesNotContain("\"id\":\"" + id("disp-sse") + "\"");
        assertThat(readEvents((block - 1) + ".0", 1)).contains("\"id\":\"" + id("disp-sse") + "\"");
    }

    /** Opens the stream with a Last-Event-ID and collects the first {@code count} events. */
    String readEvents(String lastEventId, int count) throws Exception {
        try (EventStreamClient stream = EventStreamClient.open(deployment, token(Cast.NORTH_INSPECTOR), lastEventId)) {
            return stream.awaitEvents(count);
        }
    }

    @Test
    void events_need_a_token() {
        assertThat(http.get("/api/v1/events", null).status()).isEqualTo(401);
    }

    @Test
    void a_malformed_last_event_id_is_400() {
        Http.Answer answer = Http.await(http.request(HttpMethod.GET, "/api/v1/events")
                .putHeader("Authorization", "Bearer " + token(Cast.NORTH_INSPECTOR))
                .putHeader("Last-Event-ID", "../../x")
                .send());
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.errorCode()).isEqualTo("INVALID_ARGUMENT");
    }
}
