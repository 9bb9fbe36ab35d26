package org.metroledger.gateway.e2e;

import java.nio.file.Path;

/**
 * A running gateway the end-to-end scenarios talk to over HTTP, enrolling the users they act as in
 * its identity store. The same scenarios run against every backend: pick one with
 * {@code -Dmetroledger.deployment=} (see {@link Deployments}).
 */
public interface Deployment extends AutoCloseable {
    String host();

    int port();

    /** A user, enrolled on first use (see {@link Namespace#member}): its bearer token and certificate. */
    User user(Cast.Member member);

    /** The gateway's data directory: where it reads DCC trust and demo lab keys at each request. */
    Path dataDir();

    /** Moves the ledger's transaction clock where the backend allows it (tests of expiry). */
    default boolean setClock(java.time.Instant instant) {
        return false;
    }

    /**
     * Moves the ledger's transaction clock forward by a few seconds where the backend allows it,
     * for deadlines; false where it does not (Fabric: the scenario waits for the wall clock).
     */
    default boolean advanceClock(java.time.Duration by) {
        return false;
    }

    @Override
    void close();

    /** A user the deployment enrolled: token for HTTP, certificate PEM to register it on the ledger. */
    record User(String name, String msp, String token, String certificatePem) {}
}
