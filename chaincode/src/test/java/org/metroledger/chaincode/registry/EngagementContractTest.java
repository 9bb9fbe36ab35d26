package org.metroledger.chaincode.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.metroledger.chaincode.error.ErrorCode;
import org.metroledger.chaincode.json.Canonical;
import org.metroledger.testbed.Expect;
import org.metroledger.testbed.TestBed;
import org.metroledger.testbed.TestWorld;

/** Engagements: recorded and withdrawn by the instrument's owner or the standard's holder lab only. */
class EngagementContractTest {
    private final TestWorld world = new TestWorld();
    private final TestBed bed = world.bed;

    EngagementContractTest() {
        bed.submit(
                world.northAdmin,
                "registry:RegisterInstrument",
                RegistryAuthorisationTest.instrumentRequest("inst-1", TestWorld.ENTITY_NORTH));
        bed.submit(
                world.northAdmin,
                "registry:RegisterStandard",
                Canonical.json(Map.of(
                        "id",
                        "std-1",
                        "holder",
                        TestWorld.LAB_NORTH,
                        "description",
                        "d",
                        "level",
                        "WORKING",
                        "category",
                        "weighing")));
    }

    private static JsonNode tree(String json) {
        return Canonical.tree(json, "answer");
    }

    @Test
    void the_owner_engages_a_lab_of_any_region_for_its_instrument() {
        JsonNode engagement = tree(bed.submit(
                world.northEntity,
                "engagement:Request",
                TestWorld.engagement("E-1", TestWorld.LAB_EAST, "inst-1", "INSTRUMENT")));
        assertThat(engagement.get("status").asText()).isEqualTo("OPEN");
        assertThat(engagement.get("requestedBy").asText()).isEqualTo(TestWorld.ENTITY_NORTH);
        assertThat(engagement.get("lab").asText()).isEqualTo(TestWorld.LAB_EAST);
        assertThat(tree(bed.evaluate(world.stranger, "engagement:Get", "{\"id\":\"E-1\"}")))
                .isEqualTo(engagement);
        assertThat(tree(bed.evaluate(world.stranger, "audit:History", "{\"type\":\"Engagement\",\"id\":\"E-1\"}")))
                .hasSize(1);
    }

    @Test
    void the_holder_lab_requests_another_lab_s_certificate_for_its_standard() {
        JsonNode engagement = tree(bed.submit(
                world.northLab,
                "engagement:Request",
                TestWorld.engagement("E-S", TestWorld.LAB_EAST, "std-1", "STANDARD")));
        assertThat(engagement.get("requestedBy").asText()).isEqualTo(TestWorld.LAB_NORTH);
        assertThat(engagement.get("subjectType").asText()).isEqualTo("STANDARD");
    }

    @Test
    void withdrawal_ends_it_once_with_the_reason() {
        bed.submit(
                world.northEntity,
                "engagement:Request",
                TestWorld.engagement("E-1", TestWorld.LAB_EAST, "inst-1", "INSTRUMENT"));
        String withdraw = Canonical.json(Map.of("id", "E-1", "reason", "changed my mind"));
        JsonNode withdrawn = tree(bed.submit(world.northEntity, "engagement:Withdraw", withdraw));
        assertThat(withdrawn.get("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(withdrawn.get("statusReason").asText()).isEqualTo("changed my mind");
        assertThat(withdrawn.get("statusChangedAt").asText())
                .isEqualTo(bed.now().toString());
        Expect.refused(bed, ErrorCode.CONFLICT, world.northEntity, "engagement:Withdraw", withdraw);
    }

    @Test
    void refusals_name_what_is_missing_or_taken() {
        Expect.refused(
                bed,
                ErrorCode.NOT_FOUND,
                world.northEntity,
                "engagement:Request",
                TestWorld.engagement("E-1", "lab-none", "inst-1", "INSTRUMENT"));
        Expect.refused(
                bed,
                ErrorCode.NOT_FOUND,
                world.northEntity,
                "engagement:Request",
                TestWorld.engagement("E-1", TestWorld.LAB_EAST, "inst-none", "INSTRUMENT"));
        Expect.refused(
                bed,
                ErrorCode.NOT_FOUND,
                world.northEntity,
                "engagement:Withdraw",
                "{\"id\":\"E-none\",\"reason\":\"r\"}");
        bed.submit(
                world.northEntity,
                "engagement:Request",
                TestWorld.engagement("E-1", TestWorld.LAB_EAST, "inst-1", "INSTRUMENT"));
        Expect.refused(
                bed,
                ErrorCode.CONFLICT,
                world.northEntity,
                "engagement:Request",
                TestWorld.engagement("E-1", TestWorld.LAB_NORTH, "inst-1", "INSTRUMENT"));
    }
}
