package org.metroledger.gateway.http;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.VertxPrometheusOptions;
import io.vertx.openapi.contract.OpenAPIContract;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The gateway's HTTP server: loads the OpenAPI document, builds the router, listens. */
public final class GatewayVerticle extends VerticleBase {
    /** The classpath resource holding the OpenAPI document. */
    public static final String DOCUMENT = "/openapi.json";

    /** Seconds a connection may stay silent both ways; well above the event stream's heartbeat. */
    static final int IDLE_TIMEOUT_SECONDS = 60;

    private final GatewayServices services;
    private final String host;
    private final int port;
    private final List<RouteGroup> groups;
    private volatile HttpServer server;

    /**
     * @param port the port to listen on; 0 picks a free one (see {@link #actualPort()})
     */
    public GatewayVerticle(GatewayServices services, String host, int port, List<RouteGroup> groups) {
        this.services = services;
        this.host = host;
        this.port = port;
        this.groups = List.copyOf(groups);
    }

    /** With every route group of the gateway. */
    public GatewayVerticle(GatewayServices services, String host, int port) {
        this(services, host, port, GatewayRoutes.all(services));
    }

    @Override
    public Future<?> start() {
        return vertx.executeBlocking(GatewayVerticle::readDocument)
                .compose(document -> OpenAPIContract.from(vertx, ValidationView.of(new JsonObject(document)))
                        .map(contract -> GatewayRouter.create(
                                vertx, new CompiledContract(contract), document, services, groups)))
                .compose(router -> vertx.createHttpServer(serverOptions(host, port))
                        .requestHandler(router)
                        .invalidRequestHandler(new MalformedRequests())
                        .listen())
                .onSuccess(listening -> server = listening);
    }

    /**
     * How the server listens. A connection that sends and receives nothing for {@link
     * #IDLE_TIMEOUT_SECONDS} is closed: a client that stalls in the middle of its headers or body
     * (slowloris) would otherwise hold it for ever. Event streams stay open through their heartbeat.
     */
    static HttpServerOptions serverOptions(String host, int port) {
        return new HttpServerOptions()
                .setHost(host)
                .setPort(port)
                .setCompressionSupported(true)
                .setIdleTimeout(IDLE_TIMEOUT_SECONDS)
                .setIdleTimeoutUnit(TimeUnit.SECONDS);
    }

    /** A Vert.x instance that records its metrics (HTTP server, event loops) into the registry. */
    public static Vertx vertxWithMetrics(PrometheusMeterRegistry registry) {
        return Vertx.builder()
                .with(new VertxOptions()
                        .setMetricsOptions(new MicrometerMetricsOptions()
                                .setEnabled(true)
                                .setPrometheusOptions(new VertxPrometheusOptions().setEnabled(true))))
                .withMetrics(new MicrometerMetricsFactory(registry))
                .build();
    }

    /** The port listened on, once started. */
    public int actualPort() {
        HttpServer listening = server;
        if (listening == null) {
            throw new IllegalStateException("the gateway is not listening yet");
        }
        return listening.actualPort();
    }

    private static Buffer readDocument() {
        try (InputStream in = GatewayVerticle.class.getResourceAsStream(DOCUMENT)) {
            if (in == null) {
                throw new IllegalStateException(DOCUMENT + " is missing from the classpath");
            }
            return Buffer.buffer(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DOCUMENT, e);
        }
    }
}
