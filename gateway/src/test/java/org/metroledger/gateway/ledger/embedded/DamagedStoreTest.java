package org.metroledger.gateway.ledger.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.metroledger.gateway.cli.MetroLedgerCommand;
import org.metroledger.gateway.e2e.ServedGateway;
import org.metroledger.gateway.failure.ApiCode;
import org.metroledger.gateway.identity.IdentityStore;
import org.metroledger.gateway.ledger.LedgerException;
import org.rocksdb.Options;
import org.rocksdb.RocksDBException;
import org.rocksdb.SstFileReader;
import picocli.CommandLine;

/**
 * The demo store with one byte flipped in every data block of its world-state table: what the
 * gateway and verify-chain make of it.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DamagedStoreTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dataDir;

    private IdentityStore identities;
    private Path stateTable;

    @BeforeEach
    void demo() {
        identities = DemoStore.build(dataDir);
    }

    /**
     * Flips a byte in every data block of the world-state table. Data blocks come first and are
     * over a kilobyte each, compressed: one flip every 1 KiB hits each of them and leaves the index,
     * filter and footer that open reads intact.
     */
    private void damageEveryStateBlock() throws RocksDBException {
        stateTable = stateTable();
        long dataSize;
        try (Options options = new Options();
                SstFileReader reader = new SstFileReader(options)) {
            reader.open(stateTable.toString());
            dataSize = reader.getTableProperties().getDataSize();
        }
        for (long at = 100; at < dataSize; at += 1024) {
            DemoStore.flip(stateTable, at, 0x20);
        }
    }

    @Test
    void the_damaged_read_answers_503_naming_the_table_and_the_gateway_is_no_longer_ready() throws Exception {
        damageEveryStateBlock();
        try (ServedGateway gateway =
                new ServedGateway(dataDir, identities, EmbeddedLedger.open(dataDir, identities, DemoStore.CLOCK))) {
            String base = "http://127.0.0.1:" + gateway.port();

            HttpResponse<String> instrument = get(base + "/api/v1/instruments/BJ-DISP-003");
            assertThat(instrument.statusCode()).as(instrument.body()).isEqualTo(503);
            JsonObject error = new JsonObject(instrument.body()).getJsonObject("error");
            assertThat(error.getString("code")).isEqualTo("STORE_CORRUPTED");
            assertThat(error.getString("message"))
                    .contains(stateTable.toString())
                    .contains("(state, keys ");

            HttpResponse<String> health = get(base + "/health");
            assertThat(health.statusCode()).isEqualTo(503);
            JsonObject status = new JsonObject(health.body());
            assertThat(status.getBoolean("ready")).isFalse();
            assertThat(status.getJsonObject("error").getString("code")).isEqualTo("STORE_CORRUPTED");
            assertThat(status.getJsonObject("error").getString("message")).contains(stateTable.toString());

            // Once damage is seen nothing is answered from the store, whatever part of it is asked.
            HttpResponse<String> verification = get(base + "/api/v1/certificates/VC-SH-SCALE-001/verification");
            assertThat(verification.statusCode()).isEqualTo(503);
        }
    }

    @Test
    void verify_chain_reports_the_damaged_table_as_corrupted_with_its_key_range_and_no_stack_trace()
            throws RocksDBException {
        damageEveryStateBlock();

        String report = oneLineOfErrors("verify-chain", "--data-dir", dataDir.toString());

        assertThat(report)
                .startsWith("chain DAMAGED at the store (CORRUPTED): ")
                .contains(stateTable.toString() + " (state, keys '/Certificate/")
                .contains("checksum mismatch");
    }

    @Test
    void a_damaged_manifest_is_refused_at_open_by_serve_and_by_verify_chain_in_one_line() throws IOException {
        Path manifest;
        try (Stream<Path> files = Files.list(EmbeddedLedger.ledgerDirectory(dataDir))) {
            manifest = files.filter(f -> f.getFileName().toString().startsWith("MANIFEST-"))
                    .findFirst()
                    .orElseThrow();
        }
        DemoStore.flip(manifest, DemoStore.size(manifest) / 2, 0x01);

        assertThatThrownBy(() -> EmbeddedLedger.open(dataDir, identities, DemoStore.CLOCK))
                .isInstanceOfSatisfying(
                        LedgerException.class, e -> assertThat(e.code()).isEqualTo(ApiCode.STORE_CORRUPTED))
                .hasMessageContaining(EmbeddedLedger.ledgerDirectory(dataDir).toString());
        assertThat(oneLineOfErrors("serve", "--data-dir", dataDir.toString(), "--port", "0"))
                .startsWith("not serving: ")
                .contains("Corruption: ")
                .contains(manifest.toString());
        assertThat(oneLineOfErrors("verify-chain", "--data-dir", dataDir.toString()))
                .startsWith("chain DAMAGED at the store (CORRUPTED): ")
                .contains(manifest.toString());
    }

    /** Runs the command, which must fail with exit code 1 and one line on stderr, no stack trace. */
    private static String oneLineOfErrors(String... line) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new CommandLine(new MetroLedgerCommand())
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .execute(line);

        assertThat(code).as(err.toString()).isEqualTo(1);
        assertThat(err.toString().lines()).as(err.toString()).hasSize(1);
        assertThat(err.toString()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(out.toString()).isEmpty();
        return err.toString().strip();
    }

    private Path stateTable() throws RocksDBException {
        List<Path> tables;
        try (Stream<Path> files = Files.list(EmbeddedLedger.ledgerDirectory(dataDir))) {
            tables = files.filter(f -> f.toString().endsWith(".sst")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Path table : tables) {
            try (Options options = new Options();
                    SstFileReader reader = new SstFileReader(options)) {
                reader.open(table.toString());
                String family =
                        new String(reader.getTableProperties().getColumnFamilyName(), StandardCharsets.US_ASCII);
                if (family.equals(LedgerStore.STATE)) {
                    return table;
                }
            }
        }
        throw new IllegalStateException("no table of the state family among " + tables);
    }

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
