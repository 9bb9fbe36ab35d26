package org.metroledger.gateway.bench;

import io.grpc.ManagedChannel;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.Gateway;
import org.hyperledger.fabric.client.Hash;
import org.hyperledger.fabric.client.Status;
import org.hyperledger.fabric.client.identity.Signers;
import org.hyperledger.fabric.client.identity.X509Identity;
import org.metroledger.chaincode.json.Canonical;
import org.metroledger.gateway.auth.TokenBook;
import org.metroledger.gateway.e2e.Namespace;
import org.metroledger.gateway.http.GatewayServices;
import org.metroledger.gateway.http.GatewayVerticle;
import org.metroledger.gateway.identity.IdentityStore;
import org.metroledger.gateway.identity.Member;
import org.metroledger.gateway.identity.NodeOu;
import org.metroledger.gateway.ledger.fabric.Deadlines;
import org.metroledger.gateway.ledger.fabric.FabricCas;
import org.metroledger.gateway.ledger.fabric.FabricLedger;
import org.metroledger.gateway.ledger.fabric.FabricNetwork;

/**
 * The benchmark on the three-centre Fabric network that {@code scripts/network.sh up} and {@code
 * deploy} started ({@code scripts/bench.sh backend=fabric}). In one run, with the same number of
 * calls in flight: (1) verifications and committed issuances per second through the gateway's HTTP
 * API; (2) the same chaincode functions called by a plain fabric-gateway client, no HTTP and no
 * MetroLedger code between it and North's peer (the direct client); (3) {@code probe:Write}, which
 * writes one key and reads none, by the same client: the network's blind-write ceiling.
 *
 * <p>Arguments, as {@code name=value}: {@code connection} (the network's {@code
 * gateway-connection.json}), {@code seconds} (per measured phase, default 20), {@code warmup}
 * (seconds, default 5), {@code inFlight} (calls outstanding, default 32), {@code certificates}
 * (verified instruments in the world, default 50), {@code issuances} (pre-signed requests per
 * issuing phase, default 4000).
 */
final class FabricBench {
    private final Map<String, String> settings;

    FabricBench(Map<String, String> settings) {
        this.settings = settings;
    }

    private int setting(String name, int fallback) {
        return Integer.parseInt(settings.getOrDefault(name, Integer.toString(fallback)));
    }

    void run() throws Exception {
        Duration measured = Duration.ofSeconds(setting("seconds", 20));
        Duration warmup = Duration.ofSeconds(setting("warmup", 5));
        int inFlight = setting("inFlight", 32);
        int certificates = setting("certificates", 50);
        int issuances = setting("issuances", 4000);
        Path connection = Path.of(settings.getOrDefault("connection", ".network/gateway-connection.json"));
        FabricNetwork network = FabricNetwork.read(connection);
        System.out.printf(
                "machine: %d cores, %s %s; load average %s%n",
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name"),
                System.getProperty("java.version"),
                GatewayBench.loadAverage());
        System.out.printf(
                "network: %s, channel %s, %d organisations; %d calls in flight; warm-up %d s, measured %d s%n",
                connection,
                network.channel(),
                network.organizations().size(),
                inFlight,
                warmup.toSeconds(),
                measured.toSeconds());

        Path dataDir = Files.createTempDirectory("metroledger-fabric-bench");
        IdentityStore identities = FabricCas.wallet(dataDir, network);
        TokenBook tokens = TokenBook.open(dataDir);
        Member reader = identities.findOrIssue(IdentityStore.NORTH, "gateway", NodeOu.CLIENT);
        try (FabricLedger ledger = FabricLedger.connect(network, reader, Deadlines.standard())) {
            long began = System.nanoTime();
            BenchWorld world;
            try (BulkLoader loader = BulkLoader.over(ledger)) {
                world = BenchWorld.build(
                        loader,
                        identities,
                        tokens,
                        new BenchWorld.Shape(certificates, certificates),
                        Instant.now(),
                        Namespace.fresh());
            }
            System.out.printf(
                    "world: %d verified instruments with 3-link chains, built in %.1f s%n",
                    certificates, (System.nanoTime() - began) / 1e9);
            List<String> ids = world.certificateIds();
            List<String> warmIssuances = world.signedIssuances("W-", Math.min(issuances, 1000));
            List<String> viaGateway = world.signedIssuances("G-", issuances);
            List<String> direct = world.signedIssuances("D-", issuances);

            PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            Vertx vertx = GatewayVerticle.vertxWithMetrics(registry);
            GatewayVerticle gateway = new GatewayVerticle(
                    new GatewayServices(ledger, tokens, identities, reader, registry, "http://127.0.0.1", dataDir),
                    "127.0.0.1",
                    0);
            await(vertx.deployVerticle(gateway));
            FabricNetwork.Organization north =
                    network.organization(IdentityStore.NORTH).orElseThrow();
            ManagedChannel channel = FabricLedger.channel(north.peer());
            try (HttpLoad load = new HttpLoad(gateway.actualPort(), inFlight, 1);
                    Gateway asOperator = connect(world.operator(), channel);
                    Gateway asAdmin = connect(world.admin(), channel)) {
                Contract operator = asOperator.getNetwork(network.channel()).getContract(network.chaincode());
                Contract admin = asAdmin.getNetwork(network.channel()).getContract(network.chaincode());
                ThreadLoad.Call directVerification = i -> operator.evaluateTransaction(
                        "certificate:Verify", Canonical.json(Map.of("id", ids.get(i % ids.size()))));
                load.run("warm-up", i -> verificationCall(ids, i), 200, inFlight, warmup, Integer.MAX_VALUE);
                ThreadLoad.run("warm-up", directVerification, inFlight, warmup, Integer.MAX_VALUE);
                // Twice each, alternating: the machine's load moves more between phases than the
                // two clients differ, and alternation spreads it over both.
                double gatewayVerifications = 0;
                double directVerifications = 0;
                for (int round = 1; round <= 2; round++) {
                    gatewayVerifications += GatewayBench.measure(
                                    load,
                                    "gateway: verifications (GET, 200)",
                                    i -> verificationCall(ids, i),
                                    200,
                                    inFlight,
                                    measured,
                                    Integer.MAX_VALUE)
                            .perSecond();
                    directVerifications += measure(
                                    "direct: certificate:Verify",
                                    directVerification,
                                    inFlight,
                                    measured,
                                    Integer.MAX_VALUE)
                            .perSecond();
                }
                load.run(
                        "warm-up",
                        i -> HttpLoad.Call.post("/api/v1/certificates", world.labToken, warmIssuances.get(i)),
                        201,
                        inFlight,
                        warmup,
                        warmIssuances.size());
                HttpLoad.Outcome gatewayIssuances = GatewayBench.measure(
                        load,
                        "gateway: issuances (POST, 201)",
                        i -> HttpLoad.Call.post("/api/v1/certificates", world.labToken, viaGateway.get(i)),
                        201,
                        inFlight,
                        measured,
                        viaGateway.size());
                HttpLoad.Outcome directIssuances = measure(
                        "direct: certificate:Issue, committed",
                        i -> committed(operator, "certificate:Issue", direct.get(i)),
                        inFlight,
                        measured,
                        direct.size());
                HttpLoad.Outcome blindWrites = measure(
                        "direct: probe:Write, committed",
                        i -> committed(admin, "probe:Write"),
                        inFlight,
                        measured,
                        Integer.MAX_VALUE);
                System.out.printf(
                        "%ngateway / direct: verifications %.2f, issuances %.2f; issuances / blind-write ceiling %.2f;"
                                + " load average %s%n",
                        gatewayVerifications / directVerifications,
                        gatewayIssuances.perSecond() / directIssuances.perSecond(),
                        gatewayIssuances.perSecond() / blindWrites.perSecond(),
                        GatewayBench.loadAverage());
            } finally {
                channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
                await(vertx.close());
            }
        } finally {
            GatewayBench.delete(dataDir);
        }
    }

    private static Gateway connect(Member who, ManagedChannel channel) {
        return Gateway.newInstance()
                .identity(new X509Identity(who.mspId(), who.certificate()))
                .signer(Signers.newPrivateKeySigner(who.privateKey()))
                .hash(Hash.SHA256)
                .connection(channel)
                .evaluateOptions(o -> o.withDeadlineAfter(5, TimeUnit.SECONDS))
                .endorseOptions(o -> o.withDeadlineAfter(15, TimeUnit.SECONDS))
                .submitOptions(o -> o.withDeadlineAfter(5, TimeUnit.SECONDS))
                .commitStatusOptions(o -> o.withDeadlineAfter(1, TimeUnit.MINUTES))
                .connect();
    }

    /** Endorses, submits and waits for the commit as fabric-gateway's own samples do. */
    private static void committed(Contract contract, String function, String... args) throws Exception {
        Status status = contract.newProposal(function)
                .addArguments(args)
                .build()
                .endorse()
                .submitAsync()
                .getStatus();
        if (!status.isSuccessful()) {
            throw new IllegalStateException(function + " committed " + status.getCode());
        }
    }

    private static HttpLoad.Outcome measure(
            String name, ThreadLoad.Call call, int threads, Duration duration, int maxCalls) throws Exception {
        String loadBefore = GatewayBench.loadAverage();
        long cpu = GatewayBench.processCpuNanos();
        HttpLoad.Outcome outcome = ThreadLoad.run(name, call, threads, duration, maxCalls);
        // As the gateway lines: this process's CPU (here the client alone) per call.
        double cpuMillis = (GatewayBench.processCpuNanos() - cpu) / 1e6 / Math.max(1, outcome.ok() + outcome.failed());
        System.out.printf("%s  CPU %.3f ms/req  load avg before %s%n", outcome.line(), cpuMillis, loadBefore);
        return outcome;
    }

    private static HttpLoad.Call verificationCall(List<String> ids, int i) {
        return HttpLoad.Call.get("/api/v1/certificates/" + ids.get(i % ids.size()) + "/verification");
    }

    private static <T> T await(io.vertx.core.Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }
}
