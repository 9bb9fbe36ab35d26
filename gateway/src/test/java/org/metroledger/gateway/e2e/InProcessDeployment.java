package org.metroledger.gateway.e2e;

import java.nio.file.Path;
import java.time.Instant;
import org.metroledger.gateway.identity.IdentityStore;
import org.metroledger.gateway.ledger.embedded.EmbeddedLedger;

/** The gateway in this JVM on a free loopback port, over the embedded ledger in a fresh data directory. */
public final class InProcessDeployment implements Deployment {
    private final SettableClock clock;
    private final ServedGateway gateway;

    public InProcessDeployment(Path dataDir) {
        clock = new SettableClock(Instant.parse("2025-06-01T08:00:00Z"));
        IdentityStore identities = IdentityStore.open(dataDir, clock);
        gateway = new ServedGateway(dataDir, identities, EmbeddedLedger.open(dataDir, identities, clock));
    }

    @Override
    public String host() {
        return "127.0.0.1";
    }

    @Override
    public int port() {
        return gateway.port();
    }

    @Override
    public User user(String name) {
        return gateway.user(name);
    }

    @Override
    public boolean setClock(Instant instant) {
        clock.set(instant);
        return true;
    }

    @Override
    public void close() {
        gateway.close();
    }
}
