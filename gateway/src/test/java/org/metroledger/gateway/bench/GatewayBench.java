package org.metroledger.gateway.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.metroledger.chaincode.json.Canonical;
import org.metroledger.gateway.auth.TokenBook;
import org.metroledger.gateway.e2e.Namespace;
import org.metroledger.gateway.http.GatewayServices;
import org.metroledger.gateway.http.GatewayVerticle;
import org.metroledger.gateway.identity.IdentityStore;
import org.metroledger.gateway.identity.NodeOu;
import org.metroledger.gateway.ledger.embedded.EmbeddedLedger;

/**
 * The gateway benchmark (scripts/bench.sh): in one run, on loopback, measures (1) the ceiling of the
 * HTTP stack, a bare Vert.x route answering a fixed JSON; (2) certificate verifications per second
 * through the gateway on the embedded ledger; (3) committed certificate issuances per second, from
 * requests signed before the clock starts. Every phase is bounded in time and request count.
 *
 * <p>Arguments, as {@code name=value}: {@code seconds} (measured per phase, default 15), {@code
 * warmup} (seconds, default 10), {@code inFlight} (requests outstanding, default 128), {@code
 * connections} (default 128), {@code pipelining} (per connection, default 1: phones and browsers do
 * not pipeline), {@code certificates}
 * (in the world, default 300), {@code instruments} (default: as many as certificates), {@code
 * issuances} (pre-signed requests, default 60000), {@code csvRows} (after the issuances, a lab's CSV
 * of that many rows through {@code issue --csv}, default 8000, 0 for none), {@code scales} (e.g.
 * {@code 10000,100000,1000000}: after the phases above, a world of each size is loaded in turn and
 * its serve start-up, verification and indicator latencies measured, with {@code scaleInFlight}
 * requests in flight, default 32; {@code scalePerInstrument} certificates per instrument, default
 * the main world's ratio), {@code only=fresh} (the fresh verifications phase alone, see {@link
 * #freshOnly}; with {@code scales}, each scale step measures its fresh verifications and nothing
 * else after serve's start-up).
 */
public final class GatewayBench {
    private static final Buffer FIXED = Buffer.buffer("{\"status\":\"UP\",\"ledger\":{\"backend\":\"none\"}}");

    /** Requests in flight of the lab that keeps issuing while consumers verify. */
    private static final int WRITERS = 8;

    private static final int MIXED_ISSUANCES = 20_000;

    /** Delta rows one compaction transaction folds, at most. */
    private static final int COMPACTION = 50_000;

    /** The warm-up of each measured phase of a scale step, after the step's first warm-up. */
    private static final Duration PHASE_WARMUP = Duration.ofSeconds(3);

    /** What a dashboard asks, in turn: the whole country, one region, one region's category. */
    private static final List<String> INDICATOR_QUERIES =
            List.of("", "?region=" + IdentityStore.NORTH, "?region=" + IdentityStore.EAST + "&months=12");

    private final Map<String, String> settings;

    private GatewayBench(Map<String, String> settings) {
        this.settings = settings;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> settings = new HashMap<>();
        for (String arg : args) {
            String[] pair = arg.split("=", 2);
            if (pair.length != 2) {
                throw new IllegalArgumentException("arguments are name=value, not " + arg);
            }
            settings.put(pair[0], pair[1]);
        }
        if ("fabric".equals(settings.remove("backend"))) {
            new FabricBench(settings).run();
        } else {
            new GatewayBench(settings).run();
        }
        // Vert.x and RocksDB threads are stopped; nothing else should keep the JVM.
        System.exit(0);
    }

    private int setting(String name, int fallback) {
        return Integer.parseInt(settings.getOrDefault(name, Integer.toString(fallback)));
    }

    private void run() throws Exception {
        Duration measured = Duration.ofSeconds(setting("seconds", 15));
        Duration warmup = Duration.ofSeconds(setting("warmup", 10));
        int inFlight = setting("inFlight", 128);
        int connections = setting("connections", 128);
        int pipelining = setting("pipelining", 1);
        int certificates = setting("certificates", 300);
        int issuances = setting("issuances", 60_000);
        // Bounds the phases that have no natural count (ceiling, verifications), beside the time limit.
        int cap = 20_000_000;
        System.out.printf(
                "machine: %d cores, %s %s, %s; load average %s%n",
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name"),
                System.getProperty("java.version"),
                System.getProperty("os.arch"),
                loadAverage());
        System.out.printf(
                "load: %d in flight over %d keep-alive connections, pipelining %d; warm-up %d s, measured %d s%n",
                inFlight, connections, pipelining, warmup.toSeconds(), measured.toSeconds());

        if ("fresh".equals(settings.get("only"))) {
            freshOnly(measured, warmup, inFlight, connections, pipelining, certificates);
            for (int scale : scales()) {
                atScale(scale, measured, warmup);
            }
            return;
        }
        Path dataDir = Files.createTempDirectory("metroledger-bench");
        Vertx bare = Vertx.vertx();
        try {
            int ceilingPort = bareServer(bare);
            HttpLoad.Outcome ceiling;
            try (HttpLoad load = new HttpLoad(ceilingPort, connections, pipelining)) {
                load.run("warm-up", i -> HttpLoad.Call.get("/ceiling"), 200, inFlight, warmup, cap);
                ceiling = measure(
                        load,
                        "ceiling (bare Vert.x route)",
                        i -> HttpLoad.Call.get("/ceiling"),
                        200,
                        inFlight,
                        measured,
                        cap);
            }
            await(bare.close());

            Clock clock = Clock.systemUTC();
            IdentityStore identities = IdentityStore.open(dataDir, clock);
            TokenBook tokens = TokenBook.open(dataDir);
            BenchWorld world = load(dataDir, identities, tokens, shape(certificates), clock.instant());
            try (EmbeddedLedger ledger = EmbeddedLedger.open(dataDir, identities, clock)) {
                long began = System.nanoTime();
                int warmIssuances = Math.min(issuances / 4, 5_000);
                List<String> warmRequests = world.signedIssuances("VC-W-", warmIssuances);
                List<String> requests = world.signedIssuances("VC-B-", issuances);
                List<String> mixedRequests = world.signedIssuances("VC-M-", MIXED_ISSUANCES);
                System.out.printf(
                        "signed %d issuance requests before the clock started, in %.1f s%n",
                        warmIssuances + issuances + MIXED_ISSUANCES, (System.nanoTime() - began) / 1e9);

                PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
                Vertx vertx = GatewayVerticle.vertxWithMetrics(registry);
                GatewayVerticle gateway = served(vertx, registry, ledger, identities, tokens, dataDir);
                try (HttpLoad load = new HttpLoad(gateway.actualPort(), connections, pipelining)) {
                    List<String> ids = world.certificateIds();
                    load.run("warm-up", i -> verification(ids, i), 200, inFlight, warmup, cap);
                    HttpLoad.Outcome verifications = measure(
                            load,
                            "verifications (GET .../verification)",
                            i -> verification(ids, i),
                            200,
                            inFlight,
                            measured,
                            cap);
                    freshVerifications(load, ids, clock.instant(), inFlight, measured);
                    String token = world.labToken;
                    load.run(
                            "warm-up",
                            i -> HttpLoad.Call.post("/api/v1/certificates", token, warmRequests.get(i)),
                            201,
                            inFlight,
                            warmup,
                            warmIssuances);
                    // Verifications while a lab keeps issuing: every commit changes the ledger
                    // height, so no verification answer read before it may be reused after it.
                    HttpLoad.Outcome[] background = new HttpLoad.Outcome[1];
                    try (HttpLoad writes = new HttpLoad(gateway.actualPort(), WRITERS, 1)) {
                        Thread writer = new Thread(() -> background[0] = writes.runUnchecked(
                                "  with issuances alongside (201)",
                                i -> HttpLoad.Call.post("/api/v1/certificates", token, mixedRequests.get(i)),
                                201,
                                WRITERS,
                                measured,
                                mixedRequests.size()));
                        writer.start();
                        measure(
                                load,
                                "verifications while issuing",
                                i -> verification(ids, i),
                                200,
                                inFlight,
                                measured,
                                cap);
                        writer.join();
                    }
                    System.out.println(background[0].line());
                    long heightBefore = ledger.height();
                    HttpLoad.Outcome issued = measure(
                            load,
                            "issuances (POST /certificates, 201)",
                            i -> HttpLoad.Call.post("/api/v1/certificates", token, requests.get(i)),
                            201,
                            inFlight,
                            measured,
                            issuances);
                    long blocks = ledger.height() - heightBefore;
                    System.out.printf(
                            "issuances were committed in %d blocks (%.1f transactions per block)%n",
                            blocks, blocks == 0 ? 0.0 : (double) issued.ok() / blocks);
                    int csvRows = setting("csvRows", 8_000);
                    if (csvRows > 0) {
                        LabCsv.warmUp(world, gateway.actualPort(), dataDir);
                        LabCsv.Outcome csv = LabCsv.run(world, gateway.actualPort(), dataDir, "VC-CSV-", csvRows);
                        System.out.printf(
                                "%s = %.2f x the committed issuances above%n",
                                csv.line(), csv.perSecond() / issued.perSecond());
                    }
                    System.out.printf(
                            "%nverification / ceiling = %.0f %%; committed issuances %.0f /s; load average %s%n",
                            100 * verifications.perSecond() / ceiling.perSecond(), issued.perSecond(), loadAverage());
                } finally {
                    await(vertx.close());
                }
            }
        } finally {
            delete(dataDir);
        }
        for (int scale : scales()) {
            atScale(scale, measured, warmup);
        }
    }

    /**
     * {@code only=fresh}: the fresh verifications phase alone, for profiling a chaincode evaluation
     * (issue 14 item 2). An {@code ?at=} request is never answered from the gateway's reuse, so
     * every one runs certificate:Verify in a simulated proposal; the chaincode's own caches of
     * unchanged content stay warm, as on a serving peer.
     */
    private void freshOnly(
            Duration measured, Duration warmup, int inFlight, int connections, int pipelining, int certificates)
            throws Exception {
        Path dataDir = Files.createTempDirectory("metroledger-bench");
        try {
            Clock clock = Clock.systemUTC();
            IdentityStore identities = IdentityStore.open(dataDir, clock);
            TokenBook tokens = TokenBook.open(dataDir);
            BenchWorld world = load(dataDir, identities, tokens, shape(certificates), clock.instant());
            try (EmbeddedLedger ledger = EmbeddedLedger.open(dataDir, identities, clock)) {
                PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
                Vertx vertx = GatewayVerticle.vertxWithMetrics(registry);
                GatewayVerticle gateway = served(vertx, registry, ledger, identities, tokens, dataDir);
                try (HttpLoad load = new HttpLoad(gateway.actualPort(), connections, pipelining)) {
                    List<String> ids = world.certificateIds();
                    load.run(
                            "warm-up",
                            i -> freshVerification(ids, i, clock.instant().truncatedTo(ChronoUnit.SECONDS)),
                            200,
                            inFlight,
                            warmup,
                            cap());
                    freshVerifications(load, ids, clock.instant(), inFlight, measured);
                } finally {
                    await(vertx.close());
                }
            }
        } finally {
            delete(dataDir);
        }
    }

    /** The measured phase of verifications as of one instant ({@code ?at=}), each run by the chaincode. */
    private static void freshVerifications(
            HttpLoad load, List<String> ids, Instant now, int inFlight, Duration measured) throws Exception {
        Instant at = now.truncatedTo(ChronoUnit.SECONDS);
        measure(
                load,
                "fresh verifications (?at=, no reuse)",
                i -> freshVerification(ids, i, at),
                200,
                inFlight,
                measured,
                cap());
    }

    /** The world's shape for {@code certificates}: instruments in the ratio the settings give. */
    private BenchWorld.Shape shape(int certificates) {
        int all = setting("certificates", 300);
        long instruments = (long) certificates * setting("instruments", all) / all;
        return new BenchWorld.Shape(certificates, (int) Math.max(1, instruments));
    }

    /** A scale world's shape: {@code scalePerInstrument} certificates per instrument, else the main world's ratio. */
    private BenchWorld.Shape scaleShape(int certificates) {
        String perInstrument = settings.get("scalePerInstrument");
        return perInstrument == null
                ? shape(certificates)
                : new BenchWorld.Shape(certificates, Math.max(1, certificates / Integer.parseInt(perInstrument)));
    }

    private List<Integer> scales() {
        String list = settings.getOrDefault("scales", "");
        return list.isBlank()
                ? List.of()
                : Stream.of(list.split(","))
                        .map(String::trim)
                        .map(Integer::parseInt)
                        .toList();
    }

    /** Builds the world with the bulk loader, closes it and prints what it took. */
    private static BenchWorld load(
            Path dataDir, IdentityStore identities, TokenBook tokens, BenchWorld.Shape shape, Instant now)
            throws IOException {
        long began = System.nanoTime();
        long cpu = processCpuNanos();
        BenchWorld world;
        long transactions;
        try (BulkLoader loader = BulkLoader.open(dataDir, identities, BenchWorld.start(now))) {
            world = BenchWorld.build(loader, identities, tokens, shape, now, Namespace.fresh());
            loader.await();
            transactions = loader.committed();
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        System.out.printf(
                "world: %,d certificates of %,d instruments (3 regions, %d categories, 3-link chains) loaded in %.1f s:"
                        + " %,d transactions, %.0f tx/s, CPU %.3f ms/tx; load average %s%n",
                shape.certificates(),
                shape.instruments(),
                BenchWorld.CATEGORIES,
                seconds,
                transactions,
                transactions / seconds,
                (processCpuNanos() - cpu) / 1e6 / Math.max(1, transactions),
                loadAverage());
        long bytes = bytesUnder(dataDir);
        System.out.printf(
                "world on disk: %,d bytes (%,d per certificate, registrations included); heap after a full GC %,d MB%n",
                bytes, bytes / shape.certificates(), heapAfterFullGc() >> 20);
        return world;
    }

    /**
     * One step of the scale series: a world of {@code certificates} in a directory of its own, the
     * start-up of {@code serve} on it (a separate JVM, to its "gateway on" line), then fresh
     * verifications ({@code ?at=}, so every one runs the chaincode) and consumers' verifications of
     * certificates drawn uniformly from the whole world, disk and heap.
     */
    private void atScale(int certificates, Duration measured, Duration warmup) throws Exception {
        int inFlight = setting("scaleInFlight", 32);
        System.out.printf("%nscale %,d certificates; load average %s%n", certificates, loadAverage());
        Path dataDir = Files.createTempDirectory("metroledger-scale");
        try {
            Clock clock = Clock.systemUTC();
            IdentityStore identities = IdentityStore.open(dataDir, clock);
            TokenBook tokens = TokenBook.open(dataDir);
            BenchWorld world = load(dataDir, identities, tokens, scaleShape(certificates), clock.instant());
            System.out.println(ServeStartup.measure(dataDir));
            try (EmbeddedLedger ledger = EmbeddedLedger.open(dataDir, identities, clock)) {
                PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
                Vertx vertx = GatewayVerticle.vertxWithMetrics(registry);
                GatewayVerticle gateway = served(vertx, registry, ledger, identities, tokens, dataDir);
                try (HttpLoad load = new HttpLoad(gateway.actualPort(), inFlight, 1)) {
                    List<String> ids = world.certificateIds();
                    Instant at = clock.instant().truncatedTo(ChronoUnit.SECONDS);
                    IntFunction<HttpLoad.Call> fresh = i -> freshVerification(ids, i, at);
                    load.run("warm-up", fresh, 200, inFlight, warmup, cap());
                    // The supervision indicators (issue 13) between verifications of the same world, as the
                    // world's writes left them (every delta row), then after a centre admin's compaction.
                    IntFunction<HttpLoad.Call> indicators = i -> HttpLoad.Call.get(
                            "/api/v1/indicators" + INDICATOR_QUERIES.get(i % INDICATOR_QUERIES.size()));
                    IntFunction<HttpLoad.Call> overdue = i -> HttpLoad.Call.get(
                            "/api/v1/indicators/overdue?region=" + IdentityStore.NORTH, world.inspectorToken);
                    Map<String, IntFunction<HttpLoad.Call>> phases = new LinkedHashMap<>();
                    phases.put("fresh verifications", fresh);
                    if ("fresh".equals(settings.get("only"))) {
                        measureEach(load, certificates, phases, inFlight, measured);
                        return;
                    }
                    phases.put("consumers' verifications", i -> verification(ids, spread(i, ids.size())));
                    phases.put("indicators (GET /indicators), not compacted", indicators);
                    phases.put("overdue list as inspector, not compacted", overdue);
                    measureEach(load, certificates, phases, inFlight, measured);
                    compact(ledger, world);
                    phases.clear();
                    phases.put("indicators (GET /indicators), compacted", indicators);
                    phases.put("overdue list as inspector, compacted", overdue);
                    phases.put("fresh verifications, again", fresh);
                    measureEach(load, certificates, phases, inFlight, measured);
                    System.out.printf(
                            "%,d: heap after a full GC, serving, %,d MB%n", certificates, heapAfterFullGc() >> 20);
                } finally {
                    await(vertx.close());
                }
            }
        } finally {
            delete(dataDir);
        }
    }

    /** Each phase after a warm-up of its own (the first time through, a path is not compiled). */
    private static void measureEach(
            HttpLoad load,
            int certificates,
            Map<String, IntFunction<HttpLoad.Call>> phases,
            int inFlight,
            Duration measured)
            throws Exception {
        for (Map.Entry<String, IntFunction<HttpLoad.Call>> phase : phases.entrySet()) {
            load.run("warm-up", phase.getValue(), 200, inFlight, PHASE_WARMUP, cap());
            measure(
                    load,
                    String.format("%,d: %s", certificates, phase.getKey()),
                    phase.getValue(),
                    200,
                    inFlight,
                    measured,
                    cap());
        }
    }

    /** Folds every delta row of the indicators into day totals, as a centre admin does (indicator:Compact). */
    private static void compact(EmbeddedLedger ledger, BenchWorld world) {
        long began = System.nanoTime();
        long folded = 0;
        int transactions = 0;
        boolean complete = false;
        while (!complete) {
            String answer = ledger.submit(world.admin(), "indicator:Compact", List.of("{\"limit\":" + COMPACTION + "}"))
                    .join()
                    .payload();
            JsonNode result = Canonical.tree(answer, "answer");
            folded += result.path("folded").asLong();
            complete = result.path("complete").asBoolean();
            transactions++;
        }
        System.out.printf(
                "compaction: %,d delta rows folded in %d transactions, %.1f s; load average %s%n",
                folded, transactions, (System.nanoTime() - began) / 1e9, loadAverage());
    }

    /** The gateway on a free loopback port, as serve runs it. */
    private static GatewayVerticle served(
            Vertx vertx,
            PrometheusMeterRegistry registry,
            EmbeddedLedger ledger,
            IdentityStore identities,
            TokenBook tokens,
            Path dataDir)
            throws Exception {
        GatewayVerticle gateway = new GatewayVerticle(
                new GatewayServices(
                        ledger,
                        tokens,
                        identities,
                        identities.findOrIssue(IdentityStore.NORTH, "gateway", NodeOu.CLIENT),
                        registry,
                        "http://127.0.0.1",
                        dataDir),
                "127.0.0.1",
                0);
        await(vertx.deployVerticle(gateway));
        return gateway;
    }

    private static int cap() {
        return 20_000_000;
    }

    /** The i-th request's certificate, spread uniformly over the world (a fixed permutation-like walk). */
    private static int spread(int i, int size) {
        return (int) Math.floorMod(i * 2654435761L, (long) size);
    }

    private static HttpLoad.Call freshVerification(List<String> ids, int i, Instant at) {
        return HttpLoad.Call.get("/api/v1/certificates/" + ids.get(spread(i, ids.size())) + "/verification?at=" + at);
    }

    /** Runs a measured phase and prints its line with the CPU the process spent per answer. */
    static HttpLoad.Outcome measure(
            HttpLoad load,
            String name,
            java.util.function.IntFunction<HttpLoad.Call> calls,
            int status,
            int inFlight,
            Duration duration,
            int maxRequests)
            throws Exception {
        String loadBefore = loadAverage();
        long cpu = processCpuNanos();
        java.time.LocalTime began = java.time.LocalTime.now(java.time.ZoneOffset.UTC);
        HttpLoad.Outcome outcome = load.run(name, calls, status, inFlight, duration, maxRequests);
        double cpuMillis = (processCpuNanos() - cpu) / 1e6 / Math.max(1, outcome.ok() + outcome.failed());
        // The window (UTC) lets a profile taken over the whole run be cut to one phase.
        System.out.printf(
                "%s  CPU %.3f ms/req  load avg before %s  [%s-%s UTC]%n",
                outcome.line(),
                cpuMillis,
                loadBefore,
                began.withNano(0),
                java.time.LocalTime.now(java.time.ZoneOffset.UTC).withNano(0));
        return outcome;
    }

    private static HttpLoad.Call verification(List<String> ids, int i) {
        return HttpLoad.Call.get("/api/v1/certificates/" + ids.get(i % ids.size()) + "/verification");
    }

    /** The ceiling: one route answering a fixed JSON, on one HTTP server as the gateway has. */
    private static int bareServer(Vertx vertx) throws Exception {
        Router router = Router.router(vertx);
        router.get("/ceiling")
                .handler(ctx -> ctx.response()
                        .putHeader("Content-Type", "application/json; charset=utf-8")
                        .end(FIXED));
        HttpServer server = await(vertx.createHttpServer(
                        new HttpServerOptions().setHost("127.0.0.1").setPort(0).setCompressionSupported(true))
                .requestHandler(router)
                .listen());
        return server.actualPort();
    }

    /** What the files under a directory hold (RocksDB's included), in bytes. */
    static long bytesUnder(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .mapToLong(file -> file.toFile().length())
                    .sum();
        }
    }

    /** The heap in use after a full collection (System.gc, not disabled in the bench's JVM). */
    static long heapAfterFullGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static <T> T await(io.vertx.core.Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }

    static void delete(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
