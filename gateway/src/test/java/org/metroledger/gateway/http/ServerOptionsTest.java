package org.metroledger.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.http.HttpServerOptions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ServerOptionsTest {
    @Test
    void a_silent_connection_is_closed_but_an_event_stream_outlives_its_heartbeats() {
        HttpServerOptions options = GatewayVerticle.serverOptions("127.0.0.1", 0);
        long idleMillis = options.getIdleTimeoutUnit().toMillis(options.getIdleTimeout());
        assertThat(idleMillis).isPositive();
        // Several heartbeats fit in the idle time, so one late timer does not cut a live stream.
        assertThat(idleMillis).isGreaterThanOrEqualTo(3 * EventStream.HEARTBEAT_MILLIS);
        assertThat(options.getIdleTimeoutUnit()).isEqualTo(TimeUnit.SECONDS);
    }
}
