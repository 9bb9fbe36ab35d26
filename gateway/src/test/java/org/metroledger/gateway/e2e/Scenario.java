package org.metroledger.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** One deployment per scenario class, chosen by {@link Deployments}, and a client for it. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class Scenario {
    Deployment deployment;
    Http http;
    Path dataDir;

    @BeforeAll
    void start(@TempDir Path dir) {
        dataDir = dir;
        configure(dataDir);
        deployment = Deployments.start(dataDir);
        http = new Http(deployment);
        prepare();
    }

    /** Puts what the gateway reads at start into its data directory, before the deployment starts. */
    void configure(Path dataDir) {}

    /** Builds what the scenario's tests share, after the deployment is up. */
    void prepare() {}

    @AfterAll
    void stop() {
        if (http != null) {
            http.close();
        }
        if (deployment != null) {
            deployment.close();
        }
    }

    String token(String user) {
        return deployment.user(user).token();
    }

    /**
     * Sends a write that must be refused and asserts the refusal: the status, an error answer with a
     * code and a message, and a ledger that did not grow.
     */
    Http.Answer refused(int status, Supplier<Http.Answer> write) {
        long before = height();
        Http.Answer answer = write.get();
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.errorCode()).as(answer.toString()).isNotBlank();
        assertThat(answer.json().getJsonObject("error").getString("message"))
                .as(answer.toString())
                .isNotBlank();
        assertThat(height()).as("ledger height after " + answer).isEqualTo(before);
        return answer;
    }

    /** Asserts a public read of something that does not exist answers 404 NOT_FOUND in the error shape. */
    Http.Answer missing(String path) {
        Http.Answer answer = http.get(path, null);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(404);
        assertThat(answer.errorCode()).isEqualTo("NOT_FOUND");
        assertThat(answer.json().getJsonObject("error").getString("message"))
                .as(answer.toString())
                .isNotBlank();
        return answer;
    }

    /** Asserts a write answered 201 with the record, its txId and the number of the block holding it. */
    static Http.Answer committed(Http.Answer answer) {
        HttpWorld.created(answer);
        assertThat(answer.json().getString("txId")).matches("[0-9a-f]{64}");
        assertThat(answer.json().getLong("blockNumber")).isNotNull().isNotNegative();
        assertThat(answer.record()).isNotNull();
        return answer;
    }

    /** The ledger height, to check that a refusal wrote nothing. */
    long height() {
        return http.get("/health", null).json().getJsonObject("ledger").getLong("height");
    }
}
