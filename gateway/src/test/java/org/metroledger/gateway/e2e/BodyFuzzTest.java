package org.metroledger.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.metroledger.gateway.http.Failures;

/**
 * A bounded, seeded fuzz run over every route: the operations of the OpenAPI document the gateway
 * serves and the web pages, each sent form, multipart, oversized and mangled bodies, with and
 * without a token. Nothing may answer 5xx or log a fault, and no refused request may grow the ledger.
 */
class BodyFuzzTest extends Scenario {
    /** Fixed, so a failure can be replayed; the run is bounded by the routes times the bodies below. */
    private static final long SEED = 20261202L;

    private static final int MANGLED_JSON_PER_OPERATION = 6;
    private static final long JSON_LIMIT = 1L << 20;
    private static final long DCC_LIMIT = 16L << 20;

    /** Routes outside the API document: the web pages and sign-in. */
    private static final List<String[]> PAGES = List.of(
            new String[] {"GET", "/login"},
            new String[] {"POST", "/login"},
            new String[] {"POST", "/logout"},
            new String[] {"GET", "/ledger"},
            new String[] {"GET", "/recognition"},
            new String[] {"GET", "/v/ML1.a.b"},
            new String[] {"GET", "/inspect/entities"},
            new String[] {"GET", "/inspect/entities/no-such-entity"},
            new String[] {"POST", "/no-such-route"});

    private final Random random = new Random(SEED);
    private final List<String> faults = new ArrayList<>();
    private int sent;
    private String adminToken;
    private String labToken;

    @Override
    void prepare() {
        registerWorld();
        adminToken = token(Cast.NORTH_ADMIN);
        labToken = token(Cast.NORTH_LAB);
    }

    @Test
    void no_body_on_any_route_answers_5xx_and_no_refused_one_writes() {
        Logger failures = Logger.getLogger(Failures.class.getName());
        List<LogRecord> severe = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord logRecord) {
                if (logRecord.getLevel().intValue() >= Level.SEVERE.intValue()) {
                    severe.add(logRecord);
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        failures.addHandler(capture);
        try {
            Http.Answer served = http.get("/openapi.json", null);
            assertThat(served.status()).isEqualTo(200);
            List<OpenApiOperations.Operation> operations = new OpenApiOperations(served.json(), ns.code()).all();
            for (OpenApiOperations.Operation operation : operations) {
                fuzz(operation);
            }
            for (String[] page : PAGES) {
                HttpMethod method = HttpMethod.valueOf(page[0]);
                for (String token : new String[] {null, adminToken}) {
                    hostileBodies(method, page[1], token, JSON_LIMIT);
                }
            }
        } finally {
            failures.removeHandler(capture);
        }
        System.out.printf(
                "body fuzz: %d requests sent, %d answers 5xx or writes after a refusal%n", sent, faults.size());
        assertThat(operations()).isGreaterThan(40);
        assertThat(sent).isGreaterThan(1000);
        assertThat(faults).isEmpty();
        assertThat(severe).extracting(LogRecord::getMessage).isEmpty();
    }

    private int operations() {
        return new OpenApiOperations(ns.code()).all().size();
    }

    private void fuzz(OpenApiOperations.Operation operation) {
        boolean stream = operation.operationId().equals("events");
        List<String> tokens = new ArrayList<>();
        tokens.add(null);
        if (operation.secured() && !stream) {
            // An event stream with a valid token stays open: it is sent bodies unauthenticated only.
            tokens.add(operation.operationId().equals("importDcc") ? labToken : adminToken);
        }
        long limit = operation.operationId().equals("importDcc") ? DCC_LIMIT : JSON_LIMIT;
        for (String token : tokens) {
            hostileBodies(operation.method(), operation.path(), token, limit);
            if (operation.hasJsonBody()) {
                for (int i = 0; i < MANGLED_JSON_PER_OPERATION; i++) {
                    send(operation.method(), operation.path(), token, mangled(operation.body()), "application/json");
                }
            }
            if (!operation.mediaTypes().isEmpty()) {
                send(operation.method(), operation.path(), token, "<a/>", "application/xml");
                send(operation.method(), operation.path(), token, "{}", "text/plain");
            }
        }
    }

    /** Bodies no operation of the gateway declares, and one just over the route's limit. */
    private void hostileBodies(HttpMethod method, String path, String token, long limit) {
        String boundary = "fuzzboundary" + random.nextInt(1000);
        String form = "application/x-www-form-urlencoded";
        send(method, path, token, "a=b", form);
        send(method, path, token, "token=" + "x".repeat(9000), form);
        StringBuilder fields = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            fields.append(i == 0 ? "" : "&").append("f").append(i).append("=1");
        }
        send(method, path, token, fields.toString(), form);
        send(
                method,
                path,
                token,
                "--" + boundary + "\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb\r\n"
                        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"f\"; filename=\"f.txt\"\r\n"
                        + "Content-Type: text/plain\r\n\r\n" + "y".repeat(10000) + "\r\n--" + boundary + "--\r\n",
                "multipart/form-data; boundary=" + boundary);
        send(method, path, token, "--" + boundary + "\r\ngarbage", "multipart/form-data; boundary=" + boundary);
        send(method, path, token, "a=b", "multipart/form-data");
        send(method, path, token, "{\"a\":\"" + "z".repeat((int) limit) + "\"}", "application/json");
        send(method, path, token, "{\"a\":", "application/json");
        send(method, path, token, "[".repeat(5000), "application/json");
    }

    /** The operation's sample body with one field dropped, retyped, oversized, nulled or broken. */
    private String mangled(JsonObject sample) {
        JsonObject body = sample.copy();
        List<String> fields = new ArrayList<>(body.fieldNames());
        String field = fields.isEmpty() ? "extra" : fields.get(random.nextInt(fields.size()));
        switch (random.nextInt(8)) {
            case 0 -> body.remove(field);
            case 1 -> body.put(field, random.nextInt());
            case 2 -> body.put(field, "w".repeat(70_000));
            case 3 -> body.putNull(field);
            case 4 -> body.put(field, new JsonArray().add(new JsonObject().put("x", 1)));
            case 5 -> body.put(field, 1e308);
            case 6 -> {
                return body.encode().replaceFirst("\"" + field + "\":", "\"" + field + "\":\"\\\\ud800\",\"_\":");
            }
            default -> body.put("unexpected-" + random.nextInt(100), "v");
        }
        return body.encode();
    }

    private void send(HttpMethod method, String path, String token, String body, String contentType) {
        long before = height();
        Http.Answer answer = http.send(method, path, token, Buffer.buffer(body), contentType);
        sent++;
        String what = method + " " + path + (token == null ? "" : " (token)") + " " + contentType + " " + body.length()
                + " bytes";
        if (answer.status() >= 500) {
            faults.add(what + ": " + truncated(answer.toString()));
        } else if (answer.status() >= 400) {
            long after = height();
            if (after != before) {
                faults.add(what + ": refused with " + answer.status() + " but the ledger grew from " + before + " to "
                        + after);
            }
            // Pages answer their refusals as HTML pages; every body refused, sign-in's included, is JSON.
            boolean htmlPage = method == HttpMethod.GET && isPage(path);
            if (answer.errorCode() == null && !htmlPage) {
                faults.add(what + ": " + answer.status() + " not in the error shape: " + truncated(answer.body()));
            }
        }
    }

    private static boolean isPage(String path) {
        return PAGES.stream().anyMatch(page -> page[1].equals(path));
    }

    private static String truncated(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
