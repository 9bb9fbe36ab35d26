package org.metroledger.gateway.e2e;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.metroledger.gateway.auth.TokenBook;
import org.metroledger.gateway.http.GatewayServices;
import org.metroledger.gateway.http.GatewayVerticle;
import org.metroledger.gateway.identity.IdentityStore;
import org.metroledger.gateway.identity.NodeOu;
import org.metroledger.gateway.ledger.embedded.EmbeddedLedger;
import org.metroledger.simulation.Member;

/** The gateway in this JVM on a free loopback port, over the embedded ledger in a fresh data directory. */
public final class InProcessDeployment implements Deployment {
    private final Vertx vertx;
    private final SettableClock clock;
    private final EmbeddedLedger ledger;
    private final GatewayVerticle verticle;
    private final Map<String, User> users = new HashMap<>();

    public InProcessDeployment(Path dataDir) {
        clock = new SettableClock(Instant.parse("2025-06-01T08:00:00Z"));
        IdentityStore identities = IdentityStore.open(dataDir, clock);
        ledger = EmbeddedLedger.open(dataDir, identities, clock);
        TokenBook tokens = TokenBook.open(dataDir);
        for (Cast.Member m : Cast.MEMBERS) {
            Member member = identities.issue(m.msp(), m.name(), m.admin() ? NodeOu.ADMIN : NodeOu.CLIENT);
            users.put(m.name(), new User(m.name(), m.msp(), tokens.issue(m.msp(), m.name()), member.certificatePem()));
        }
        Member reader = identities.issue(Cast.NORTH, "gateway", NodeOu.CLIENT);
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        vertx = GatewayVerticle.vertxWithMetrics(registry);
        GatewayServices services =
                new GatewayServices(ledger, tokens, identities::find, reader, registry, "http://127.0.0.1", dataDir);
        verticle = new GatewayVerticle(services, "127.0.0.1", 0);
        await(vertx.deployVerticle(verticle));
    }

    @Override
    public String host() {
        return "127.0.0.1";
    }

    @Override
    public int port() {
        return verticle.actualPort();
    }

    @Override
    public User user(String name) {
        User user = users.get(name);
        if (user == null) {
            throw new IllegalArgumentException("no user " + name + " in the cast");
        }
        return user;
    }

    @Override
    public boolean setClock(Instant instant) {
        clock.set(instant);
        return true;
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
