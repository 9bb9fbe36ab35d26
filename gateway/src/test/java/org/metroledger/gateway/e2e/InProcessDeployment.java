package org.metroledger.gateway.e2e;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.metroledger.gateway.identity.IdentityStore;
import org.metroledger.gateway.ledger.embedded.EmbeddedLedger;

/** The gateway in this JVM on a free loopback port, over the embedded ledger in a fresh data directory. */
public class InProcessDeployment extends ServedDeployment {
    private final SettableClock clock;

    public InProcessDeployment(Path dataDir) {
        this(dataDir, new SettableClock(Instant.parse("2025-06-01T08:00:00Z")));
    }

    private InProcessDeployment(Path dataDir, SettableClock clock) {
        super(served(dataDir, clock));
        this.clock = clock;
    }

    private static ServedGateway served(Path dataDir, SettableClock clock) {
        IdentityStore identities = IdentityStore.open(dataDir, clock);
        return new ServedGateway(dataDir, identities, EmbeddedLedger.open(dataDir, identities, clock));
    }

    @Override
    public boolean setClock(Instant instant) {
        clock.set(instant);
        return true;
    }

    /** Also on the shared deployment: a few seconds forward misdates no other class's writes. */
    @Override
    public boolean advanceClock(Duration by) {
        if (by.isNegative() || by.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new IllegalArgumentException("advance the clock by a minute at most, forward: " + by);
        }
        clock.advance(by);
        return true;
    }
}
