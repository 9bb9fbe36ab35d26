package org.metroledger.gateway.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.metroledger.gateway.identity.IdentityStore;
import org.metroledger.gateway.identity.Member;
import org.metroledger.gateway.ledger.embedded.EmbeddedLedger;
import org.metroledger.gateway.ledger.embedded.Registry;

/**
 * Load driver for the embedded engine alone (no HTTP): submits registry:RegisterInstrument
 * transactions (a certificate-sized record plus an index entry and an event) with a bounded number
 * in flight, and prints committed transactions per second, block sizes and latency percentiles.
 *
 * <pre>
 * mvn -q -o -pl gateway -am test-compile
 * mvn -q -o -pl gateway dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * java -cp gateway/target/test-classes:gateway/target/classes:chaincode/target/classes:$(cat /tmp/cp.txt) \
 *     org.metroledger.gateway.bench.EngineLoad [transactions=20000] [inFlight=256] [endorsers=2]
 * </pre>
 */
public final class EngineLoad {
    private EngineLoad() {}

    public static void main(String[] args) throws Exception {
        int transactions = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int inFlight = args.length > 1 ? Integer.parseInt(args[1]) : 256;
        int endorsers = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        Path dataDir = Files.createTempDirectory("metroledger-load");
        try {
            run(dataDir, transactions, inFlight, endorsers);
        } finally {
            delete(dataDir);
        }
    }

    private static void run(Path dataDir, int transactions, int inFlight, int endorsers) throws InterruptedException {
        IdentityStore identities = IdentityStore.open(dataDir, Clock.systemUTC());
        EmbeddedLedger.Settings settings = new EmbeddedLedger.Settings(500, Duration.ofMillis(2), endorsers);
        try (EmbeddedLedger ledger = EmbeddedLedger.open(dataDir, identities, Clock.systemUTC(), settings)) {
            Registry registry = new Registry(ledger, identities);
            Member north = registry.admin(IdentityStore.NORTH);
            registry.submitted(north, "registry:RegisterRegion", Registry.region("华北"));
            String owner = Registry.creditCode(1);
            registry.submitted(north, "registry:RegisterEntity", Registry.entity(owner));
            // Warm-up: JIT, RocksDB caches.
            drive(registry, north, owner, "W-", Math.min(transactions / 4, 5_000), inFlight);
            long heightBefore = ledger.height();
            long start = System.nanoTime();
            long cpuStart = processCpuNanos();
            long[] latencies = drive(registry, north, owner, "I-", transactions, inFlight);
            double seconds = (System.nanoTime() - start) / 1e9;
            // On a shared machine wall time says little; CPU time per transaction says what the
            // engine costs, and cores / CPU-per-tx what it would sustain with the cores to itself.
            double cpuMillisPerTx = (processCpuNanos() - cpuStart) / 1e6 / transactions;
            long blocks = ledger.height() - heightBefore;
            Arrays.sort(latencies);
            System.out.printf(
                    "%d transactions in %.2f s: %.0f committed tx/s; %d blocks (%.1f tx/block); "
                            + "latency p50 %.1f ms, p99 %.1f ms; in flight %d, endorsers %d, cores %d%n"
                            + "CPU %.3f ms per transaction: %.0f tx/s with %d free cores%n",
                    transactions,
                    seconds,
                    transactions / seconds,
                    blocks,
                    (double) transactions / blocks,
                    latencies[latencies.length / 2] / 1e6,
                    latencies[(int) (latencies.length * 0.99)] / 1e6,
                    inFlight,
                    endorsers,
                    Runtime.getRuntime().availableProcessors(),
                    cpuMillisPerTx,
                    Runtime.getRuntime().availableProcessors() * 1000 / cpuMillisPerTx,
                    Runtime.getRuntime().availableProcessors());
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static long[] drive(Registry registry, Member who, String owner, String prefix, int count, int inFlight)
            throws InterruptedException {
        Semaphore permits = new Semaphore(inFlight);
        CountDownLatch done = new CountDownLatch(count);
        AtomicInteger failures = new AtomicInteger();
        long[] latencies = new long[count];
        for (int i = 0; i < count; i++) {
            permits.acquire();
            int n = i;
            long sent = System.nanoTime();
            registry.submit(who, "registry:RegisterInstrument", Registry.instrument(prefix + i, owner))
                    .whenComplete((committed, failure) -> {
                        latencies[n] = System.nanoTime() - sent;
                        if (failure != null) {
                            failures.incrementAndGet();
                        }
                        permits.release();
                        done.countDown();
                    });
        }
        if (!done.await(10, TimeUnit.MINUTES)) {
            throw new IllegalStateException("load did not finish within 10 minutes");
        }
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " of " + count + " transactions failed");
        }
        return latencies;
    }

    private static void delete(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
