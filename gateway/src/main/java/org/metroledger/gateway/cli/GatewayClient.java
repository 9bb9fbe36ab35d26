package org.metroledger.gateway.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.metroledger.chaincode.json.Canonical;

/** The gateway's HTTP API as a lab's command-line tools call it, with the lab's bearer token. */
final class GatewayClient {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    /**
     * HTTP/1.1, one connection per request in flight (the JDK's pool keeps them open between
     * requests): the JDK's default, HTTP/2 by an h2c upgrade, puts every request of a batch on one
     * connection, which the gateway serves from one event loop.
     */
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private final String baseUrl;
    private final String token;

    GatewayClient(String baseUrl, String token) {
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.token = token;
    }

    /** One answer: the status and the body text. */
    record Answer(int status, String body) {
        boolean ok() {
            return status / 100 == 2;
        }

        /** The message of an error answer, else the body. */
        String problem() {
            try {
                var error = Canonical.mapper().readTree(body).path("error");
                if (!error.isMissingNode()) {
                    return error.path("code").asText() + ": "
                            + error.path("message").asText();
                }
            } catch (IOException e) {
                // Not JSON: the status and raw body say what happened.
            }
            return "HTTP " + status + " " + body;
        }
    }

    Answer get(String path) {
        return send(request(path).GET());
    }

    Answer post(String path, String contentType, byte[] body) {
        return send(
                request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token);
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response =
                    http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach the gateway at " + baseUrl + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calling the gateway", e);
        }
    }
}
