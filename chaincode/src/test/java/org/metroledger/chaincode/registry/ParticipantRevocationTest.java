package org.metroledger.chaincode.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.metroledger.chaincode.error.ErrorCode;
import org.metroledger.chaincode.json.Canonical;
import org.metroledger.testbed.TestBed.Refusal;
import org.metroledger.testbed.TestWorld;

/** RevokeParticipant: final, recorded with who and why, and a revoked participant acts no more. */
class ParticipantRevocationTest {
    private final TestWorld world = new TestWorld();

    @Test
    void a_revoked_participant_is_recorded_revoked_and_may_no_longer_act() {
        String before = world.bed.evaluate(world.northInspector, "registry:WhoAmI", "");
        assertThat(Canonical.tree(before, "answer").path("role").asText()).isEqualTo("INSPECTOR");
        assertThat(Canonical.tree(before, "answer")
                        .path("participant")
                        .path("certificateSerial")
                        .asText())
                .isEqualTo(world.northInspector.certificate().getSerialNumber().toString(16));

        String revoked = world.bed.submit(
                world.northAdmin,
                "registry:RevokeParticipant",
                "{\"id\":\"p-north-inspector\",\"reason\":\"left the service\"}");
        var record = Canonical.tree(revoked, "answer");
        assertThat(record.path("status").asText()).isEqualTo("REVOKED");
        assertThat(record.path("revocation").path("reason").asText()).isEqualTo("left the service");
        assertThat(record.path("revocation").path("at").asText()).isNotEmpty();

        String after = world.bed.evaluate(world.northInspector, "registry:WhoAmI", "");
        assertThat(Canonical.tree(after, "answer").hasNonNull("role")).isFalse();
        assertThatThrownBy(() -> world.bed.submit(
                        world.northInspector, "registry:RegisterRegion", "{\"name\":\"华北\",\"provinces\":[\"北京\"]}"))
                .isInstanceOfSatisfying(Refusal.class, r -> {
                    assertThat(r.code()).as(r.getMessage()).isEqualTo(ErrorCode.FORBIDDEN);
                    assertThat(r.getMessage()).contains("revoked");
                });
    }

    @Test
    void revocation_is_final_and_the_same_certificate_cannot_be_registered_again() {
        world.bed.submit(
                world.northAdmin, "registry:RevokeParticipant", "{\"id\":\"p-north-lab\",\"reason\":\"key lost\"}");
        assertThatThrownBy(() -> world.bed.submit(
                        world.northAdmin,
                        "registry:RevokeParticipant",
                        "{\"id\":\"p-north-lab\",\"reason\":\"again\"}"))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.code()).isEqualTo(ErrorCode.CONFLICT));
        assertThatThrownBy(() -> world.bed.submit(
                        world.northAdmin,
                        "registry:RegisterParticipant",
                        Canonical.json(java.util.Map.of(
                                "id", "p-north-lab-2",
                                "certificate", world.northLab.certificatePem(),
                                "role", "LAB",
                                "organisation", TestWorld.LAB_NORTH,
                                "name", "again"))))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.code()).isEqualTo(ErrorCode.CONFLICT));
    }

    @Test
    void an_unknown_participant_is_not_found() {
        assertThatThrownBy(() -> world.bed.submit(
                        world.northAdmin, "registry:RevokeParticipant", "{\"id\":\"nobody\",\"reason\":\"r\"}"))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.code()).isEqualTo(ErrorCode.NOT_FOUND));
    }
}
