package org.metroledger.gateway.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The start-up of {@code metroledger serve} on a data directory, as an operator starts it: a JVM of
 * its own on the bench's classpath, timed from its launch to its "MetroLedger gateway on" line (the
 * ledger open, its tail checked, the HTTP server listening), then stopped as an operator stops it
 * (SIGTERM: the store is flushed and closed).
 */
final class ServeStartup {
    private static final String READY = "MetroLedger gateway on";

    private ServeStartup() {}

    /** One line: the seconds to ready, the ledger line serve printed, and the load average before. */
    static String measure(Path dataDir) throws IOException, InterruptedException {
        String loadBefore = GatewayBench.loadAverage();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "org.metroledger.gateway.cli.MetroLedgerCommand",
                "serve",
                "--data-dir",
                dataDir.toString(),
                "--host",
                "127.0.0.1",
                "--port",
                "0"));
        long began = System.nanoTime();
        Process serve = new ProcessBuilder(command).redirectErrorStream(true).start();
        String ready = null;
        List<String> output = new ArrayList<>();
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith(READY)) {
                    ready = line;
                    break;
                }
                output.add(line);
            }
            double seconds = (System.nanoTime() - began) / 1e9;
            serve.destroy();
            if (!serve.waitFor(60, TimeUnit.SECONDS)) {
                serve.destroyForcibly();
            }
            if (ready == null) {
                throw new IllegalStateException("serve stopped before it was ready: " + String.join("\n", output));
            }
            return String.format(
                    "serve start-up to ready: %.2f s (%s)  load avg before %s", seconds, ready, loadBefore);
        } finally {
            serve.destroyForcibly();
        }
    }
}
