package org.metroledger.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.metroledger.gateway.ledger.fabric.FabricNetwork;

/**
 * The processes of the network {@code scripts/network.sh up} started, stopped and started again
 * through that script, as an operator would, so the fault tests exercise the same commands.
 */
final class FabricNodes {
    private final Path repo;
    private final Path runDir;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    FabricNodes(FabricNetwork network) {
        this.repo = Path.of(System.getProperty("metroledger.repo", ".."))
                .toAbsolutePath()
                .normalize();
        this.runDir = Path.of(network.runDir());
    }

    void stop(String node) {
        script("stop-node", node);
    }

    void start(String node) {
        script("start-node", node);
    }

    /** Kills a process at once (SIGKILL), as a crash would, leaving its definition to start it again. */
    void kill(String node) {
        try {
            long pid = Long.parseLong(
                    Files.readString(runDir.resolve("nodes").resolve(node).resolve("pid"))
                            .trim());
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            ProcessHandle.of(pid)
                    .ifPresent(p -> p.onExit().orTimeout(10, TimeUnit.SECONDS).join());
        } catch (IOException e) {
            throw new IllegalStateException("no pid file for " + node, e);
        }
    }

    /** The orderer that Raft elected leader of the channel, read from the orderers' metrics. */
    Optional<String> leaderOrderer(List<String> orderers) {
        for (String orderer : orderers) {
            Optional<String> metrics = metrics(orderer);
            if (metrics.isPresent()
                    && metrics.get()
                            .lines()
                            .anyMatch(l -> l.startsWith("consensus_etcdraft_is_leader{")
                                    && l.trim().endsWith(" 1"))) {
                return Optional.of(orderer);
            }
        }
        return Optional.empty();
    }

    /** Waits until some orderer of those given is leader; answers it. */
    String awaitLeader(List<String> orderers, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<String> leader = leaderOrderer(orderers);
            if (leader.isPresent()) {
                return leader.get();
            }
            sleep(Duration.ofMillis(500));
        }
        throw new AssertionError("no Raft leader among " + orderers + " within " + within);
    }

    private Optional<String> metrics(String orderer) {
        try {
            String address = env(orderer, "ORDERER_OPERATIONS_LISTENADDRESS");
            HttpResponse<String> answer = http.send(
                    HttpRequest.newBuilder(URI.create("http://" + address + "/metrics"))
                            .timeout(Duration.ofSeconds(2))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return answer.statusCode() == 200 ? Optional.of(answer.body()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** One variable of a node's environment file (written by network.sh). */
    private String env(String node, String name) throws IOException {
        for (String line :
                Files.readAllLines(runDir.resolve("nodes").resolve(node).resolve("env"))) {
            if (line.startsWith(name + "=")) {
                return line.substring(name.length() + 1);
            }
        }
        throw new IOException(node + " has no " + name);
    }

    private void script(String... args) {
        List<String> command =
                new ArrayList<>(List.of(repo.resolve("scripts/network.sh").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("METROLEDGER_NETWORK_DIR", runDir.toString());
        try {
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(120, TimeUnit.SECONDS))
                    .as("network.sh %s", String.join(" ", args))
                    .isTrue();
            assertThat(process.exitValue())
                    .as("network.sh %s: %s", String.join(" ", args), output)
                    .isZero();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run network.sh", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
