package org.metroledger.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.metroledger.gateway.document.DocumentDigest;

/**
 * A laboratory's batch: 5,000 certificates from one CSV file through {@code issue --csv}, some rows
 * bad. The good ones issue, each bad one is reported with its line and reason, and a rerun issues
 * nothing twice.
 */
class BatchIssueScenarioTest extends Scenario {
    private static final int ROWS = 5_000;
    /** The row naming an instrument that is not registered. */
    private static final int UNKNOWN_SUBJECT = 4_505;
    /** Bad rows by line number (the header is line 1) and the reason the report must give. */
    private static final Map<Integer, String> BAD = new TreeMap<>(Map.of(
            101,
            "method is required",
            1_202,
            "performedFrom",
            2_303,
            "value",
            3_404,
            "conformity",
            UNKNOWN_SUBJECT,
            "Instrument .[^ ]*no-such-instrument. does not exist"));

    private HttpWorld world;
    private String sensor;

    @Override
    void prepare() {
        world = registerWorld();
        sensor = id("batch-sensor");
        HttpWorld.created(http.post(
                "/api/v1/instruments",
                token(Cast.NORTH_ENTITY),
                world.instrument(sensor, world.entityNorth, "temperature")));
    }

    @Test
    void five_thousand_rows_issue_once_with_every_bad_row_reported_by_line() throws Exception {
        Path work = Files.createDirectories(dataDir.resolve("batch"));
        Path key = Files.write(work.resolve("lab.pem"), HttpWorld.privateKeyPem(world.northLabKey.getPrivate()));
        Path csv = Files.write(work.resolve("certificates.csv"), csv().getBytes(StandardCharsets.UTF_8));
        String base = "http://" + deployment.host() + ":" + deployment.port();

        long started = System.nanoTime();
        CommandRun first = CommandRun.against(
                base, token(Cast.NORTH_LAB), "issue", "--csv", csv, "--lab", world.labNorth, "--key", key);
        double seconds = (System.nanoTime() - started) / 1e9;
        // The rate goes to the test log for docs/BENCHMARKS.md; it is not asserted (shared machines).
        System.out.printf(
                "batch issue: %d certificates in %.1f s = %.0f/s%n",
                ROWS - BAD.size(), seconds, (ROWS - BAD.size()) / seconds);

        assertThat(first.code()).as(first.err().toString()).isEqualTo(1);
        assertThat(first.out()).contains("issued " + (ROWS - BAD.size()) + ", skipped 0, failed " + BAD.size());
        for (Map.Entry<Integer, String> bad : BAD.entrySet()) {
            assertThat(first.out())
                    .containsPattern(
                            "failed line " + bad.getKey() + " \\(" + rowId(bad.getKey()) + "\\): .*" + bad.getValue());
        }
        Http.Answer last = http.get("/api/v1/certificates/" + rowId(ROWS + 1), null);
        assertThat(last.status()).isEqualTo(200);
        assertThat(last.json().getString("documentDigest")).isEqualTo(digest(ROWS + 1));
        assertThat(http.get("/api/v1/certificates/" + rowId(101), null).status())
                .isEqualTo(404);

        long heightBefore = height();
        CommandRun again = CommandRun.against(
                base, token(Cast.NORTH_LAB), "issue", "--csv", csv, "--lab", world.labNorth, "--key", key);

        assertThat(again.out()).contains("issued 0, skipped " + (ROWS - BAD.size()) + ", failed " + BAD.size());
        assertThat(height()).as("a rerun commits nothing").isEqualTo(heightBefore);
    }

    private String csv() {
        StringBuilder csv = new StringBuilder("id,kind,subject,method,performedFrom,performedTo,issuedAt,validUntil,"
                + "location,conformity,decisionRule,signatory,documentDigest,quantity,value,unit,expandedUncertainty,"
                + "coverageFactor\n");
        for (int line = 2; line <= ROWS + 1; line++) {
            String reason = BAD.get(line);
            String method = "method is required".equals(reason) ? "" : "JJF 1171-2007";
            String from = "performedFrom".equals(reason) ? "yesterday" : world.daysAgo(2, 8);
            String value = "value".equals(reason) ? "twenty" : "20." + (line % 100);
            // Verifications: the lab's authorisation admits every row, where each calibration would
            // need an engagement of its own by the sensor's owner.
            String conformity = "conformity".equals(reason) ? "MAYBE" : "PASS";
            String subject = line == UNKNOWN_SUBJECT ? id("no-such-instrument") : sensor;
            csv.append(String.join(
                            ",",
                            rowId(line),
                            "VERIFICATION",
                            subject,
                            method,
                            from,
                            world.daysAgo(2, 10),
                            world.daysAgo(1, 0),
                            world.daysAgo(-365, 0),
                            "Lab hall 2",
                            conformity,
                            "JJF 1171-2007 acceptance",
                            "Li Wei",
                            digest(line),
                            "Temperature",
                            value,
                            "\\degreecelsius",
                            "0.05",
                            "2"))
                    .append('\n');
        }
        return csv.toString();
    }

    private String rowId(int line) {
        return id(String.format("B-%05d", line));
    }

    private String digest(int line) {
        return DocumentDigest.of(("report of " + rowId(line)).getBytes(StandardCharsets.UTF_8));
    }
}
