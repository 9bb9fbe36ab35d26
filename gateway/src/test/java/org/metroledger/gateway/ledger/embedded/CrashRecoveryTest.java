package org.metroledger.gateway.ledger.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.metroledger.gateway.identity.IdentityStore;
import org.metroledger.gateway.ledger.BlockSummary;

/** Kills a writing JVM with SIGKILL mid-stream and checks that nothing it acknowledged is lost. */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class CrashRecoveryTest {
    /** Acknowledgements to see before the kill; the writer keeps going past this. */
    private static final int ACKS_BEFORE_KILL = 400;

    private static final String END = "\u0000end";

    /**
     * Kills, each into a fresh store: one in every build; {@code -Dmetroledger.crashRuns=20} for
     * the figure the hardening issue asks for (docs/EMBEDDED_LEDGER.md).
     */
    private static final int RUNS = Integer.getInteger("metroledger.crashRuns", 1);

    @TempDir
    Path runs;

    @TestFactory
    Stream<DynamicTest> every_acknowledged_write_survives_a_kill_and_the_chain_verifies() {
        return IntStream.rangeClosed(1, RUNS)
                .mapToObj(run -> DynamicTest.dynamicTest(
                        "kill " + run + " of " + RUNS, () -> killDuringWrites(runs.resolve("run-" + run))));
    }

    private void killDuringWrites(Path dataDir) throws Exception {
        java.nio.file.Files.createDirectories(dataDir);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process writer = new ProcessBuilder(
                        java.toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        CrashingWriter.class.getName(),
                        dataDir.toString())
                .redirectError(dataDir.resolve("writer.err").toFile())
                .start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> readLines(writer, lines), "writer-stdout");
        reader.start();
        List<String> acknowledged = new ArrayList<>();
        try {
            assertThat(lines.poll(200, TimeUnit.SECONDS)).as("writer ready").isEqualTo(CrashingWriter.READY);
            while (acknowledged.size() < ACKS_BEFORE_KILL) {
                String line = lines.poll(60, TimeUnit.SECONDS);
                assertThat(line)
                        .as("acknowledgement " + acknowledged.size())
                        .isNotNull()
                        .isNotEqualTo(END);
                acknowledged.add(line.substring(CrashingWriter.ACK.length()));
            }
        } finally {
            writer.destroyForcibly();
            assertThat(writer.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        // Whatever the writer printed before it died was acknowledged too.
        for (String line = lines.poll(30, TimeUnit.SECONDS); line != null && !line.equals(END); ) {
            acknowledged.add(line.substring(CrashingWriter.ACK.length()));
            line = lines.poll(30, TimeUnit.SECONDS);
        }
        reader.join(TimeUnit.SECONDS.toMillis(30));

        IdentityStore identities = IdentityStore.open(dataDir, new TickingClock(Instant.EPOCH));
        try (EmbeddedLedger ledger = EmbeddedLedger.open(dataDir, identities, new TickingClock(Instant.EPOCH))) {
            for (String txId : acknowledged) {
                Optional<Long> block = Registry.await(ledger.blockNumberOf(txId));
                assertThat(block).as("block of acknowledged " + txId).isPresent();
                BlockSummary summary = Registry.await(ledger.block(block.get())).orElseThrow();
                assertThat(summary.transactions())
                        .filteredOn(tx -> tx.txId().equals(txId))
                        .singleElement()
                        .satisfies(tx -> assertThat(tx.validationCode()).isEqualTo("VALID"));
            }
        }
        ChainReport report = ChainVerifier.verify(dataDir);
        assertThat(report.ok()).as(report.summary()).isTrue();
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(ACKS_BEFORE_KILL);
        System.out.printf(
                "crash run %s: %d acknowledged before the kill, all committed%n",
                dataDir.getFileName(), acknowledged.size());
    }

    private static void readLines(Process process, BlockingQueue<String> lines) {
        try (BufferedReader in =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lines.add(line);
            }
        } catch (IOException e) {
            // The stream breaks when the process is killed; what was read is what counts.
        } finally {
            lines.add(END);
        }
    }
}
