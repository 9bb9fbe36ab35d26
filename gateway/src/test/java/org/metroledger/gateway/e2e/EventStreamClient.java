package org.metroledger.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

/**
 * One open {@code GET /api/v1/events} stream, its text collected line by line as it arrives. It reads
 * through a blocking input stream on its own thread: a chunk handler set once the answer's head has
 * arrived can miss the chunks that came with it (a replay from {@code Last-Event-ID} is sent at once),
 * which made the event-stream scenario fail now and then on a loaded machine.
 */
final class EventStreamClient implements AutoCloseable {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final StringBuffer text = new StringBuffer();
    private final InputStream body;

    private EventStreamClient(InputStream body) {
        this.body = body;
        Thread reader = new Thread(this::read, "event-stream-client");
        reader.setDaemon(true);
        reader.start();
    }

    /** Opens the stream as the bearer of {@code token}, resuming after {@code lastEventId} unless null. */
    static EventStreamClient open(Deployment deployment, String token, String lastEventId) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://" + deployment.host() + ":" + deployment.port() + "/api/v1/events"))
                .header("Authorization", "Bearer " + token);
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        // HTTP/1.1: the JDK's HTTP/2 default would upgrade the connection by h2c.
        HttpResponse<InputStream> response = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build()
                .send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).as("GET /api/v1/events").isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        return new EventStreamClient(response.body());
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                text.append(line).append('\n');
            }
        } catch (IOException closed) {
            // The stream was closed by the test or the server: what arrived stays in the text.
        }
    }

    /** All the stream has sent so far. */
    String text() {
        return text.toString();
    }

    /** Waits until what was sent so far satisfies {@code done}, and answers it. */
    String await(String what, Predicate<String> done) throws InterruptedException {
        Instant until = Instant.now().plus(WAIT);
        while (!done.test(text())) {
            assertThat(Instant.now())
                    .as("waiting for " + what + " in " + text())
                    .isBefore(until);
            Thread.sleep(20);
        }
        return text();
    }

    /** Waits until {@code part} has been sent. */
    String await(String part) throws InterruptedException {
        return await(part, sent -> sent.contains(part));
    }

    /** Waits until {@code count} events have been sent, and answers the text. */
    String awaitEvents(int count) throws InterruptedException {
        return await(count + " events", sent -> sent.split("(?m)^id: ", -1).length > count);
    }

    @Override
    public void close() throws IOException {
        body.close();
    }
}
