package org.metroledger.gateway.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.metroledger.gateway.cli.MetroLedgerCommand;
import picocli.CommandLine;

/**
 * A lab's batch through the CLI as a lab runs it ({@code metroledger issue --csv}, its defaults:
 * batches of 200 to POST /api/v1/certificates/batch, 4 in flight), in the bench's JVM against the
 * bench's gateway: rows over many instruments, so batches in flight do not wait on each other.
 */
final class LabCsv {
    private static final int WARM_UP_ROWS = 1_000;

    private LabCsv() {}

    /** What one batch run took. */
    record Outcome(int certificates, double seconds, double cpuMillisPerCertificate, String loadBefore) {
        double perSecond() {
            return certificates / seconds;
        }

        String line() {
            return String.format(
                    "issue --csv (batches of 200, 4 in flight)  %,d certificates in %.1f s = %.0f /s  CPU %.3f ms/certificate"
                            + "  load avg before %s",
                    certificates, seconds, perSecond(), cpuMillisPerCertificate, loadBefore);
        }
    }

    /** A first, smaller file, so that the measured run does not pay for loading the CLI's classes. */
    static void warmUp(BenchWorld world, int port, Path dataDir) throws IOException {
        run(world, port, dataDir, "VC-CSV-WARM-", WARM_UP_ROWS);
    }

    /** Issues {@code rows} new certificates from one CSV file; fails unless every row is issued. */
    static Outcome run(BenchWorld world, int port, Path dataDir, String prefix, int rows) throws IOException {
        Path work = Files.createDirectories(dataDir.resolve("lab-csv"));
        Path key = Files.write(work.resolve("lab.pem"), world.labKeyPem());
        Path csv = Files.writeString(work.resolve(prefix + "certificates.csv"), world.csv(prefix, rows));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new MetroLedgerCommand())
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true));
        String loadBefore = GatewayBench.loadAverage();
        long cpu = GatewayBench.processCpuNanos();
        long began = System.nanoTime();
        int code = cli.execute(
                "issue",
                "--url",
                "http://127.0.0.1:" + port,
                "--token",
                world.labToken,
                "--csv",
                csv.toString(),
                "--lab",
                world.lab(),
                "--key",
                key.toString());
        double seconds = (System.nanoTime() - began) / 1e9;
        double cpuMillis = (GatewayBench.processCpuNanos() - cpu) / 1e6 / rows;
        if (code != 0 || !out.toString().contains("issued " + rows + ", skipped 0, failed 0")) {
            throw new IllegalStateException("issue --csv did not issue every row (exit " + code + "): " + out + err);
        }
        return new Outcome(rows, seconds, cpuMillis, loadBefore);
    }
}
