package org.metroledger.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsumerPagesTest {
    @TempDir
    static Path dataDir;

    private static ConsumerWorld world;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        world = new ConsumerWorld(dataDir);
    }

    @AfterAll
    static void stop() {
        world.close();
    }

    @Test
    void a_valid_token_page_is_green_and_escapes_the_hostile_entity_name() throws Exception {
        HttpResponse<String> page = get("/v/" + world.token("C-VALID", "SN-1", "2026-05-31T00:00:00Z"));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(
                        csp -> assertThat(csp).contains("default-src 'none'").contains("frame-ancestors 'none'"));
        assertThat(page.body()).contains("verdict-valid").contains("VALID");
        assertThat(page.body()).doesNotContain("<script>").contains("&lt;script&gt;");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(world.base() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
