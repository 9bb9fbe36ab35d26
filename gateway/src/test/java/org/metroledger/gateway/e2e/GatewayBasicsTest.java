package org.metroledger.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GatewayBasicsTest extends Scenario {
    @Test
    void health_reports_liveness_readiness_and_the_ledger() {
        Http.Answer health = http.get("/health", null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().getBoolean("ready")).isTrue();
        assertThat(health.json().getJsonObject("ledger").getString("backend")).isNotBlank();
        assertThat(health.json().getJsonObject("ledger").getLong("height")).isNotNegative();
    }

    @Test
    void openapi_document_is_served_and_describes_the_api() {
        Http.Answer doc = http.get("/openapi.json", null);
        assertThat(doc.status()).isEqualTo(200);
        assertThat(doc.json().getString("openapi")).startsWith("3.");
        assertThat(doc.json().getJsonObject("paths").fieldNames()).contains("/api/v1/labs", "/health");
    }

    @Test
    void metrics_are_in_prometheus_format() {
        http.get("/health", null);
        Http.Answer metrics = http.get("/metrics", null);
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("vertx_http_server_requests_total");
    }

    @Test
    void responses_carry_security_headers() {
        Http.Answer answer = http.get("/api/v1/labs/nope", null);
        assertThat(answer.headers().get("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(answer.headers().get("Access-Control-Allow-Origin")).isEqualTo("*");
    }

    @Test
    void unknown_path_is_404_with_the_error_shape() {
        Http.Answer answer = http.get("/api/v1/nothing-here", null);
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.errorCode()).isEqualTo("NOT_FOUND");
        assertThat(answer.json().getJsonObject("error").getString("message")).isNotBlank();
    }

    @Test
    void unknown_method_is_404_not_a_5xx() {
        Http.Answer answer = http.send(HttpMethod.DELETE, "/api/v1/labs", null, null, null);
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.errorCode()).isEqualTo("NOT_FOUND");
    }

    @Test
    void write_without_a_token_is_401() {
        long before = height();
        Http.Answer answer = http.post("/api/v1/regions", null, Map.of("name", "x", "provinces", new String[] {"y"}));
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.errorCode()).isEqualTo("UNAUTHENTICATED");
        assertThat(height()).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer nope", "Bearer ", "Basic abc", "bearer ml_wrong", "Bearer " + "x"})
    void write_with_a_wrong_token_is_401(String authorization) {
        Http.Answer answer = Http.await(http.request(HttpMethod.POST, "/api/v1/regions")
                .putHeader("Authorization", authorization)
                .putHeader("Content-Type", "application/json")
                .sendBuffer(Buffer.buffer("{\"name\":\"x\",\"provinces\":[\"y\"]}")));
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.errorCode()).isEqualTo("UNAUTHENTICATED");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{",
                "[]",
                "null",
                "\"text\"",
                "{\"name\":1,\"provinces\":[\"y\"]}",
                "{\"name\":\"x\"}",
                "{\"name\":\"x\",\"provinces\":\"y\"}",
                "{\"name\":\"x\",\"provinces\":[]}",
                "",
                "{\"name\":\"x\",\"provinces\":[\"y\"]} trailing"
            })
    void malformed_or_mistyped_bodies_are_400(String body) {
        long before = height();
        String token = token(Cast.NORTH_ADMIN);
        Http.Answer answer =
                http.send(HttpMethod.POST, "/api/v1/regions", token, Buffer.buffer(body), "application/json");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.errorCode()).isEqualTo("INVALID_ARGUMENT");
        assertThat(height()).isEqualTo(before);
    }

    @Test
    void a_body_over_one_mebibyte_is_413() {
        String token = token(Cast.NORTH_ADMIN);
        String huge = "{\"name\":\"" + "x".repeat(1 << 20) + "\",\"provinces\":[\"y\"]}";
        Http.Answer answer =
                http.send(HttpMethod.POST, "/api/v1/regions", token, Buffer.buffer(huge), "application/json");
        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.errorCode()).isEqualTo("PAYLOAD_TOO_LARGE");
    }

    @Test
    void a_body_that_is_not_json_is_415() {
        String token = token(Cast.NORTH_ADMIN);
        Http.Answer answer =
                http.send(HttpMethod.POST, "/api/v1/regions", token, Buffer.buffer("name=x"), "text/plain");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(415);
        assertThat(answer.errorCode()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/api/v1/labs/..%2F..%2Fetc%2Fpasswd",
                "/api/v1/labs/a%2Fb",
                "/api/v1/labs/%2e%2e",
                "/api/v1/labs/..",
                "/api/v1/labs/%00",
                "/api/v1/labs/-leading-dash",
                "/api/v1/labs/%E2%80%AE",
                "/api/v1/blocks/-1",
                "/api/v1/blocks/abc",
                "/api/v1/blocks/99999999999999999999999"
            })
    void path_tricks_are_4xx_with_the_error_shape(String path) {
        Http.Answer answer = http.get(path, token(Cast.NORTH_ADMIN));
        assertThat(answer.status()).as(answer.toString()).isBetween(400, 499);
        assertThat(answer.errorCode()).as(answer.toString()).isIn("INVALID_ARGUMENT", "NOT_FOUND");
    }

    @Test
    void an_id_of_digits_only_is_an_id_not_a_number() {
        Http.Answer answer = http.get("/api/v1/labs/123456", null);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(404);
    }

    @Test
    void an_overlong_id_is_400() {
        Http.Answer answer = http.get("/api/v1/labs/" + "a".repeat(129), null);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.errorCode()).isEqualTo("INVALID_ARGUMENT");
    }

    @Test
    void an_unknown_id_is_404() {
        Http.Answer answer = http.get("/api/v1/labs/no-such-lab", null);
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.errorCode()).isEqualTo("NOT_FOUND");
        assertThat(answer.json().getJsonObject("error").getString("message")).contains("no-such-lab");
    }

    @Test
    void a_missing_block_is_404() {
        Http.Answer answer = http.get("/api/v1/blocks/100000", token(Cast.NORTH_ADMIN));
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.errorCode()).isEqualTo("NOT_FOUND");
    }
}
