package org.metroledger.gateway.e2e;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.util.concurrent.TimeUnit;

/** A blocking HTTP client for scenarios: one call, one answer, over loopback. */
public final class Http implements AutoCloseable {
    private final Vertx vertx = Vertx.vertx();
    private final WebClient client;

    public Http(Deployment deployment) {
        client = WebClient.create(
                vertx, new WebClientOptions().setDefaultHost(deployment.host()).setDefaultPort(deployment.port()));
    }

    /** The status, headers and body of one answer. */
    public record Answer(int status, MultiMap headers, String body) {
        public JsonObject json() {
            return new JsonObject(body);
        }

        /** The error code of an error answer, or null. */
        public String errorCode() {
            try {
                JsonObject error = json().getJsonObject("error");
                return error == null ? null : error.getString("code");
            } catch (RuntimeException e) {
                return null;
            }
        }

        /** The record of a 201 write answer. */
        public JsonObject record() {
            return json().getJsonObject("record");
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    public Answer get(String path, String token) {
        return send(HttpMethod.GET, path, token, null, null);
    }

    public Answer post(String path, String token, Object body) {
        String text = body instanceof String s ? s : JsonObject.mapFrom(body).encode();
        return send(HttpMethod.POST, path, token, Buffer.buffer(text), "application/json");
    }

    public Answer send(HttpMethod method, String path, String token, Buffer body, String contentType) {
        HttpRequest<Buffer> request = client.request(method, path);
        if (token != null) {
            request.putHeader("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            request.putHeader("Content-Type", contentType);
        }
        return await(body == null ? request.send() : request.sendBuffer(body));
    }

    public HttpRequest<Buffer> request(HttpMethod method, String path) {
        return client.request(method, path);
    }

    public static Answer await(io.vertx.core.Future<HttpResponse<Buffer>> future) {
        try {
            HttpResponse<Buffer> response =
                    future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            return new Answer(
                    response.statusCode(),
                    response.headers(),
                    response.body() == null ? "" : response.body().toString());
        } catch (Exception e) {
            throw new IllegalStateException("no answer", e);
        }
    }

    public Vertx vertx() {
        return vertx;
    }

    @Override
    public void close() {
        client.close();
        vertx.close();
    }
}
