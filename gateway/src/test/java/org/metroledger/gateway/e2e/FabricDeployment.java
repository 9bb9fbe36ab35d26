package org.metroledger.gateway.e2e;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.metroledger.gateway.auth.TokenBook;
import org.metroledger.gateway.http.GatewayServices;
import org.metroledger.gateway.http.GatewayVerticle;
import org.metroledger.gateway.identity.IdentityStore;
import org.metroledger.gateway.identity.NodeOu;
import org.metroledger.gateway.ledger.fabric.Deadlines;
import org.metroledger.gateway.ledger.fabric.FabricIdentitySeed;
import org.metroledger.gateway.ledger.fabric.FabricLedger;
import org.metroledger.gateway.ledger.fabric.FabricNetwork;
import org.metroledger.simulation.Member;

/**
 * The gateway in this JVM over the real Fabric network that {@code scripts/network.sh up} started
 * ({@code -Dmetroledger.deployment=fabric}; connection file from {@code metroledger.fabric.connection}).
 * The cast is enrolled by the network's own CAs, so the peers accept its signatures.
 */
public final class FabricDeployment implements Deployment {
    private final Vertx vertx;
    private final FabricLedger ledger;
    private final GatewayVerticle verticle;
    private final Map<String, User> users = new HashMap<>();

    public FabricDeployment(Path dataDir) {
        Path connection =
                Path.of(System.getProperty("metroledger.fabric.connection", "../.network/gateway-connection.json"));
        FabricNetwork network;
        try {
            network = FabricNetwork.read(connection);
            FabricIdentitySeed.seed(dataDir, network);
        } catch (IOException e) {
            throw new UncheckedIOException("no Fabric network at " + connection + ": run scripts/network.sh up", e);
        }
        IdentityStore identities = IdentityStore.open(dataDir, Clock.systemUTC());
        TokenBook tokens = TokenBook.open(dataDir);
        for (Cast.Member m : Cast.MEMBERS) {
            Member member = identities.issue(m.msp(), m.name(), m.admin() ? NodeOu.ADMIN : NodeOu.CLIENT);
            users.put(m.name(), new User(m.name(), m.msp(), tokens.issue(m.msp(), m.name()), member.certificatePem()));
        }
        Member reader = identities.issue(Cast.NORTH, "gateway", NodeOu.CLIENT);
        ledger = FabricLedger.connect(network, reader, Deadlines.standard());
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        vertx = GatewayVerticle.vertxWithMetrics(registry);
        verticle = new GatewayVerticle(
                new GatewayServices(ledger, tokens, identities::find, reader, registry, "http://127.0.0.1", dataDir),
                "127.0.0.1",
                0);
        InProcessDeployment.await(vertx.deployVerticle(verticle));
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
    public void close() {
        InProcessDeployment.await(vertx.close());
        ledger.close();
    }
}
