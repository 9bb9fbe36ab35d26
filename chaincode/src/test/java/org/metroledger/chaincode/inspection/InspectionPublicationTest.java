package org.metroledger.chaincode.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.hyperledger.fabric.shim.ledger.CompositeKey;
import org.junit.jupiter.api.Test;
import org.metroledger.chaincode.error.ErrorCode;
import org.metroledger.chaincode.json.Canonical;
import org.metroledger.simulation.Member;
import org.metroledger.testbed.Expect;
import org.metroledger.testbed.TestWorld;

class InspectionPublicationTest {
    private final TestWorld world = new TestWorld();
    private final List<String> markets = Draws.registerMarkets(world, 60);

    private Member memberOf(String participantId) {
        return participantId.equals("p-north-inspector") ? world.northInspector : world.eastInspector;
    }

    private Member otherInspector(String participantId) {
        return participantId.equals("p-north-inspector") ? world.eastInspector : world.northInspector;
    }

    @Test
    void published_selection_is_what_re_running_draw_selection_on_the_published_inputs_gives() {
        JsonNode draw = Draws.publish(world, "d1");
        assertThat(draw.get("status").asText()).isEqualTo("PUBLISHED");
        JsonNode publication = draw.get("publication");
        List<Candidate> candidates =
                Canonical.mapper().convertValue(publication.get("candidates"), new TypeReference<List<Candidate>>() {});
        // Only North's MARKET entities: not North's fuel station, not East's market.
        assertThat(candidates).extracting(Candidate::entity).isEqualTo(markets);
        assertThat(candidates).allSatisfy(c -> {
            assertThat(c.grade()).isEqualTo("A");
            assertThat(c.ratio()).isEqualTo("0.05");
        });
        assertThat(publication.get("policyVersion").asInt()).isEqualTo(1);

        DrawSelection.Outcome rerun =
                DrawSelection.select(draw.get("combinedSeed").asText(), candidates, Draws.INSPECTORS);
        assertThat(Canonical.json(rerun.selected()))
                .isEqualTo(publication.get("selected").toString());
        assertThat(Canonical.json(rerun.assignments()))
                .isEqualTo(publication.get("assignments").toString());
        assertThat(rerun.selected()).isNotEmpty();
    }

    @Test
    void publish_before_every_reveal_is_refused() {
        Draws.create(world, "d1", "MARKET");
        Draws.commitAll(world, "d1");
        world.bed.submit(world.eastAdmin, "inspection:RevealSeed", Draws.reveal("d1", world.eastAdmin));
        Expect.refused(world.bed, ErrorCode.CONFLICT, world.northAdmin, "inspection:Publish", "{\"drawId\":\"d1\"}");
    }

    @Test
    void a_draw_is_published_once() {
        Draws.publish(world, "d1");
        Expect.refused(world.bed, ErrorCode.CONFLICT, world.northAdmin, "inspection:Publish", "{\"drawId\":\"d1\"}");
    }

    @Test
    void assigned_inspectors_result_is_kept_on_the_draw_and_recorded_as_a_credit_event_that_the_next_draw_rates() {
        Map.Entry<String, String> assignment = Draws.firstAssignment(Draws.publish(world, "d1"));
        String entity = assignment.getKey();
        JsonNode result = Canonical.tree(
                world.bed.submit(
                        memberOf(assignment.getValue()),
                        "inspection:RecordResult",
                        Draws.result("d1", entity, "CHEATING_DEVICE")),
                "result");
        assertThat(result.get("inspector").asText()).isEqualTo(assignment.getValue());
        String creditEvent = result.get("creditEvent").asText();
        assertThat(creditEvent).isEqualTo("inspection:" + result.get("txId").asText());

        JsonNode stored = Canonical.tree(world.bed.evaluate(world.stranger, "inspection:Get", Draws.byId("d1")), "d");
        assertThat(stored.get("results").get(entity).get("outcome").asText()).isEqualTo("CHEATING_DEVICE");
        JsonNode event = Canonical.tree(
                new String(
                        world.bed
                                .state()
                                .get(new CompositeKey("CreditEvent", creditEvent).toString())
                                .value(),
                        StandardCharsets.UTF_8),
                "event");
        assertThat(event.get("type").asText()).isEqualTo("CHEATING_DEVICE");
        assertThat(event.get("entity").asText()).isEqualTo(entity);
        assertThat(event.get("reference").get("kind").asText()).isEqualTo("DRAW");
        assertThat(event.get("reference").get("id").asText()).isEqualTo("d1");

        // A cheating device forces grade D, sampled at 100 %: the next draw must select the entity.
        JsonNode next = Draws.publish(world, "d2");
        assertThat(next.get("publication").get("assignments").has(entity)).isTrue();
        assertThat(next.get("publication").get("candidates").toString())
                .contains("{\"entity\":\"" + entity + "\",\"grade\":\"D\",\"ratio\":\"1.00\"}");
    }

    @Test
    void one_result_per_entity_and_only_from_its_assigned_inspector() {
        Map.Entry<String, String> assignment = Draws.firstAssignment(Draws.publish(world, "d1"));
        String request = Draws.result("d1", assignment.getKey(), "PASSED");
        Expect.refused(
                world.bed,
                ErrorCode.FORBIDDEN,
                otherInspector(assignment.getValue()),
                "inspection:RecordResult",
                request);
        world.bed.submit(memberOf(assignment.getValue()), "inspection:RecordResult", request);
        Expect.refused(world.bed, ErrorCode.CONFLICT, world.northAdmin, "inspection:RecordResult", request);
    }

    @Test
    void result_for_an_entity_the_draw_did_not_select_is_refused() {
        JsonNode draw = Draws.publish(world, "d1");
        String unselected = markets.stream()
                .filter(m -> !draw.get("publication").get("assignments").has(m))
                .findFirst()
                .orElseThrow();
        Expect.refused(
                world.bed,
                ErrorCode.CONFLICT,
                world.northAdmin,
                "inspection:RecordResult",
                Draws.result("d1", unselected, "PASSED"));
    }

    @Test
    void centre_admin_may_name_an_inspector_of_the_pool_only() {
        Map.Entry<String, String> assignment = Draws.firstAssignment(Draws.publish(world, "d1"));
        String request = Draws.result("d1", assignment.getKey(), "PASSED");
        Expect.invalid(
                world.bed,
                "inspector",
                world.northAdmin,
                "inspection:RecordResult",
                request.replace("{", "{\"inspector\":\"p-north-lab\","));
        JsonNode result = Canonical.tree(
                world.bed.submit(
                        world.northAdmin,
                        "inspection:RecordResult",
                        request.replace("{", "{\"inspector\":\"p-east-inspector\",")),
                "result");
        assertThat(result.get("inspector").asText()).isEqualTo("p-east-inspector");
    }
}
