package org.metroledger.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Who may record a certificate, and when (DESIGN §4), over HTTP on either backend: dates within the
 * back-dating allowance, legal-verification authorisations per region, owners' engagements, and a
 * withdrawal that is final.
 */
class RecordingRulesScenarioTest extends Scenario {
    HttpWorld world;

    @Override
    void prepare() {
        world = registerWorld();
        world.primaryChain();
    }

    private Http.Answer registerNorthInstrument(String local) {
        return HttpWorld.created(http.post(
                "/api/v1/instruments", token(Cast.NORTH_ENTITY), world.instrument(id(local), world.entityNorth)));
    }

    private Http.Answer issueAsEast(Map<String, Object> request) {
        return http.post(
                "/api/v1/certificates",
                token(Cast.EAST_LAB),
                CertificateRequests.signed(world.eastLabKey.getPrivate(), request));
    }

    private Http.Answer issueAsNorth(Map<String, Object> request) {
        return http.post(
                "/api/v1/certificates",
                token(Cast.NORTH_LAB),
                CertificateRequests.signed(world.northLabKey.getPrivate(), request));
    }

    @Test
    void a_lab_of_another_region_cannot_put_a_failing_verification_on_an_instrument_until_that_region_authorises_it() {
        registerNorthInstrument("pump-9");
        Map<String, Object> failing = world.verification(id("C-EAST-FAIL"), id("pump-9"));
        failing.put("issuer", world.labEast);
        failing.put("conformity", "FAIL");

        Http.Answer refused = refused(403, () -> issueAsEast(failing));
        assertThat(refused.errorCode()).isEqualTo("FORBIDDEN");
        assertThat(refused.json().getJsonObject("error").getString("message"))
                .contains("legal-verification authorisation of " + Cast.NORTH);
        missing("/api/v1/certificates/" + id("C-EAST-FAIL"));

        committed(world.authorise(Cast.NORTH_ADMIN, world.labEast, "fuel-dispenser"));
        Http.Answer recorded = committed(issueAsEast(failing));
        assertThat(recorded.record().getString("conformity")).isEqualTo("FAIL");
    }

    @Test
    void a_calibration_of_an_instrument_needs_one_engagement_of_its_owner_each() {
        registerNorthInstrument("meter-1");
        Map<String, Object> calibration = world.verification(id("CAL-1"), id("meter-1"));
        calibration.put("kind", "CALIBRATION");
        calibration.put("conformity", "NONE");
        calibration.remove("decisionRule");

        refused(403, () -> issueAsNorth(calibration));
        Http.Answer engaged = committed(world.engageNorthLab(id("E-1"), id("meter-1")));
        assertThat(engaged.record().getString("status")).isEqualTo("OPEN");
        committed(issueAsNorth(calibration));

        Http.Answer used = http.get("/api/v1/engagements/" + id("E-1"), null);
        assertThat(used.status()).as(used.toString()).isEqualTo(200);
        assertThat(used.json().getString("status")).isEqualTo("USED");
        assertThat(used.json().getString("certificate")).isEqualTo(id("CAL-1"));
        calibration.put("id", id("CAL-2"));
        refused(403, () -> issueAsNorth(calibration));
        refused(
                409,
                () -> http.post(
                        "/api/v1/engagements/" + id("E-1") + "/withdrawal",
                        token(Cast.NORTH_ENTITY),
                        Map.of("reason", "done")));
    }

    @Test
    void only_the_owner_engages_or_withdraws_and_bad_input_names_the_field() {
        registerNorthInstrument("meter-2");
        Map<String, Object> engagement =
                Map.of("id", id("E-2"), "lab", world.labEast, "subject", id("meter-2"), "subjectType", "INSTRUMENT");
        refused(403, () -> http.post("/api/v1/engagements", token(Cast.EAST_ENTITY), engagement));
        Http.Answer bad = refused(
                400,
                () -> http.post(
                        "/api/v1/engagements",
                        token(Cast.NORTH_ENTITY),
                        CreditScenarioTest.with(engagement, "subjectType", "ENTITY")));
        assertThat(bad.json().getJsonObject("error").getString("message")).contains("subjectType");
        committed(http.post("/api/v1/engagements", token(Cast.NORTH_ENTITY), engagement));
        String withdrawal = "/api/v1/engagements/" + id("E-2") + "/withdrawal";
        refused(403, () -> http.post(withdrawal, token(Cast.EAST_ENTITY), Map.of("reason", "not mine")));
        Http.Answer withdrawn =
                committed(http.post(withdrawal, token(Cast.NORTH_ENTITY), Map.of("reason", "changed my mind")));
        assertThat(withdrawn.record().getString("status")).isEqualTo("WITHDRAWN");
        missing("/api/v1/engagements/" + id("E-none"));
    }

    @Test
    void only_a_centre_admin_grants_in_its_own_region_and_bad_dates_are_named() {
        String path = "/api/v1/labs/" + world.labNorth + "/authorisations";
        Map<String, Object> grant = Map.of(
                "category",
                world.category("weighing"),
                "validFrom",
                "2020-01-01T00:00:00Z",
                "validUntil",
                "2030-01-01T00:00:00Z");
        for (String caller : List.of(Cast.NORTH_LAB, Cast.NORTH_ENTITY, Cast.NORTH_INSPECTOR)) {
            refused(403, () -> http.post(path, token(caller), grant));
        }
        Http.Answer bad = refused(
                400,
                () -> http.post(
                        path,
                        token(Cast.CENTRAL_SOUTH_ADMIN),
                        CreditScenarioTest.with(grant, "validUntil", "2019-01-01T00:00:00Z")));
        assertThat(bad.json().getJsonObject("error").getString("message")).startsWith("validUntil");
        Http.Answer granted = committed(http.post(path, token(Cast.CENTRAL_SOUTH_ADMIN), grant));
        assertThat(granted.record().getString("region")).isEqualTo(Cast.CENTRAL_SOUTH);
        assertThat(granted.record().getString("lab")).isEqualTo(world.labNorth);
    }

    @Test
    void a_certificate_dated_back_beyond_the_allowance_is_refused_naming_issuedAt() {
        registerNorthInstrument("pump-old");
        Map<String, Object> old = CertificateRequests.verification(
                id("C-OLD"),
                world.labNorth,
                id("pump-old"),
                world.daysAgo(40),
                List.of(CertificateRequests.link(world.primaryStandard, world.primaryCertificate)));
        Http.Answer bad = refused(400, () -> issueAsNorth(old));
        assertThat(bad.json().getJsonObject("error").getString("message")).startsWith("issuedAt");
    }

    @Test
    void a_withdrawn_lab_stays_withdrawn() {
        HttpWorld.created(
                http.post("/api/v1/labs", token(Cast.EAST_ADMIN), world.lab(id("lab-gone"), world.eastLabKey)));
        String status = "/api/v1/labs/" + id("lab-gone") + "/status";
        committed(http.post(status, token(Cast.EAST_ADMIN), Map.of("status", "WITHDRAWN", "reason", "closed")));
        refused(409, () -> http.post(status, token(Cast.EAST_ADMIN), Map.of("status", "ACTIVE", "reason", "reopened")));
        Http.Answer lab = http.get("/api/v1/labs/" + id("lab-gone"), null);
        assertThat(lab.json().getJsonArray("standing")).hasSize(2);
        refused(
                409,
                () -> http.post(
                        "/api/v1/labs/" + id("lab-gone") + "/accreditation",
                        token(Cast.EAST_ADMIN),
                        Map.of(
                                "accreditation",
                                world.lab(id("lab-gone"), world.eastLabKey).get("accreditation"),
                                "reason",
                                "reassessed")));
    }

    @Test
    void a_renewed_accreditation_joins_the_lab_s_standing_history() {
        String path = "/api/v1/labs/" + world.labEast + "/accreditation";
        Map<String, Object> renewal = Map.of(
                "accreditation",
                world.lab(world.labEast, world.eastLabKey).get("accreditation"),
                "reason",
                "reassessed");
        refused(403, () -> http.post(path, token(Cast.NORTH_ADMIN), renewal));
        refused(400, () -> http.post(path, token(Cast.EAST_ADMIN), Map.of("reason", "no accreditation")));
        Http.Answer renewed = committed(http.post(path, token(Cast.EAST_ADMIN), renewal));
        assertThat(renewed.record().getJsonArray("standing")).hasSize(2);
    }
}
