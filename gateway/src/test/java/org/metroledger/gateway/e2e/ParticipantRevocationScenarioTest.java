package org.metroledger.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A centre admin revokes a participant: the certificate goes on its CA's CRL, the network refuses
 * it (on Fabric the peers' MSP validation, before any chaincode runs; embedded, the ledger's check
 * against its CA's CRL), the record says REVOKED, and nobody else is affected.
 */
class ParticipantRevocationScenarioTest extends Scenario {
    HttpWorld world;

    @Override
    void prepare() {
        world = registerWorld();
    }

    @Test
    void a_revoked_inspector_is_refused_by_the_network_with_a_code_and_the_record_says_revoked() {
        assertThat(http.get("/api/v1/me", token(Cast.NORTH_INSPECTOR)).status()).isEqualTo(200);

        Http.Answer revoked = HttpWorld.created(http.post(
                "/api/v1/participants/" + world.inspector + "/revocation",
                token(Cast.NORTH_ADMIN),
                Map.of("reason", "left the service", "reasonCode", "cessationofoperation")));
        assertThat(revoked.record().getString("status")).isEqualTo("REVOKED");
        assertThat(revoked.record().getJsonObject("revocation").getString("reason"))
                .isEqualTo("left the service");

        Http.Answer refused = http.get("/api/v1/me", token(Cast.NORTH_INSPECTOR));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(refused.errorCode()).isEqualTo("IDENTITY_REFUSED");
        Http.Answer history = http.get("/api/v1/history/Participant/" + world.inspector, token(Cast.NORTH_INSPECTOR));
        assertThat(history.status()).as(history.toString()).isEqualTo(403);

        // The CRL names that certificate only: the rest of North acts as before.
        assertThat(http.get("/api/v1/me", token(Cast.NORTH_LAB)).status()).isEqualTo(200);
        Http.Answer record = http.get("/api/v1/history/Participant/" + world.inspector, token(Cast.NORTH_ADMIN));
        assertThat(record.status()).as(record.toString()).isEqualTo(200);
        assertThat(new JsonArray(record.body())
                        .getJsonObject(0)
                        .getJsonObject("value")
                        .getString("status"))
                .isEqualTo("REVOKED");

        Http.Answer again = http.post(
                "/api/v1/participants/" + world.inspector + "/revocation",
                token(Cast.NORTH_ADMIN),
                Map.of("reason", "again"));
        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        assertThat(again.errorCode()).isEqualTo("CONFLICT");
    }

    @Test
    void only_the_participants_own_centre_admin_may_revoke_and_bad_input_is_a_4xx_naming_the_field() {
        String path = "/api/v1/participants/" + world.inspector + "/revocation";
        Http.Answer otherRegion = http.post(path, token(Cast.EAST_ADMIN), Map.of("reason", "not mine"));
        assertThat(otherRegion.status()).as(otherRegion.toString()).isEqualTo(403);
        assertThat(otherRegion.errorCode()).isEqualTo("FORBIDDEN");
        Http.Answer lab = http.post(path, token(Cast.NORTH_LAB), Map.of("reason", "not allowed"));
        assertThat(lab.status()).as(lab.toString()).isEqualTo(403);

        Http.Answer noReason = http.post(path, token(Cast.NORTH_ADMIN), Map.of());
        assertThat(noReason.status()).as(noReason.toString()).isEqualTo(400);
        assertThat(noReason.body()).contains("reason");
        Http.Answer badCode = http.post(path, token(Cast.NORTH_ADMIN), Map.of("reason", "r", "reasonCode", "because"));
        assertThat(badCode.status()).as(badCode.toString()).isEqualTo(400);
        Http.Answer unknown = http.post(
                "/api/v1/participants/" + id("nobody") + "/revocation", token(Cast.NORTH_ADMIN), Map.of("reason", "r"));
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(404);
    }

    @Test
    void a_participant_the_gateway_enrols_at_its_ca_acts_with_its_token_until_revoked() {
        String inspector = id("p-enrolled-inspector");
        Http.Answer enrolled = HttpWorld.created(http.post(
                "/api/v1/participants",
                token(Cast.NORTH_ADMIN),
                Map.of("id", inspector, "role", "INSPECTOR", "name", "新检查员")));
        String token = enrolled.json().getString("token");
        assertThat(token).isNotBlank();
        assertThat(enrolled.record().getString("certificateSerial")).isNotBlank();

        Http.Answer me = http.get("/api/v1/me", token);
        assertThat(me.status()).as(me.toString()).isEqualTo(200);
        assertThat(me.json().getString("role")).isEqualTo("INSPECTOR");
        assertThat(me.json().getJsonObject("participant").getString("id")).isEqualTo(inspector);

        Http.Answer notAdmin = http.post(
                "/api/v1/participants",
                token(Cast.NORTH_LAB),
                Map.of("id", id("p-by-lab"), "role", "INSPECTOR", "name", "x"));
        assertThat(notAdmin.status()).as(notAdmin.toString()).isEqualTo(403);
        Http.Answer badId = http.post(
                "/api/v1/participants",
                token(Cast.NORTH_ADMIN),
                Map.of("id", "no spaces/please", "role", "INSPECTOR", "name", "x"));
        assertThat(badId.status()).as(badId.toString()).isEqualTo(400);

        HttpWorld.created(http.post(
                "/api/v1/participants/" + inspector + "/revocation",
                token(Cast.NORTH_ADMIN),
                Map.of("reason", "moved to another region", "reasonCode", "affiliationchanged")));
        Http.Answer refused = http.get("/api/v1/me", token);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(refused.errorCode()).isEqualTo("IDENTITY_REFUSED");
    }
}
