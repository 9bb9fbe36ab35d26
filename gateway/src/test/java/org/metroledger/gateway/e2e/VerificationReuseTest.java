package org.metroledger.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A consumer's verification (no {@code at}) may reuse an earlier answer, but never one that a
 * commit or the passing of time has made untrue: each answer equals a fresh evaluation at its
 * instant.
 */
class VerificationReuseTest extends Scenario {
    private HttpWorld world;

    @Override
    void prepare() {
        world = new HttpWorld(deployment, http);
        HttpWorld.created(http.post(
                "/api/v1/instruments", token(Cast.NORTH_ADMIN), HttpWorld.instrument("R-1", HttpWorld.ENTITY_NORTH)));
        world.primaryChain();
        Map<String, Object> request = CertificateRequests.verification(
                "RC-1",
                HttpWorld.LAB_NORTH,
                "R-1",
                "2025-05-10T00:00:00Z",
                List.of(CertificateRequests.link(HttpWorld.PRIMARY_STANDARD, HttpWorld.PRIMARY_CERTIFICATE)));
        HttpWorld.created(http.post(
                "/api/v1/certificates",
                token(Cast.NORTH_LAB),
                CertificateRequests.signed(world.northLabKey.getPrivate(), request)));
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
    void a_commit_ends_the_reuse_of_every_answer_read_before_it() {
        Instant now = Instant.parse("2025-06-04T08:00:00Z");
        assertThat(scanAt(now).getString("verdict")).isEqualTo("VALID");

        deployment.setClock(now.plusSeconds(60));
        HttpWorld.created(http.post(
                "/api/v1/certificates/RC-1/revocation", token(Cast.NORTH_LAB), Map.of("reason", "seal broken")));

        assertThat(scanAt(now.plusSeconds(120)).getString("verdict")).isEqualTo("REVOKED");
    }

    /** A consumer's scan: no instant named, so the ledger's clock says when. */
    private JsonObject scanAt(Instant instant) {
        assertThat(deployment.setClock(instant))
                .as("the deployment's clock can be set")
                .isTrue();
        Http.Answer answer = http.get("/api/v1/certificates/RC-1/verification", null);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json();
    }

    /** The same question with the instant named, which always evaluates afresh. */
    private JsonObject evaluatedAt(Instant instant) {
        Http.Answer answer = http.get("/api/v1/certificates/RC-1/verification?at=" + instant, null);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json();
    }
}
