package org.metroledger.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Cross-recognition over HTTP: a centre proposes an agreement, every member accepts it, and a member
 * region then recognises the other's certificates of the covered categories, with reasons.
 */
class RecognitionScenarioTest extends Scenario {
    HttpWorld world;
    String fuel;
    String scale;
    String agreement;

    @Override
    void prepare() {
        world = registerWorld();
        fuel = id("RC-FUEL");
        scale = id("RC-SCALE");
        agreement = id("RA-1");
        world.primaryChain();
        world.tracedCertificate(fuel, id("R-DISP-1"), "fuel-dispenser");
        world.tracedCertificate(scale, id("R-SCALE-1"), "weighing");
    }

    /** An agreement of this run's categories (local names): agreements of other runs cover theirs. */
    Map<String, Object> agreement(String id, List<String> members, List<String> categories) {
        return Map.of(
                "id",
                id,
                "members",
                members,
                "categories",
                categories.stream().map(world::category).toList(),
                "conditions",
                List.of("both labs hold a valid CNAS accreditation"),
                "validFrom",
                "2025-01-01T00:00:00Z",
                "validTo",
                "2035-01-01T00:00:00Z");
    }

    JsonObject recognition(String certificate, String region) {
        Http.Answer answer = http.get("/api/v1/certificates/" + certificate + "/recognition?region=" + region, null);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json();
    }

    static List<String> failedReasons(JsonObject answer) {
        return answer.getJsonArray("reasons").stream()
                .map(JsonObject.class::cast)
                .filter(reason -> !reason.getBoolean("ok"))
                .map(reason -> reason.getString("detail"))
                .toList();
    }

    @Test
    void an_agreement_accepted_by_every_member_recognises_the_covered_certificates_of_its_members() {
        Http.Answer proposed = committed(http.post(
                "/api/v1/recognition-agreements",
                token(Cast.NORTH_ADMIN),
                agreement(agreement, List.of(Cast.NORTH, Cast.EAST), List.of("fuel-dispenser"))));
        assertThat(proposed.record().getString("status")).isEqualTo("PROPOSED");
        assertThat(proposed.record().getJsonObject("acceptances").fieldNames()).containsExactly(Cast.NORTH);
        JsonObject before = recognition(fuel, Cast.EAST);
        assertThat(before.getBoolean("recognised")).isFalse();
        assertThat(failedReasons(before)).anyMatch(detail -> detail.contains(agreement));

        Http.Answer accepted = committed(http.post(
                "/api/v1/recognition-agreements/" + agreement + "/acceptance", token(Cast.EAST_ADMIN), Map.of()));
        assertThat(accepted.record().getString("status")).isEqualTo("ACTIVE");
        assertThat(accepted.record().getJsonObject("acceptances").fieldNames())
                .containsExactlyInAnyOrder(Cast.NORTH, Cast.EAST);
        assertThat(http.get("/api/v1/recognition-agreements/" + agreement, null)
                        .json()
                        .getString("status"))
                .isEqualTo("ACTIVE");

        JsonObject member = recognition(fuel, Cast.EAST);
        assertThat(member.getBoolean("recognised")).as(member.encode()).isTrue();
        assertThat(member.getString("agreementId")).isEqualTo(agreement);
        assertThat(member.getString("verdict")).isEqualTo("VALID");
        assertThat(member.getString("issuerRegion")).isEqualTo(Cast.NORTH);
        assertThat(failedReasons(member)).noneMatch(detail -> detail.contains(agreement));
        assertThat(member.getJsonArray("reasons").stream().map(JsonObject.class::cast))
                .anyMatch(reason ->
                        reason.getBoolean("ok") && reason.getString("detail").contains(agreement));

        JsonObject outsider = recognition(fuel, Cast.CENTRAL_SOUTH);
        assertThat(outsider.getBoolean("recognised")).isFalse();
        assertThat(outsider.getString("verdict")).isEqualTo("VALID");
        assertThat(failedReasons(outsider)).anyMatch(detail -> detail.contains(Cast.CENTRAL_SOUTH));

        JsonObject uncovered = recognition(scale, Cast.EAST);
        assertThat(uncovered.getBoolean("recognised")).isFalse();
        assertThat(uncovered.getString("verdict")).isEqualTo("VALID");
        assertThat(uncovered.getString("category")).isEqualTo(world.category("weighing"));
        assertThat(failedReasons(uncovered)).anyMatch(detail -> detail.contains(world.category("weighing")));

        Http.Answer recorded = committed(http.post(
                "/api/v1/certificates/" + fuel + "/recognition", token(Cast.EAST_ADMIN), Map.of("region", Cast.EAST)));
        assertThat(recorded.record().getString("agreementId")).isEqualTo(agreement);
        assertThat(recorded.record().getString("verdict")).isEqualTo("VALID");
        assertThat(recorded.record().getString("txId"))
                .isEqualTo(recorded.json().getString("txId"));
        refused(
                409,
                () -> http.post(
                        "/api/v1/certificates/" + fuel + "/recognition",
                        token(Cast.EAST_ADMIN),
                        Map.of("region", Cast.EAST)));
        Http.Answer notRecognised = refused(
                409,
                () -> http.post(
                        "/api/v1/certificates/" + fuel + "/recognition",
                        token(Cast.CENTRAL_SOUTH_ADMIN),
                        Map.of("region", Cast.CENTRAL_SOUTH)));
        assertThat(notRecognised.errorCode()).isEqualTo("CONFLICT");
        refused(
                409,
                () -> http.post(
                        "/api/v1/certificates/" + scale + "/recognition",
                        token(Cast.EAST_ADMIN),
                        Map.of("region", Cast.EAST)));
    }

    @Test
    void the_issuers_own_region_recognises_its_valid_certificate_without_an_agreement() {
        JsonObject own = recognition(scale, Cast.NORTH);
        assertThat(own.getBoolean("recognised")).isTrue();
        assertThat(own.getJsonArray("reasons").getJsonObject(0).getString("name"))
                .isEqualTo("own-region");
    }

    @Test
    void bad_input_to_every_recognition_write_is_a_4xx_error_and_writes_nothing() {
        String north = token(Cast.NORTH_ADMIN);
        Map<String, Object> good =
                agreement(id("RA-BAD"), List.of(Cast.NORTH, Cast.CENTRAL_SOUTH), List.of("temperature"));
        refused(
                400,
                () -> http.post(
                        "/api/v1/recognition-agreements",
                        north,
                        CreditScenarioTest.with(good, "members", List.of(Cast.NORTH))));
        refused(
                400,
                () -> http.post(
                        "/api/v1/recognition-agreements",
                        north,
                        CreditScenarioTest.with(good, "validTo", "2020-01-01T00:00:00Z")));
        refused(
                400,
                () -> http.post(
                        "/api/v1/recognition-agreements",
                        north,
                        CreditScenarioTest.with(good, "categories", List.of())));
        refused(
                400,
                () -> http.post(
                        "/api/v1/recognition-agreements", north, CreditScenarioTest.with(good, "validFrom", "soon")));
        refused(403, () -> http.post("/api/v1/recognition-agreements", token(Cast.EAST_ADMIN), good));
        refused(403, () -> http.post("/api/v1/recognition-agreements", token(Cast.NORTH_LAB), good));
        refused(401, () -> http.post("/api/v1/recognition-agreements", null, good));

        committed(http.post("/api/v1/recognition-agreements", north, good));
        refused(
                404,
                () -> http.post("/api/v1/recognition-agreements/" + id("NO-SUCH") + "/acceptance", north, Map.of()));
        refused(
                409,
                () -> http.post("/api/v1/recognition-agreements/" + id("RA-BAD") + "/acceptance", north, Map.of()));
        refused(
                403,
                () -> http.post(
                        "/api/v1/recognition-agreements/" + id("RA-BAD") + "/acceptance",
                        token(Cast.EAST_ADMIN),
                        Map.of()));
        refused(
                400,
                () -> http.post(
                        "/api/v1/recognition-agreements/" + id("RA-BAD") + "/acceptance",
                        token(Cast.CENTRAL_SOUTH_ADMIN),
                        Map.of("id", id("RA-OTHER"))));
        assertThat(http.get("/api/v1/recognition-agreements/" + id("RA-BAD"), null)
                        .json()
                        .getString("status"))
                .isEqualTo("PROPOSED");

        refused(
                400,
                () -> http.post(
                        "/api/v1/certificates/" + fuel + "/recognition", north, Map.of("region", "Nowhere MSP!")));
        refused(
                403,
                () -> http.post("/api/v1/certificates/" + fuel + "/recognition", north, Map.of("region", Cast.EAST)));
        refused(400, () -> http.post("/api/v1/certificates/" + fuel + "/recognition", north, Map.of()));
        assertThat(http.get("/api/v1/certificates/" + fuel + "/recognition", null)
                        .status())
                .isEqualTo(400);
        missing("/api/v1/recognition-agreements/" + id("NO-SUCH"));
    }
}
