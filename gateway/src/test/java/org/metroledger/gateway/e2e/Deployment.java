package org.metroledger.gateway.e2e;

/**
 * A running gateway the end-to-end scenarios talk to over HTTP, with the users of {@link Cast}
 * enrolled in its identity store and holding tokens. The same scenarios run against every
 * backend: pick one with {@code -Dmetroledger.deployment=} (see {@link Deployments}).
 */
public interface Deployment extends AutoCloseable {
    String host();

    int port();

    /** A user of the cast: its bearer token and certificate. */
    User user(String name);

    /** Moves the ledger's transaction clock where the backend allows it (tests of expiry). */
    default boolean setClock(java.time.Instant instant) {
        return false;
    }

    @Override
    void close();

    /** A user the deployment enrolled: token for HTTP, certificate PEM to register it on the ledger. */
    record User(String name, String msp, String token, String certificatePem) {}
}
