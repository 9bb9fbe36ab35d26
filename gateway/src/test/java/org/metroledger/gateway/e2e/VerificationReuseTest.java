package org.metroledger.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A consumer's verification (no {@code at}) may reuse an earlier answer, but never one that a
 * commit of a key it read or the passing of time has made untrue: each answer equals a fresh evaluation at its
 * instant.
 */
class VerificationReuseTest extends Scenario {
    private String certificate;
    /** Revoked by one test: the others must not depend on running before it. */
    private String revoked;

    @Override
    void prepare() {
        HttpWorld world = registerWorld();
        certificate = id("RC-1");
        world.primaryChain();
        world.tracedCertificate(certificate, id("R-1"), "fuel-dispenser");
        revoked = id("RC-2");
        world.tracedCertificate(revoked, id("R-2"), "fuel-dispenser");
    }

    @Test
    void a_repeated_scan_answers_as_a_fresh_evaluation_at_its_own_instant() {
        Instant first = Instant.parse("2025-06-02T08:00:00Z");
        JsonObject scanned = scanAt(first);
        assertThat(scanned.getString("verdict")).isEqualTo("VALID");
        assertThat(scanned.getString("at")).isEqualTo(first.toString());

        Instant later = first.plusSeconds(3600);
        JsonObject again = scanAt(later);

        assertThat(again.getString("at")).isEqualTo(later.toString());
        assertThat(again).isEqualTo(evaluatedAt(later));
    }

    @Test
    void time_passing_the_answers_stable_until_gives_the_new_verdict() {
        JsonObject valid = scanAt(Instant.parse("2025-06-03T08:00:00Z"));
        Instant until = Instant.parse(valid.getString("stableUntil"));

        JsonObject justBefore = scanAt(until.minusSeconds(1));
        JsonObject atExpiry = scanAt(until);

        assertThat(justBefore.getString("verdict")).isEqualTo("VALID");
        assertThat(atExpiry.getString("verdict")).isEqualTo("EXPIRED");
        assertThat(atExpiry).isEqualTo(evaluatedAt(until));
    }

    @Test
    void a_commit_that_writes_the_certificate_ends_the_reuse_of_its_answer() {
        Instant now = Instant.parse("2025-06-04T08:00:00Z");
        assertThat(scanAt(revoked, now).getString("verdict")).isEqualTo("VALID");

        deployment.setClock(now.plusSeconds(60));
        HttpWorld.created(http.post(
                "/api/v1/certificates/" + revoked + "/revocation",
                token(Cast.NORTH_LAB),
                Map.of("reason", "seal broken")));

        assertThat(scanAt(revoked, now.plusSeconds(120)).getString("verdict")).isEqualTo("REVOKED");
    }

    /** A consumer's scan: no instant named, so the ledger's clock says when. */
    private JsonObject scanAt(Instant instant) {
        return scanAt(certificate, instant);
    }

    private JsonObject scanAt(String id, Instant instant) {
        assumeTrue(deployment.setClock(instant), "the deployment's clock cannot be set");
        Http.Answer answer = http.get("/api/v1/certificates/" + id + "/verification", null);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json();
    }

    /** The same question with the instant named, which always evaluates afresh. */
    private JsonObject evaluatedAt(Instant instant) {
        Http.Answer answer = http.get("/api/v1/certificates/" + certificate + "/verification?at=" + instant, null);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json();
    }
}
