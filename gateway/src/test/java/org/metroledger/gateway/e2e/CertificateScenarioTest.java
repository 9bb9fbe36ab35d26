package org.metroledger.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Certificates over HTTP: issue, verify each verdict, supersede, revoke; credit and recognition reads. */
class CertificateScenarioTest extends Scenario {
    static final String DIGEST = CertificateRequests.DIGEST;
    HttpWorld world;

    @Override
    void prepare() {
        world = registerWorld();
        for (String local : List.of("D-1", "D-2", "D-3")) {
            HttpWorld.created(http.post(
                    "/api/v1/instruments", token(Cast.NORTH_ADMIN), world.instrument(id(local), world.entityNorth)));
        }
        world.primaryChain();
    }

    /** North's verification of one of this run's instruments, both named by their local ids. */
    Map<String, Object> instrumentCertificate(String local, String subject) {
        return world.verification(id(local), id(subject));
    }

    String signed(Map<String, Object> request) {
        return CertificateRequests.signed(world.northLabKey.getPrivate(), request);
    }

    String verdict(String id, String query) {
        Http.Answer answer = http.get("/api/v1/certificates/" + id + "/verification" + query, null);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json().getString("verdict");
    }

    @Test
    void an_issued_certificate_verifies_valid_with_its_ledger_evidence_and_block() {
        Http.Answer issued = HttpWorld.created(
                http.post("/api/v1/certificates", token(Cast.NORTH_LAB), signed(instrumentCertificate("C-1", "D-1"))));
        Http.Answer report = http.get("/api/v1/certificates/" + id("C-1") + "/verification?digest=" + DIGEST, null);
        assertThat(report.json().getString("verdict")).as(report.toString()).isEqualTo("VALID");
        assertThat(report.json().getJsonObject("evidence").getLong("blockNumber"))
                .isEqualTo(issued.json().getLong("blockNumber"));
        assertThat(verdict(id("C-1"), "?digest=" + "cd".repeat(32))).isEqualTo("DIGEST_MISMATCH");
        assertThat(verdict(id("C-1"), "?at=2031-01-01T00:00:00Z")).isEqualTo("EXPIRED");
        assertThat(verdict(id("NO-SUCH"), "")).isEqualTo("NOT_FOUND");

        Http.Answer instrument = http.get("/api/v1/instruments/" + id("D-1"), null);
        assertThat(instrument.json().getJsonObject("certificate").getString("verdict"))
                .isEqualTo("VALID");
    }

    @Test
    void a_superseded_certificate_names_its_successor_and_a_revoked_one_answers_revoked() {
        HttpWorld.created(
                http.post("/api/v1/certificates", token(Cast.NORTH_LAB), signed(instrumentCertificate("C-2", "D-2"))));
        Map<String, Object> amended = instrumentCertificate("C-2A", "D-2");
        amended.put("previous", id("C-2"));
        HttpWorld.created(http.post(
                "/api/v1/certificates/" + id("C-2") + "/supersession", token(Cast.NORTH_LAB), signed(amended)));
        assertThat(verdict(id("C-2"), "")).isEqualTo("SUPERSEDED");

        Http.Answer revoked = http.post(
                "/api/v1/certificates/" + id("C-2A") + "/revocation",
                token(Cast.NORTH_LAB),
                Map.of("reason", "wrong readings"));
        HttpWorld.created(revoked);
        assertThat(verdict(id("C-2A"), "")).isEqualTo("REVOKED");
        Http.Answer again = http.post(
                "/api/v1/certificates/" + id("C-2A") + "/revocation", token(Cast.NORTH_LAB), Map.of("reason", "again"));
        assertThat(again.status()).isEqualTo(409);
    }

    @Test
    void a_forged_signature_is_422_and_writes_nothing() {
        long before = height();
        Map<String, Object> request = instrumentCertificate("C-3", "D-3");
        String forged = signed(request).replace("\"pump 3\"", "\"pump 4\"");
        Http.Answer answer = http.post("/api/v1/certificates", token(Cast.NORTH_LAB), forged);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(422);
        assertThat(answer.errorCode()).isEqualTo("SIGNATURE_INVALID");
        assertThat(height()).isEqualTo(before);
    }

    @Test
    void another_labs_operator_may_not_issue_for_this_lab() {
        Http.Answer answer =
                http.post("/api/v1/certificates", token(Cast.EAST_LAB), signed(instrumentCertificate("C-4", "D-3")));
        assertThat(answer.status()).isEqualTo(403);
    }

    @Test
    void public_credit_shows_grade_and_score_but_history_needs_a_token() {
        Http.Answer credit = http.get("/api/v1/entities/" + world.entityNorth + "/credit", null);
        assertThat(credit.status()).as(credit.toString()).isEqualTo(200);
        assertThat(credit.json().getString("grade")).isNotBlank();
        assertThat(credit.json().containsKey("contributions")).isFalse();
        assertThat(http.get("/api/v1/entities/" + world.entityNorth + "/credit/history", null)
                        .status())
                .isEqualTo(401);
        Http.Answer history =
                http.get("/api/v1/entities/" + world.entityNorth + "/credit/history", token(Cast.NORTH_INSPECTOR));
        assertThat(history.status()).as(history.toString()).isEqualTo(200);
    }

    @Test
    void recognition_answers_with_reasons_for_a_region() {
        Http.Answer answer =
                http.get("/api/v1/certificates/" + world.primaryCertificate + "/recognition?region=EastMSP", null);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.json().getBoolean("recognised")).isFalse();
        assertThat(answer.json().getJsonArray("reasons")).isNotEmpty();
        assertThat(http.get("/api/v1/certificates/" + world.primaryCertificate + "/recognition", null)
                        .status())
                .isEqualTo(400);
    }
}
