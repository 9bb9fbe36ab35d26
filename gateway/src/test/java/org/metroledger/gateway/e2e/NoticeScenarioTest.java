package org.metroledger.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.metroledger.gateway.notice.WebhookDispatcher;

/**
 * Expiry and overdue notices over HTTP on either backend: a sweep announces a certificate entering
 * its expiry window and an instrument without cover, once; the event stream carries them (the
 * overdue one only to those who may read it); and a webhook on a loopback receiver gets each, signed,
 * retried after a failure, with every attempt recorded.
 */
class NoticeScenarioTest extends Scenario {
    /** What the loopback receiver got: headers and body of each request. */
    record Received(String event, String delivery, String timestamp, String signature, String body) {}

    final Vertx receiverVertx = Vertx.vertx();
    final List<Received> received = new CopyOnWriteArrayList<>();
    final java.util.Set<String> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
    HttpServer receiver;
    HttpWorld world;
    String soon;
    String bare;

    @Override
    void prepare() {
        world = registerWorld();
        world.primaryChain();
        String instrument = id("inst-soon");
        soon = id("V-SOON");
        bare = id("inst-bare");
        HttpWorld.created(http.post(
                "/api/v1/instruments",
                token(Cast.NORTH_ADMIN),
                world.instrument(instrument, world.entityNorth, "fuel-dispenser")));
        Map<String, Object> certificate = new java.util.LinkedHashMap<>(world.verification(soon, instrument));
        // Ten days after the world was built: inside the 30-day expiry window on every backend.
        certificate.put("validUntil", world.daysAgo(-10));
        world.issue(certificate);
        HttpWorld.created(http.post(
                "/api/v1/instruments", token(Cast.NORTH_ADMIN), world.instrument(bare, world.entityNorth, "weighing")));
        // Each delivery's first attempt fails, so that every one is retried.
        receiver = receiverVertx
                .createHttpServer()
                .requestHandler(request -> request.body().onSuccess(body -> {
                    received.add(new Received(
                            request.getHeader("X-MetroLedger-Event"),
                            request.getHeader("X-MetroLedger-Delivery"),
                            request.getHeader("X-MetroLedger-Timestamp"),
                            request.getHeader("X-MetroLedger-Signature"),
                            body.toString()));
                    request.response()
                            .setStatusCode(
                                    seen.add(String.valueOf(request.getHeader("X-MetroLedger-Delivery"))) ? 500 : 204)
                            .end();
                }))
                .listen(0, "127.0.0.1")
                .toCompletionStage()
                .toCompletableFuture()
                .join();
    }

    @AfterAll
    void closeReceiver() {
        receiverVertx.close();
    }

    String hookUrl() {
        return "http://127.0.0.1:" + receiver.actualPort() + "/hook";
    }

    static void await(String what, java.util.function.BooleanSupplier done) throws InterruptedException {
        Instant until = Instant.now().plusSeconds(30);
        while (!done.getAsBoolean()) {
            assertThat(Instant.now()).as("waiting for " + what).isBefore(until);
            Thread.sleep(50);
        }
    }

    @Test
    void a_sweep_announces_each_notice_once_to_the_stream_and_the_webhook_signed_and_retried() throws Exception {
        Http.Answer registered = HttpWorld.created(http.post(
                "/api/v1/webhooks", token(Cast.NORTH_ENTITY), Map.of("url", hookUrl(), "entity", world.entityNorth)));
        JsonObject hook = registered.json();
        String secret = hook.getString("secret");
        assertThat(secret).isNotBlank();

        String expiring = "expiring:" + soon;
        String overdue = "\"id\":\"overdue:" + bare + ":";
        try (EventStreamClient inspector = EventStreamClient.open(deployment, token(Cast.NORTH_INSPECTOR), null);
                EventStreamClient outsider = EventStreamClient.open(deployment, token(Cast.EAST_ADMIN), null)) {
            Http.Answer swept =
                    http.post("/api/v1/notices/sweep", token(Cast.NORTH_ENTITY), Map.of("entity", world.entityNorth));
            assertThat(swept.status()).as(swept.toString()).isEqualTo(200);
            List<String> announced = swept.json().getJsonArray("announced").stream()
                    .map(String.class::cast)
                    .toList();
            assertThat(announced).contains(expiring).anyMatch(id -> id.startsWith("overdue:" + bare + ":"));
            assertThat(http.post(
                                    "/api/v1/notices/sweep",
                                    token(Cast.NORTH_INSPECTOR),
                                    Map.of("entity", world.entityNorth))
                            .json()
                            .getJsonArray("announced"))
                    .isEmpty();

            inspector.await("\"id\":\"" + expiring + "\"");
            inspector.await(overdue);
            assertThat(inspector.text()).contains("event: CertificateExpiring", "event: InstrumentOverdue");
            // A write of this run after the notices: once the outsider has it, it has had all before it.
            String marker = id("inst-marker");
            HttpWorld.created(http.post(
                    "/api/v1/instruments", token(Cast.NORTH_ADMIN), world.instrument(marker, world.entityNorth)));
            outsider.await("\"id\":\"" + marker + "\"");
            assertThat(outsider.text()).contains("\"id\":\"" + expiring + "\"").doesNotContain(overdue);
        }

        // Other webhooks of the region (another test's) get these notices too, under their own secrets.
        String prefix = hook.getString("id") + ":";
        java.util.function.Supplier<List<Received>> ours = () -> received.stream()
                .filter(r -> String.valueOf(r.delivery()).startsWith(prefix))
                .toList();
        Predicate<Received> expiry = r -> r.body().contains("\"id\":\"" + expiring + "\"");
        Predicate<Received> lapse = r -> r.body().contains(overdue);
        await(
                "both notices delivered, each twice (a failure, then its retry)",
                () -> ours.get().stream().filter(expiry).count() >= 2
                        && ours.get().stream().filter(lapse).count() >= 2);
        for (Received r : ours.get()) {
            assertThat(r.signature())
                    .as(r.toString())
                    .isEqualTo("sha256=" + WebhookDispatcher.signature(secret, r.timestamp(), r.body()));
            assertThat(r.event()).isIn("CertificateExpiring", "InstrumentOverdue");
        }
        await(
                "a retried delivery recorded",
                () -> deliveries(hook.getString("id")).stream()
                        .map(JsonObject.class::cast)
                        .anyMatch(d -> d.getInteger("attempt") == 2 && d.getBoolean("delivered")));
        JsonArray attempts = deliveries(hook.getString("id"));
        JsonObject failed = attempts.stream()
                .map(JsonObject.class::cast)
                .filter(d -> !d.getBoolean("delivered"))
                .findFirst()
                .orElseThrow();
        assertThat(failed.getInteger("status")).isEqualTo(500);
        assertThat(failed.getString("nextAttemptAt")).isNotBlank();
        assertThat(attempts.stream().map(JsonObject.class::cast).filter(d -> d.getBoolean("delivered")))
                .extracting(d -> d.getString("notice"))
                .contains(expiring);
    }

    JsonArray deliveries(String hook) {
        Http.Answer answer = http.get("/api/v1/webhooks/" + hook + "/deliveries", token(Cast.NORTH_ENTITY));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.json().getJsonObject("webhook").getString("secret")).isNull();
        return answer.json().getJsonArray("items");
    }

    @Test
    void webhooks_and_sweeps_refuse_bad_input_and_callers_who_may_not_read_the_notices() {
        String entity = token(Cast.NORTH_ENTITY);
        for (Map<String, Object> bad : List.<Map<String, Object>>of(
                Map.of("url", "ftp://127.0.0.1/x", "entity", world.entityNorth),
                Map.of("url", "not a url", "entity", world.entityNorth),
                Map.of("url", "http://user@127.0.0.1/x", "entity", world.entityNorth),
                Map.of("url", hookUrl()),
                Map.of("url", hookUrl(), "entity", world.entityNorth, "region", Cast.NORTH))) {
            Http.Answer answer = http.post("/api/v1/webhooks", entity, bad);
            assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
            assertThat(answer.json().getJsonObject("error").getString("message"))
                    .containsAnyOf("url", "region");
        }
        assertThat(http.post("/api/v1/webhooks", entity, Map.of("url", hookUrl(), "entity", world.entityEast))
                        .status())
                .isEqualTo(403);
        assertThat(http.post("/api/v1/webhooks", entity, Map.of("url", hookUrl(), "region", Cast.NORTH))
                        .status())
                .isEqualTo(403);
        assertThat(http.post("/api/v1/webhooks", null, Map.of("url", hookUrl(), "region", Cast.NORTH))
                        .status())
                .isEqualTo(401);
        assertThat(http.post("/api/v1/notices/sweep", token(Cast.EAST_ADMIN), Map.of("region", Cast.NORTH))
                        .status())
                .isEqualTo(403);
        assertThat(http.post("/api/v1/notices/sweep", entity, Map.of()).status())
                .isEqualTo(400);

        String hook = HttpWorld.created(http.post(
                        "/api/v1/webhooks", token(Cast.NORTH_ADMIN), Map.of("url", hookUrl(), "region", Cast.NORTH)))
                .json()
                .getString("id");
        assertThat(http.get("/api/v1/webhooks/" + hook + "/deliveries", entity).status())
                .isEqualTo(403);
        missing404("/api/v1/webhooks/wh-none/deliveries", token(Cast.NORTH_ADMIN));
    }

    void missing404(String path, String token) {
        Http.Answer answer = http.get(path, token);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(404);
    }
}
