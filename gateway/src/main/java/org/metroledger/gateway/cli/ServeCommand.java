package org.metroledger.gateway.cli;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import java.io.PrintWriter;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.metroledger.gateway.auth.TokenBook;
import org.metroledger.gateway.demo.DemoData;
import org.metroledger.gateway.failure.ApiCode;
import org.metroledger.gateway.http.GatewayServices;
import org.metroledger.gateway.http.GatewayVerticle;
import org.metroledger.gateway.identity.IdentityStore;
import org.metroledger.gateway.identity.Member;
import org.metroledger.gateway.identity.NodeOu;
import org.metroledger.gateway.ledger.Ledger;
import org.metroledger.gateway.ledger.LedgerException;
import org.metroledger.gateway.ledger.embedded.EmbeddedLedger;
import org.metroledger.gateway.ledger.fabric.Deadlines;
import org.metroledger.gateway.ledger.fabric.FabricCas;
import org.metroledger.gateway.ledger.fabric.FabricLedger;
import org.metroledger.gateway.ledger.fabric.FabricNetwork;
import org.metroledger.gateway.supervision.TallyCompactor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Runs the gateway over the chosen ledger backend until the process is stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Run the HTTP gateway.")
final class ServeCommand implements Callable<Integer> {
    private static final System.Logger LOG = System.getLogger(ServeCommand.class.getName());

    @Spec
    CommandSpec spec;

    /** Set while serving, so main does not exit the JVM under the server. */
    static final AtomicBoolean SERVING = new AtomicBoolean();

    /** The ledger backends serve can run on. */
    enum Backend {
        embedded,
        fabric
    }

    @Option(
            names = "--data-dir",
            defaultValue = "${env:METROLEDGER_DATA_DIR:-data}",
            description = "ledger, identities and tokens (env METROLEDGER_DATA_DIR; default: ${DEFAULT-VALUE})")
    Path dataDir;

    @Option(
            names = "--port",
            defaultValue = "${env:METROLEDGER_PORT:-8080}",
            description = "HTTP port (env METROLEDGER_PORT; default: ${DEFAULT-VALUE})")
    int port;

    @Option(
            names = "--host",
            defaultValue = "${env:METROLEDGER_HOST:-0.0.0.0}",
            description = "address to listen on (env METROLEDGER_HOST; default: ${DEFAULT-VALUE})")
    String host;

    @Option(
            names = "--backend",
            defaultValue = "${env:METROLEDGER_BACKEND:-embedded}",
            description =
                    "ledger backend: ${COMPLETION-CANDIDATES} (env METROLEDGER_BACKEND; default: ${DEFAULT-VALUE})")
    Backend backend;

    @Option(
            names = "--demo",
            defaultValue = "${env:METROLEDGER_DEMO:-false}",
            description = "on an empty ledger, create the demo regions, labs, entities, instruments and"
                    + " certificates and write <data-dir>/demo-credentials.json (env METROLEDGER_DEMO)")
    boolean demo;

    @Option(
            names = "--public-base-url",
            defaultValue = "${env:METROLEDGER_PUBLIC_BASE_URL:-}",
            description = "where consumers reach this gateway, for QR codes (env METROLEDGER_PUBLIC_BASE_URL;"
                    + " default: http://localhost:<port>)")
    String publicBaseUrl;

    @Option(
            names = "--fabric-connection",
            defaultValue = "${env:METROLEDGER_FABRIC_CONNECTION:-.network/gateway-connection.json}",
            description = "with --backend fabric: the connection file scripts/network.sh up writes"
                    + " (env METROLEDGER_FABRIC_CONNECTION; default: ${DEFAULT-VALUE})")
    Path fabricConnection;

    @Option(
            names = "--debug",
            defaultValue = "${env:METROLEDGER_DEBUG:-false}",
            description = "log details: the gateway's debug messages and the Fabric shim's INFO logging, which"
                    + " is otherwise silenced (env METROLEDGER_DEBUG)")
    boolean debug;

    @Option(
            names = "--compact-every",
            defaultValue = "${env:METROLEDGER_COMPACT_EVERY:-PT1H}",
            description = "how often to fold the indicator tallies' delta rows of past days into totals, as an"
                    + " ISO-8601 duration; PT0S for never (env METROLEDGER_COMPACT_EVERY; default: ${DEFAULT-VALUE})")
    Duration compactEvery;

    @Override
    public Integer call() throws Exception {
        ServeLogging.configure(debug);
        Files.createDirectories(dataDir);
        Clock clock = Clock.systemUTC();
        IdentityStore identities;
        Ledger ledger;
        if (backend == Backend.fabric) {
            FabricNetwork network = FabricNetwork.read(fabricConnection);
            // Members the gateway enrols come from their organisation's Fabric CA.
            identities = FabricCas.wallet(dataDir, network);
            ledger = FabricLedger.connect(
                    network,
                    identities.findOrIssue(IdentityStore.NORTH, "gateway", NodeOu.CLIENT),
                    Deadlines.standard());
        } else {
            identities = IdentityStore.open(dataDir, clock);
            try {
                ledger = EmbeddedLedger.open(dataDir, identities, clock);
            } catch (LedgerException e) {
                if (e.code() != ApiCode.STORE_CORRUPTED) {
                    throw e;
                }
                spec.commandLine().getErr().println("not serving: " + e.getMessage());
                return 1;
            }
        }
        String baseUrl = publicBaseUrl == null || publicBaseUrl.isBlank()
                ? "http://localhost:" + port
                : publicBaseUrl.replaceAll("/+$", "");
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        GatewayServices services = GatewayServices.open(ledger, identities, registry, baseUrl, dataDir);
        if (demo) {
            createDemo(services, clock);
        }
        Vertx vertx = GatewayVerticle.vertxWithMetrics(registry);
        GatewayVerticle verticle = new GatewayVerticle(services, host, port);
        try {
            vertx.deployVerticle(verticle)
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            vertx.close();
            ledger.close();
            throw e;
        }
        if (!compactEvery.isZero() && !compactEvery.isNegative()) {
            // The bootstrap admin OU of the gateway's region is a centre admin, whom Compact requires.
            Member compactor = identities.findOrIssue(IdentityStore.NORTH, "indicator-compactor", NodeOu.ADMIN);
            new TallyCompactor(services.contracts().indicators(), compactor, clock).schedule(vertx, compactEvery);
        }
        summarise(services, verticle.actualPort());
        CountDownLatch stopped = new CountDownLatch(1);
        SERVING.set(true);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                System.err.println("stopping the HTTP server: " + e);
            }
            ledger.close();
            stopped.countDown();
        }));
        stopped.await();
        return 0;
    }

    /** On an empty ledger, the demo world and its users' tokens; on one with records, nothing. */
    private void createDemo(GatewayServices services, Clock clock) {
        if (!DemoData.wanted(services.contracts(), services.publicReader())) {
            LOG.log(Level.DEBUG, "the ledger holds MetroLedger records already; demo data is not created again");
            return;
        }
        System.out.println("creating the demo data in " + dataDir + " ...");
        DemoData.create(
                services.contracts(),
                services.wallet(),
                services.tokens(),
                dataDir,
                clock.instant(),
                DemoData.Extent.WITH_PROVINCES);
    }

    /**
     * The start-up summary: where the gateway answers, on which ledger, and where the demo users'
     * tokens are; the rest at debug level.
     */
    private void summarise(GatewayServices services, int actualPort) {
        Ledger ledger = services.ledger();
        PrintWriter out = spec.commandLine().getOut();
        out.println("MetroLedger gateway on " + services.publicBaseUrl() + " (" + ledger.backend()
                + " ledger at height " + ledger.height() + ")");
        Path credentials = dataDir.resolve(DemoData.CREDENTIALS);
        if (Files.isRegularFile(credentials)) {
            out.println("demo users and their bearer tokens: " + credentials);
        }
        out.flush();
        LOG.log(Level.DEBUG, () -> "listening on " + host + ":" + actualPort + ", data directory " + dataDir);
        LOG.log(
                Level.DEBUG,
                () -> "API tokens expire " + TokenBook.DEFAULT_LIFETIME.toDays()
                        + " days after issue; revoke one with: metroledger revoke-token --data-dir " + dataDir
                        + " --token -   (reads it from stdin), or all of a user's with --holder MSP/NAME");
    }
}
