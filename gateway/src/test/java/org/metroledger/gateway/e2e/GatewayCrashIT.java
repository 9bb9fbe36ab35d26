package org.metroledger.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metroledger.gateway.auth.TokenBook;
import org.metroledger.gateway.identity.IdentityStore;
import org.metroledger.gateway.identity.NodeOu;
import org.metroledger.gateway.ledger.fabric.FabricCas;
import org.metroledger.gateway.ledger.fabric.FabricNetwork;

/**
 * {@code kill -9} of a gateway process (the real {@code metroledger.jar serve --backend fabric})
 * while writes are in flight: after it starts again, every write it had answered 201 is committed,
 * on every centre's peer. Failsafe runs it with {@code -Pfabric}, after {@code package}.
 */
class GatewayCrashIT {
    private static final Duration START = Duration.ofSeconds(120);
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Namespace ns = Namespace.fresh();
    private Process gateway;

    @AfterEach
    void stopGateway() {
        if (gateway != null) {
            gateway.destroyForcibly();
        }
    }

    @Test
    void everyAcknowledgedWriteSurvivesAKill9OfTheGateway(@TempDir Path dataDir) throws Exception {
        Path connection = Path.of(System.getProperty("metroledger.fabric.connection"));
        FabricNetwork network = FabricNetwork.read(connection);
        IdentityStore identities = FabricCas.wallet(dataDir, network);
        String admin = ns.id("crash-admin");
        identities.issue(Cast.NORTH, admin, NodeOu.ADMIN);
        String token = TokenBook.open(dataDir).issue(Cast.NORTH, admin);
        int port = freePort();

        gateway = serve(dataDir, connection, port);
        // Regions exist once per channel: register North only where no scenario has.
        if (get(port, "/api/v1/regions/" + Cast.NORTH).status() == 404) {
            HttpWorld.created(post(port, token, "/api/v1/regions", Map.of("name", "华北", "provinces", List.of("北京"))));
        }
        String entity = ns.creditCode(HttpWorld.BEIJING, 1);
        HttpWorld.created(post(
                port,
                token,
                "/api/v1/entities",
                Map.of("id", entity, "name", "Crash " + ns.code(), "province", "北京", "category", "FUEL_STATION")));

        ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger sent = new AtomicInteger();
        ExecutorService writers = Executors.newFixedThreadPool(8);
        for (int w = 0; w < 8; w++) {
            writers.submit(() -> {
                while (writing.get() && sent.get() < 2_000) {
                    String id = ns.id("GC-" + sent.incrementAndGet());
                    try {
                        Http.Answer answer = post(
                                port,
                                token,
                                "/api/v1/instruments",
                                HttpWorld.instrumentRegistration(id, entity, "fuel-dispenser"));
                        if (answer.status() == 201) {
                            acknowledged.add(id);
                        }
                    } catch (IOException e) {
                        return; // the gateway is gone: this write was never acknowledged
                    }
                }
                return;
            });
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (acknowledged.size() < 40 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        gateway.destroyForcibly().waitFor(10, TimeUnit.SECONDS); // SIGKILL, mid-stream
        writing.set(false);
        writers.shutdown();
        assertThat(writers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        List<String> acked = List.copyOf(acknowledged);
        assertThat(acked).as("acknowledged before the kill").hasSizeGreaterThanOrEqualTo(40);
        assertThat(sent.get()).as("writes in flight at the kill").isGreaterThan(acked.size());

        gateway = serve(dataDir, connection, port);
        Http.Answer read = get(port, "/api/v1/entities/" + entity);
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        try (PeerReads peers = new PeerReads(network)) {
            for (String msp : peers.msps()) {
                for (String id : acked) {
                    assertThat(peers.hasInstrument(msp, id))
                            .as("%s on %s", id, msp)
                            .isTrue();
                }
            }
        }
    }

    private Process serve(Path dataDir, Path connection, int port) throws Exception {
        Path jar = Path.of(System.getProperty("metroledger.repo", ".."), "gateway/target/metroledger.jar");
        assertThat(jar).as("run after package").exists();
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(
                        java,
                        "-jar",
                        jar.toString(),
                        "serve",
                        "--backend",
                        "fabric",
                        "--data-dir",
                        dataDir.toString(),
                        "--host",
                        "127.0.0.1",
                        "--port",
                        Integer.toString(port),
                        "--fabric-connection",
                        connection.toString())
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("gateway.log").toFile())
                .start();
        long deadline = System.nanoTime() + START.toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(process.isAlive())
                    .as("gateway exited: %s", Files.readString(dataDir.resolve("gateway.log")))
                    .isTrue();
            try {
                if (get(port, "/health").status() == 200) {
                    return process;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("gateway not ready within " + START);
    }

    private Http.Answer post(int port, String token, String path, Object body) throws IOException {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        JsonObject.mapFrom(body).encode())));
    }

    private Http.Answer get(int port, String path) throws IOException {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .GET());
    }

    private Http.Answer send(HttpRequest.Builder request) throws IOException {
        try {
            HttpResponse<String> answer =
                    client.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
            return new Http.Answer(
                    answer.statusCode(), io.vertx.core.MultiMap.caseInsensitiveMultiMap(), answer.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
