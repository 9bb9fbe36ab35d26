package org.metroledger.gateway.e2e;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.VertxPrometheusOptions;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.metroledger.gateway.auth.TokenBook;
import org.metroledger.gateway.http.GatewayServices;
import org.metroledger.gateway.http.GatewayVerticle;
import org.metroledger.gateway.ledger.SimulatedLedger;
import org.metroledger.simulation.CertificateAuthority;
import org.metroledger.simulation.Member;

/** The gateway in this JVM on a free loopback port, over the test-only simulated ledger. */
public final class InProcessDeployment implements Deployment {
    private static final Instant CA_EPOCH = Instant.parse("2020-01-01T00:00:00Z");

    private final Vertx vertx;
    private final SimulatedLedger ledger;
    private final GatewayVerticle verticle;
    private final Map<String, User> users = new HashMap<>();

    public InProcessDeployment(Path dataDir) {
        ledger = new SimulatedLedger(Instant.parse("2025-06-01T08:00:00Z"));
        Map<String, CertificateAuthority> authorities = new HashMap<>();
        Map<String, Member> members = new HashMap<>();
        TokenBook tokens = TokenBook.open(dataDir);
        for (Cast.Member m : Cast.MEMBERS) {
            CertificateAuthority ca = authorities.computeIfAbsent(
                    m.msp(), msp -> CertificateAuthority.create(msp, msp.toLowerCase() + ".test", CA_EPOCH));
            Member member = ca.issue(m.name(), m.admin() ? "admin" : "client", CA_EPOCH);
            members.put(m.name(), member);
            users.put(m.name(), new User(m.name(), m.msp(), tokens.issue(m.name()), member.certificatePem()));
        }
        Member reader = authorities.get(Cast.NORTH).issue("gateway@north", "client", CA_EPOCH);
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        vertx = Vertx.builder()
                .with(new VertxOptions()
                        .setMetricsOptions(new MicrometerMetricsOptions()
                                .setEnabled(true)
                                .setPrometheusOptions(new VertxPrometheusOptions().setEnabled(true))))
                .withMetrics(new MicrometerMetricsFactory(registry))
                .build();
        GatewayServices services = new GatewayServices(
                ledger, tokens, name -> Optional.ofNullable(members.get(name)), reader, registry, "http://127.0.0.1");
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
        ledger.clockAt(instant);
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
