package org.metroledger.gateway.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * An asynchronous HTTP load generator on one Vert.x event loop: keeps a fixed number of requests in
 * flight over a pool of keep-alive, pipelined connections to a loopback port, until a time or
 * request budget is spent, and measures each request from send to the end of its answer.
 */
final class HttpLoad implements AutoCloseable {
    private final Vertx vertx;
    private final HttpClient client;

    /** One request to send: the body is null for a GET. */
    record Call(HttpMethod method, String uri, List<String> headers, Buffer body) {
        static Call get(String uri) {
            return new Call(HttpMethod.GET, uri, List.of(), null);
        }

        static Call get(String uri, String token) {
            return new Call(HttpMethod.GET, uri, List.of("Authorization", "Bearer " + token), null);
        }

        static Call post(String uri, String token, String json) {
            return new Call(
                    HttpMethod.POST,
                    uri,
                    List.of("Authorization", "Bearer " + token, "Content-Type", "application/json"),
                    Buffer.buffer(json));
        }
    }

    /** What a run measured: answers with the expected status, the others, and latencies of the former. */
    record Outcome(String name, long ok, long failed, double seconds, long[] latencyNanos, String firstFailure) {
        double perSecond() {
            return ok / seconds;
        }

        double percentileMillis(double p) {
            if (latencyNanos.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.min(latencyNanos.length - 1, Math.floor(p * latencyNanos.length));
            return latencyNanos[index] / 1e6;
        }

        String line() {
            return String.format(
                    "%-34s %9.0f req/s  p50 %7.2f ms  p99 %7.2f ms  (%d ok, %d other, %.1f s)%s",
                    name,
                    perSecond(),
                    percentileMillis(0.50),
                    percentileMillis(0.99),
                    ok,
                    failed,
                    seconds,
                    firstFailure == null ? "" : "  first other answer: " + firstFailure);
        }
    }

    /**
     * @param connections keep-alive connections in the pool
     * @param pipelining requests pipelined on each connection at most
     */
    HttpLoad(int port, int connections, int pipelining) {
        vertx = Vertx.builder()
                .with(new io.vertx.core.VertxOptions().setEventLoopPoolSize(1))
                .build();
        client = vertx.createHttpClient(
                new HttpClientOptions()
                        .setDefaultHost("127.0.0.1")
                        .setDefaultPort(port)
                        .setKeepAlive(true)
                        .setPipelining(pipelining > 1)
                        .setPipeliningLimit(Math.max(1, pipelining)),
                new PoolOptions().setHttp1MaxSize(connections).setMaxWaitQueueSize(-1));
    }

    /**
     * Sends {@code calls.apply(i)} for i = 0, 1, ... with {@code inFlight} outstanding, until
     * {@code maxRequests} were sent or {@code duration} passed, and waits for the answers.
     */
    Outcome run(
            String name, IntFunction<Call> calls, int expectedStatus, int inFlight, Duration duration, int maxRequests)
            throws Exception {
        Promise<Outcome> done = Promise.promise();
        vertx.runOnContext(
                start -> new Run(name, calls, expectedStatus, inFlight, duration, maxRequests, done).start());
        return done.future()
                .toCompletionStage()
                .toCompletableFuture()
                .get(duration.toSeconds() + 120, TimeUnit.SECONDS);
    }

    /** As {@link #run}, for a run on a thread of its own. */
    Outcome runUnchecked(
            String name,
            IntFunction<Call> calls,
            int expectedStatus,
            int inFlight,
            Duration duration,
            int maxRequests) {
        try {
            return run(name, calls, expectedStatus, inFlight, duration, maxRequests);
        } catch (Exception e) {
            throw new IllegalStateException(name + " failed", e);
        }
    }

    /** One run's state; touched only on the client's single event loop. */
    private final class Run {
        private final String name;
        private final IntFunction<Call> calls;
        private final int expectedStatus;
        private final int inFlight;
        private final int maxRequests;
        private final Promise<Outcome> done;
        private long[] latencies;
        private final long startNanos = System.nanoTime();
        private final long deadline;
        private int sent;
        private int outstanding;
        private int ok;
        private long failed;
        private long lastAnswer;
        private String firstFailure;

        Run(
                String name,
                IntFunction<Call> calls,
                int expectedStatus,
                int inFlight,
                Duration duration,
                int maxRequests,
                Promise<Outcome> done) {
            this.name = name;
            this.calls = calls;
            this.expectedStatus = expectedStatus;
            this.inFlight = inFlight;
            this.maxRequests = maxRequests;
            this.done = done;
            this.latencies = new long[Math.min(maxRequests, 1 << 16)];
            this.deadline = startNanos + duration.toNanos();
        }

        void start() {
            for (int i = 0; i < inFlight; i++) {
                sendNext();
            }
        }

        private void sendNext() {
            if (sent >= maxRequests || System.nanoTime() >= deadline) {
                if (outstanding == 0 && !done.future().isComplete()) {
                    finish();
                }
                return;
            }
            Call call = calls.apply(sent++);
            outstanding++;
            long began = System.nanoTime();
            send(call).onComplete(answer -> {
                outstanding--;
                lastAnswer = System.nanoTime();
                if (answer.succeeded() && answer.result().status() == expectedStatus) {
                    if (ok == latencies.length) {
                        latencies = Arrays.copyOf(latencies, latencies.length * 2);
                    }
                    latencies[ok++] = lastAnswer - began;
                } else {
                    failed++;
                    if (firstFailure == null) {
                        firstFailure = answer.succeeded()
                                ? answer.result().status() + " "
                                        + abbreviated(answer.result().body())
                                : answer.cause().toString();
                    }
                }
                sendNext();
            });
        }

        private void finish() {
            long[] measured = Arrays.copyOf(latencies, ok);
            Arrays.sort(measured);
            double seconds = (Math.max(lastAnswer, startNanos + 1) - startNanos) / 1e9;
            done.complete(new Outcome(name, ok, failed, seconds, measured, firstFailure));
        }
    }

    private record Answer(int status, Buffer body) {}

    private Future<Answer> send(Call call) {
        RequestOptions options = new RequestOptions().setMethod(call.method()).setURI(call.uri());
        for (int i = 0; i < call.headers().size(); i += 2) {
            options.putHeader(call.headers().get(i), call.headers().get(i + 1));
        }
        return client.request(options)
                .compose(request -> call.body() == null ? request.send() : request.send(call.body()))
                .compose(response -> response.body().map(body -> new Answer(response.statusCode(), body)));
    }

    private static String abbreviated(Buffer body) {
        String text = body.toString();
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }

    @Override
    public void close() {
        client.close().toCompletionStage().toCompletableFuture().join();
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }
}
