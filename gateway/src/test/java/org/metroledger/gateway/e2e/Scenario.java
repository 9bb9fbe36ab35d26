package org.metroledger.gateway.e2e;

import java.nio.file.Path;
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

    /** The ledger height, to check that a refusal wrote nothing. */
    long height() {
        return http.get("/health", null).json().getJsonObject("ledger").getLong("height");
    }
}
