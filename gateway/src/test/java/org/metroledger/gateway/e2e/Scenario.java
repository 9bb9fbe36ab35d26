package org.metroledger.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scenario class: its deployment, chosen by {@link Deployments}, a client for it, and a fresh
 * {@link Namespace} for every id it writes, so that all classes can share one ledger, in any order
 * and twice over. How to write one: docs/TESTING.md, "Writing a scenario".
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class Scenario {
    final Namespace ns = Namespace.fresh();
    Deployment deployment;
    Http http;
    /** The gateway's data directory: shared with other classes on a shared deployment. */
    Path dataDir;

    @BeforeAll
    void start(@TempDir Path dir) {
        deployment = Deployments.start(dir);
        dataDir = deployment.dataDir();
        configure(dataDir);
        http = new Http(deployment);
        prepare();
    }

    /** Puts what the gateway reads at each request (DCC trust, lab keys) into its data directory. */
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

    /** The token of this run's member of that name of the {@link Cast}. */
    String token(String user) {
        return deployment.user(ns.member(user)).token();
    }

    /** This run's id for a local name: {@code id("C-1")}. */
    String id(String local) {
        return ns.id(local);
    }

    /** Registers this run's {@link HttpWorld}. */
    HttpWorld registerWorld() {
        return new HttpWorld(ns, deployment, http);
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
