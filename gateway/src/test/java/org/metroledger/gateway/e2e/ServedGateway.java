package org.metroledger.gateway.e2e;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.metroledger.gateway.auth.TokenBook;
import org.metroledger.gateway.e2e.Deployment.User;
import org.metroledger.gateway.http.GatewayServices;
import org.metroledger.gateway.http.GatewayVerticle;
import org.metroledger.gateway.identity.IdentityStore;
import org.metroledger.gateway.identity.Member;
import org.metroledger.gateway.identity.NodeOu;
import org.metroledger.gateway.ledger.Ledger;

/**
 * The gateway served on a free loopback port over whichever ledger a deployment opened; it enrols
 * the members of the cast that scenarios ask for in the identity store and gives them tokens.
 * Closing it closes the ledger too.
 */
public final class ServedGateway implements AutoCloseable {
    private final Vertx vertx;
    private final Ledger ledger;
    private final GatewayVerticle verticle;
    private final Path dataDir;
    private final IdentityStore identities;
    private final TokenBook tokens;
    private final Map<String, User> users = new HashMap<>();

    public ServedGateway(Path dataDir, IdentityStore identities, Ledger ledger) {
        this.dataDir = dataDir;
        this.identities = identities;
        this.ledger = ledger;
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        vertx = GatewayVerticle.vertxWithMetrics(registry);
        // As serve builds them.
        GatewayServices services = GatewayServices.open(ledger, identities, registry, "http://127.0.0.1", dataDir);
        tokens = services.tokens();
        verticle = new GatewayVerticle(services, "127.0.0.1", 0);
        await(vertx.deployVerticle(verticle));
    }

    public int port() {
        return verticle.actualPort();
    }

    Path dataDir() {
        return dataDir;
    }

    /** The member enrolled in the identity store with a token: on first use, so each namespace gets its own. */
    synchronized User user(Cast.Member m) {
        return users.computeIfAbsent(m.name(), name -> {
            Member member = identities.issue(m.msp(), name, m.admin() ? NodeOu.ADMIN : NodeOu.CLIENT);
            return new User(name, m.msp(), tokens.issue(m.msp(), name), member.certificatePem());
        });
    }

    @Override
    public void close() {
        await(vertx.close());
        ledger.close();
    }

    static <T> T await(io.vertx.core.Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("gateway did not start or stop", e);
        }
    }
}
