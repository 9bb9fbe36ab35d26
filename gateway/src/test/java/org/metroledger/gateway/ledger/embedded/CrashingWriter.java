package org.metroledger.gateway.ledger.embedded;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Semaphore;
import org.metroledger.gateway.identity.IdentityStore;
import org.metroledger.gateway.identity.Member;

/**
 * The child process of {@link CrashRecoveryTest}: takes concurrent writes and prints "ACK txId" for
 * each one the ledger acknowledged, until it is killed (or runs out of its bounded work).
 */
public final class CrashingWriter {
    static final String READY = "READY";
    static final String ACK = "ACK ";
    private static final int MAX_WRITES = 200_000;
    private static final int IN_FLIGHT = 64;

    private CrashingWriter() {}

    public static void main(String[] args) throws InterruptedException {
        Path dataDir = Path.of(args[0]);
        IdentityStore identities = IdentityStore.open(dataDir, Clock.systemUTC());
        try (EmbeddedLedger ledger = EmbeddedLedger.open(dataDir, identities, Clock.systemUTC())) {
            Registry registry = new Registry(ledger, identities);
            Member north = registry.admin(IdentityStore.NORTH);
            registry.submitted(north, "registry:RegisterRegion", Registry.region("华北"));
            String owner = Registry.creditCode(1);
            registry.submitted(north, "registry:RegisterEntity", Registry.entity(owner));
            System.out.println(READY);
            Semaphore inFlight = new Semaphore(IN_FLIGHT);
            for (int i = 0; i < MAX_WRITES; i++) {
                inFlight.acquire();
                registry.submit(north, "registry:RegisterInstrument", Registry.instrument("I-" + i, owner))
                        .whenComplete((committed, failure) -> {
                            // println flushes: a printed id was acknowledged before the kill.
                            if (committed != null) {
                                System.out.println(ACK + committed.txId());
                            }
                            inFlight.release();
                        });
            }
        }
    }
}
