package org.metroledger.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.metroledger.gateway.http.Failures;

/**
 * What a hostile or careless client finds: every refusal is a 4xx in the error shape naming what
 * was wrong, and what DESIGN restricts to inspectors and centre admins stays with them.
 */
class HostileInputTest extends Scenario {
    HttpWorld world;
    String severeEvent;
    /** The block of this run's first credit event: where its replays of the event stream start. */
    long firstCreditBlock;

    @Override
    void prepare() {
        world = registerWorld();
        severeEvent = id("CE-HOSTILE-FORGED");
        firstCreditBlock = creditEvent(id("CE-HOSTILE-1"), "INSPECTION_PASSED", "2025-01-01T00:00:00Z")
                .json()
                .getLong("blockNumber");
        for (int i = 2; i <= 3; i++) {
            creditEvent(id("CE-HOSTILE-" + i), "INSPECTION_PASSED", "2025-0" + i + "-01T00:00:00Z");
        }
        creditEvent(severeEvent, "FORGED_DATA", "2025-04-01T00:00:00Z");
    }

    Http.Answer creditEvent(String id, String type, String occurredAt) {
        return HttpWorld.created(http.post(
                "/api/v1/credit-events",
                token(Cast.NORTH_INSPECTOR),
                HttpWorld.creditEvent(id, world.entityNorth, type, occurredAt)));
    }

    static void assertError(Http.Answer answer, int status, String code, String named) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.errorCode()).as(answer.toString()).isEqualTo(code);
        assertThat(answer.json().getJsonObject("error").getString("message"))
                .as(answer.toString())
                .contains(named);
    }

    @Test
    void public_credit_answers_only_grade_score_policy_commitment_and_sampling_ratio() {
        Http.Answer credit = http.get("/api/v1/entities/" + world.entityNorth + "/credit", null);
        assertThat(credit.status()).as(credit.toString()).isEqualTo(200);
        assertThat(credit.json().fieldNames())
                .containsExactlyInAnyOrder(
                        "entity", "at", "grade", "score", "policyVersion", "commitment", "samplingRatio");
        assertThat(credit.json().getString("grade")).isEqualTo("D");
        assertThat(credit.body()).doesNotContain(severeEvent).doesNotContain("FORGED_DATA");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.0", "1e1", "1%20", "+1"})
    void a_block_number_that_is_not_plain_digits_is_400_naming_it(String number) {
        assertError(http.get("/api/v1/blocks/" + number, token(Cast.NORTH_ADMIN)), 400, "INVALID_ARGUMENT", "n");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/api/v1/labs/%zz",
                "/api/v1/labs/%",
                "/api/v1/labs/a%2",
                "/api/v1/certificates/x/verification?at=%zz",
                "/api/v1/certificates/x/verification?%zz=1",
                "/v/%zz"
            })
    void a_broken_percent_escape_is_400_not_a_fault(String path) {
        assertError(http.get(path, null), 400, "INVALID_ARGUMENT", "percent");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Application/JSON",
                "APPLICATION/JSON; charset=UTF-8",
                "application/json;Charset=\"UTF-8\"; x=$1\\"
            })
    void a_media_type_is_read_whatever_its_case(String contentType) {
        // RFC 9110: type, subtype and charset are case-insensitive; the body's fields decide the answer.
        Http.Answer answer = http.send(
                io.vertx.core.http.HttpMethod.POST,
                "/api/v1/regions",
                token(Cast.NORTH_ADMIN),
                io.vertx.core.buffer.Buffer.buffer("{\"name\":\"x\"}"),
                contentType);
        assertError(answer, 400, "INVALID_ARGUMENT", "provinces");
    }

    @Test
    void a_lone_surrogate_in_json_is_400_naming_the_field_not_stored_as_a_question_mark() {
        Http.Answer answer = refused(
                400,
                () -> http.post(
                        "/api/v1/regions",
                        token(Cast.NORTH_ADMIN),
                        "{\"name\":\"North \\ud800\",\"provinces\":[\"p\"]}"));
        assertError(answer, 400, "INVALID_ARGUMENT", "name holds a lone UTF-16 surrogate");
    }

    @Test
    void a_client_that_leaves_in_the_middle_of_its_body_is_no_fault_of_ours() throws Exception {
        Logger failures = Logger.getLogger(Failures.class.getName());
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord logRecord) {
                records.add(logRecord);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Level level = failures.getLevel();
        failures.setLevel(Level.FINE);
        failures.addHandler(capture);
        try {
            try (Socket socket = new Socket(deployment.host(), deployment.port())) {
                socket.getOutputStream()
                        .write(("POST /api/v1/verifications HTTP/1.1\r\nHost: x\r\n"
                                        + "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"tok")
                                .getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
            }
            // The server reads the head before it sees the close; wait for it to notice the close.
            for (int i = 0; i < 100 && records.isEmpty(); i++) {
                Thread.sleep(100);
            }
            assertThat(records).extracting(LogRecord::getLevel).containsOnly(Level.FINE);
        } finally {
            failures.removeHandler(capture);
            failures.setLevel(level);
        }
    }

    @Test
    void a_web_page_of_another_origin_may_post_a_token_to_the_public_verification() {
        // A browser asks first (CORS preflight) because the body is JSON; a 404 there blocks the page.
        Http.Answer preflight = Http.await(http.request(io.vertx.core.http.HttpMethod.OPTIONS, "/api/v1/verifications")
                .putHeader("Origin", "https://portal.example")
                .putHeader("Access-Control-Request-Method", "POST")
                .putHeader("Access-Control-Request-Headers", "content-type")
                .send());
        assertThat(preflight.status()).as(preflight.toString()).isEqualTo(204);
        assertThat(preflight.headers().get("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(preflight.headers().get("Access-Control-Allow-Methods")).contains("POST");
        assertThat(preflight.headers().get("Access-Control-Allow-Headers")).containsIgnoringCase("content-type");
        Http.Answer answer = http.post("/api/v1/verifications", null, "{\"token\":\"ML1.a.b\"}");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.headers().get("Access-Control-Allow-Origin")).isEqualTo("*");
        // Writes that need a token stay same-origin.
        Http.Answer secured = Http.await(http.request(io.vertx.core.http.HttpMethod.OPTIONS, "/api/v1/regions")
                .putHeader("Origin", "https://portal.example")
                .putHeader("Access-Control-Request-Method", "POST")
                .send());
        assertThat(secured.headers().get("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void head_answers_as_get_would_without_the_body() {
        // Uptime monitors and caches ask with HEAD; RFC 9110 has every server support it next to GET.
        Http.Answer health = http.send(io.vertx.core.http.HttpMethod.HEAD, "/health", null, null, null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.headers().get("Content-Type")).startsWith("application/json");
        assertThat(health.body()).isEmpty();
        Http.Answer missing =
                http.send(io.vertx.core.http.HttpMethod.HEAD, "/api/v1/labs/no-such-lab", null, null, null);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body()).isEmpty();
        Http.Answer stream = Http.await(http.request(io.vertx.core.http.HttpMethod.HEAD, "/api/v1/events")
                .putHeader("Authorization", "Bearer " + token(Cast.NORTH_INSPECTOR))
                .send());
        assertThat(stream.status()).isEqualTo(200);
        assertThat(stream.headers().get("Content-Type")).startsWith("text/event-stream");
    }

    @Test
    void history_of_a_credit_event_is_for_those_who_may_read_credit_histories() {
        String path = "/api/v1/history/CreditEvent/" + severeEvent;
        assertError(http.get(path, token(Cast.NORTH_LAB)), 403, "FORBIDDEN", "credit");
        assertError(http.get(path, token(Cast.EAST_ENTITY)), 403, "FORBIDDEN", "credit");
        for (String reader : List.of(Cast.NORTH_INSPECTOR, Cast.NORTH_ADMIN, Cast.NORTH_ENTITY)) {
            Http.Answer answer = http.get(path, token(reader));
            assertThat(answer.status()).as(reader + ": " + answer).isEqualTo(200);
            assertThat(new JsonArray(answer.body())).hasSize(1);
        }
    }

    @Test
    void history_of_a_credit_event_answers_alike_whether_it_exists_or_not_for_those_who_may_not_read_it() {
        String existing = "/api/v1/history/CreditEvent/" + severeEvent;
        String missing = "/api/v1/history/CreditEvent/" + id("CE-NEVER-RECORDED");
        for (String outsider : List.of(Cast.NORTH_LAB, Cast.EAST_ENTITY, Cast.STRANGER)) {
            Http.Answer there = http.get(existing, token(outsider));
            Http.Answer absent = http.get(missing, token(outsider));
            assertThat(absent.status()).as(outsider + ": " + absent).isEqualTo(there.status());
            assertThat(absent.body()).as(outsider).isEqualTo(there.body());
            assertThat(absent.status()).as(outsider).isEqualTo(403);
        }
        assertError(http.get(missing, token(Cast.NORTH_INSPECTOR)), 404, "NOT_FOUND", "CE-NEVER-RECORDED");
    }

    @Test
    void history_of_an_unknown_record_type_is_400_naming_the_type() {
        assertError(http.get("/api/v1/history/Nope/x", token(Cast.NORTH_ADMIN)), 400, "INVALID_ARGUMENT", "type");
    }

    @Test
    void history_of_a_record_never_written_is_404() {
        assertError(
                http.get("/api/v1/history/Lab/never-written", token(Cast.NORTH_ADMIN)),
                404,
                "NOT_FOUND",
                "never-written");
    }

    @Test
    void an_unknown_query_parameter_is_400_naming_it() {
        // A misspelt digest must not quietly answer VALID without the digest being compared.
        Http.Answer answer = http.get("/api/v1/labs/" + world.labNorth + "?dgest=" + "ab".repeat(32), null);
        assertError(answer, 400, "INVALID_ARGUMENT", "dgest");
    }

    @Test
    void a_query_parameter_given_twice_is_400_naming_it() {
        Http.Answer answer =
                http.get("/api/v1/certificates/x/verification?at=2025-01-01T00:00:00Z&at=2026-01-01T00:00:00Z", null);
        assertError(answer, 400, "INVALID_ARGUMENT", "at");
    }

    @Test
    void an_overlong_request_line_is_414_in_the_error_shape() {
        Http.Answer answer = http.get("/api/v1/labs/" + "a".repeat(10_000), null);
        assertThat(answer.status()).isEqualTo(414);
        assertThat(answer.errorCode()).as(answer.toString()).isEqualTo("INVALID_ARGUMENT");
    }

    @Test
    void oversized_headers_are_431_in_the_error_shape() {
        Http.Answer answer = Http.await(http.request(io.vertx.core.http.HttpMethod.GET, "/health")
                .putHeader("X-Padding", "p".repeat(10_000))
                .send());
        assertThat(answer.status()).isEqualTo(431);
        assertThat(answer.errorCode()).as(answer.toString()).isEqualTo("INVALID_ARGUMENT");
    }

    @Test
    void a_form_sent_to_an_operation_without_a_body_is_not_read() {
        Http.Answer answer = unauthenticated(io.vertx.core.http.HttpMethod.GET, "/health", "a=b", FORM);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.json().getString("status")).isEqualTo("UP");
    }

    @Test
    void a_form_sent_to_a_json_operation_is_415_naming_the_types_it_takes() {
        Http.Answer answer = unauthenticated(
                io.vertx.core.http.HttpMethod.POST,
                "/api/v1/verifications",
                "f=" + "x".repeat(9000),
                "multipart/form-data; boundary=x");
        assertError(answer, 415, "UNSUPPORTED_MEDIA_TYPE", "application/json");
    }

    @Test
    void a_sign_in_form_over_its_own_limit_is_413_and_one_of_300_fields_400() {
        io.vertx.core.http.HttpMethod post = io.vertx.core.http.HttpMethod.POST;
        assertError(
                unauthenticated(post, "/login", "token=" + "x".repeat(9000), FORM), 413, "PAYLOAD_TOO_LARGE", "8192");
        assertError(
                unauthenticated(post, "/login", "f=1" + "&f=1".repeat(299), FORM), 400, "INVALID_ARGUMENT", "fields");
    }

    private static final String FORM = "application/x-www-form-urlencoded";

    private Http.Answer unauthenticated(io.vertx.core.http.HttpMethod method, String path, String body, String type) {
        return http.send(method, path, null, io.vertx.core.buffer.Buffer.buffer(body), type);
    }

    @Test
    void credit_history_pages_with_page_size_and_bookmark() {
        String path = "/api/v1/entities/" + world.entityNorth + "/credit/history";
        String inspector = token(Cast.NORTH_INSPECTOR);
        Http.Answer first = http.get(path + "?pageSize=3", inspector);
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.json().getJsonArray("items")).hasSize(3);
        String bookmark = first.json().getString("bookmark");
        assertThat(bookmark).isNotEmpty();
        Http.Answer second = http.get(
                path + "?pageSize=3&bookmark="
                        + java.net.URLEncoder.encode(bookmark, java.nio.charset.StandardCharsets.UTF_8),
                inspector);
        assertThat(second.status()).as(second.toString()).isEqualTo(200);
        assertThat(second.json().getJsonArray("items"))
                .extracting(item -> ((JsonObject) item).getString("id"))
                .containsExactly(severeEvent);
        assertError(http.get(path + "?pageSize=0", inspector), 400, "INVALID_ARGUMENT", "pageSize");
    }

    @Test
    void a_caller_holds_eight_event_streams_at_once_and_a_ninth_is_429() throws Exception {
        String caller = token(Cast.EAST_ADMIN);
        List<Socket> streams = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                Socket socket = new Socket(deployment.host(), deployment.port());
                streams.add(socket);
                assertThat(openStream(socket, caller)).as("stream " + (i + 1)).startsWith("HTTP/1.1 200");
            }
            try (Socket ninth = new Socket(deployment.host(), deployment.port())) {
                String answer = openStream(ninth, caller);
                assertThat(answer)
                        .startsWith("HTTP/1.1 429")
                        .contains("TOO_MANY_REQUESTS")
                        .contains("8 event streams");
            }
            streams.remove(0).close();
            // The gateway gives the share back once it sees the close.
            String again = "";
            for (int i = 0; i < 50 && !again.startsWith("HTTP/1.1 200"); i++) {
                Thread.sleep(100);
                Socket socket = new Socket(deployment.host(), deployment.port());
                streams.add(socket);
                again = openStream(socket, caller);
            }
            assertThat(again).startsWith("HTTP/1.1 200");
        } finally {
            for (Socket socket : streams) {
                socket.close();
            }
        }
    }

    /** Sends an event stream request and reads its head, and for an error its body, as text. */
    private String openStream(Socket socket, String token) throws java.io.IOException {
        socket.setSoTimeout(10_000);
        socket.getOutputStream()
                .write(("GET /api/v1/events HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
        java.io.BufferedReader in = new java.io.BufferedReader(
                new java.io.InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder answer = new StringBuilder(in.readLine());
        if (answer.toString().startsWith("HTTP/1.1 200")) {
            return answer.toString();
        }
        int length = 0;
        for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
            answer.append('\n').append(line);
            if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(line.indexOf(':') + 1).strip());
            }
        }
        char[] body = new char[length];
        for (int read = 0; read < length; ) {
            read += in.read(body, read, length - read);
        }
        return answer.append('\n').append(body).toString();
    }

    @Test
    void event_stream_withholds_credit_events_from_callers_who_may_not_read_them() throws Exception {
        // The stream replays from this run's first credit event; an event written after them marks the end.
        String sentinel = id("hostile-sentinel");
        HttpWorld.created(http.post(
                "/api/v1/instruments", token(Cast.NORTH_ADMIN), world.instrument(sentinel, world.entityNorth)));
        assertThat(eventsUntil(Cast.NORTH_INSPECTOR, sentinel)).anyMatch(this::severeEventRecorded);
        assertThat(eventsUntil(Cast.NORTH_ENTITY, sentinel)).anyMatch(this::severeEventRecorded);
        assertThat(eventsUntil(Cast.NORTH_LAB, sentinel))
                .anyMatch(event -> event.startsWith("InstrumentRegistered ") && event.contains(sentinel))
                .noneMatch(event -> event.startsWith("CreditEventRecorded "));
        assertThat(eventsUntil(Cast.EAST_ENTITY, sentinel))
                .noneMatch(event -> event.startsWith("CreditEventRecorded "));
    }

    boolean severeEventRecorded(String event) {
        return event.startsWith("CreditEventRecorded ") && event.contains("\"id\":\"" + severeEvent + "\"");
    }

    @Test
    void a_last_event_id_beyond_the_ledger_is_400() {
        Http.Answer answer = Http.await(http.request(io.vertx.core.http.HttpMethod.GET, "/api/v1/events")
                .putHeader("Authorization", "Bearer " + token(Cast.NORTH_INSPECTOR))
                .putHeader("Last-Event-ID", "999999999999.0")
                .send());
        assertError(answer, 400, "INVALID_ARGUMENT", "Last-Event-ID");
    }

    /**
     * The events ("name data") the stream sends a user, from the block before this run's first credit
     * event up to the sentinel's registration.
     */
    List<String> eventsUntil(String user, String sentinel) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://" + deployment.host() + ":" + deployment.port() + "/api/v1/events"))
                .header("Authorization", "Bearer " + token(user))
                .header("Last-Event-ID", (firstCreditBlock - 1) + ".0")
                .build();
        List<String> names = new CopyOnWriteArrayList<>();
        List<String> events = new CopyOnWriteArrayList<>();
        CompletableFuture<List<String>> read = HttpClient.newHttpClient()
                .sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                .thenApply(response -> {
                    assertThat(response.statusCode()).isEqualTo(200);
                    try (Stream<String> lines = response.body()) {
                        Iterator<String> it = lines.iterator();
                        while (it.hasNext()) {
                            String line = it.next();
                            if (line.startsWith("event: ")) {
                                names.add(line.substring("event: ".length()));
                            } else if (line.startsWith("data: ") && !names.isEmpty()) {
                                events.add(names.get(names.size() - 1) + " " + line.substring("data: ".length()));
                                if (line.contains("\"id\":\"" + sentinel + "\"")) {
                                    return List.copyOf(events);
                                }
                            }
                        }
                    }
                    throw new AssertionError(user + " saw the stream end before " + sentinel + ": " + names);
                });
        try {
            return read.get(30, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            read.cancel(true);
            throw new AssertionError(user + " never saw " + sentinel + ", only " + names, e);
        }
    }
}
