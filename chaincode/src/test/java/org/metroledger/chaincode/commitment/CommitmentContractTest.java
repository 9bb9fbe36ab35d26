package org.metroledger.chaincode.commitment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.metroledger.testbed.TestWorld.ENTITY_EAST;
import static org.metroledger.testbed.TestWorld.ENTITY_NORTH;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.metroledger.chaincode.credit.CreditRequests;
import org.metroledger.chaincode.error.ErrorCode;
import org.metroledger.chaincode.json.Canonical;
import org.metroledger.testbed.Expect;
import org.metroledger.testbed.TestBed;
import org.metroledger.testbed.TestWorld;

class CommitmentContractTest {
    private final TestWorld world = new TestWorld();
    private final TestBed bed = world.bed;

    private JsonNode publish(String id) {
        return tree(bed.submit(world.northEntity, "commitment:Publish", CreditRequests.publish(id, ENTITY_NORTH)));
    }

    private JsonNode active(String entity) {
        return tree(bed.evaluate(world.stranger, "commitment:Active", "{\"entity\":\"" + entity + "\"}"));
    }

    private static JsonNode tree(String json) {
        return Canonical.tree(json, "answer");
    }

    @Test
    void an_entity_publishes_its_commitment_and_anyone_reads_it_as_active() {
        JsonNode published = publish("c-1");
        assertThat(published.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(published.get("publishedAt").asText()).isEqualTo(bed.now().toString());
        assertThat(published.get("effectiveFrom").asText()).isEqualTo(bed.now().toString());
        assertThat(published.get("items").get(1).get("text").asText()).isEqualTo("缺一罚十");
        assertThat(active(ENTITY_NORTH).get("id").asText()).isEqualTo("c-1");
        assertThat(tree(bed.evaluate(world.eastInspector, "commitment:Get", "{\"id\":\"c-1\"}")))
                .isEqualTo(published);
    }

    @Test
    void a_second_active_commitment_is_a_conflict_until_the_first_is_withdrawn() {
        publish("c-1");
        bed.advance(Duration.ofDays(1));
        Expect.refused(
                bed,
                ErrorCode.CONFLICT,
                world.northEntity,
                "commitment:Publish",
                CreditRequests.publish("c-2", ENTITY_NORTH));
        JsonNode withdrawn =
                tree(bed.submit(world.northEntity, "commitment:Withdraw", "{\"id\":\"c-1\",\"reason\":\"shop sold\"}"));
        assertThat(withdrawn.get("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(withdrawn.get("statusReason").asText()).isEqualTo("shop sold");
        Expect.refused(
                bed, ErrorCode.NOT_FOUND, world.stranger, "commitment:Active", "{\"entity\":\"" + ENTITY_NORTH + "\"}");
        bed.advance(Duration.ofDays(1));
        publish("c-2");
        assertThat(active(ENTITY_NORTH).get("id").asText()).isEqualTo("c-2");
    }

    @Test
    void withdrawing_twice_is_a_conflict() {
        publish("c-1");
        bed.submit(world.northEntity, "commitment:Withdraw", "{\"id\":\"c-1\",\"reason\":\"r\"}");
        Expect.refused(
                bed, ErrorCode.CONFLICT, world.northEntity, "commitment:Withdraw", "{\"id\":\"c-1\",\"reason\":\"r\"}");
    }

    @Test
    void a_successor_may_be_published_to_start_when_the_current_one_ends() {
        Map<String, Object> first = CreditRequests.publication("c-1", ENTITY_NORTH);
        first.put("effectiveTo", "2026-01-01T00:00:00Z");
        bed.submit(world.northEntity, "commitment:Publish", Canonical.json(first));
        Map<String, Object> overlapping = CreditRequests.publication("c-2", ENTITY_NORTH);
        overlapping.put("effectiveFrom", "2025-12-31T00:00:00Z");
        Expect.refused(bed, ErrorCode.CONFLICT, world.northEntity, "commitment:Publish", Canonical.json(overlapping));
        Map<String, Object> successor = CreditRequests.publication("c-2", ENTITY_NORTH);
        successor.put("effectiveFrom", "2026-01-01T00:00:00Z");
        bed.submit(world.northEntity, "commitment:Publish", Canonical.json(successor));
        assertThat(active(ENTITY_NORTH).get("id").asText()).isEqualTo("c-1");
        bed.at(java.time.Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(active(ENTITY_NORTH).get("id").asText()).isEqualTo("c-2");
    }

    @Test
    void a_commitment_dated_before_its_publication_is_in_effect_only_from_publication() {
        Map<String, Object> backdated = CreditRequests.publication("c-1", ENTITY_NORTH);
        backdated.put("effectiveFrom", "2025-01-01T00:00:00Z");
        bed.submit(world.northEntity, "commitment:Publish", Canonical.json(backdated));
        bed.at(java.time.Instant.parse("2025-05-01T00:00:00Z"));
        Expect.refused(
                bed, ErrorCode.NOT_FOUND, world.stranger, "commitment:Active", "{\"entity\":\"" + ENTITY_NORTH + "\"}");
    }

    @Test
    void each_entity_has_its_own_active_commitment() {
        publish("c-north");
        bed.submit(world.eastEntity, "commitment:Publish", CreditRequests.publish("c-east", ENTITY_EAST));
        assertThat(active(ENTITY_EAST).get("id").asText()).isEqualTo("c-east");
        assertThat(active(ENTITY_NORTH).get("id").asText()).isEqualTo("c-north");
    }

    @Test
    void an_entity_lists_its_commitments_oldest_first_page_by_page() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String id = "c-" + (char) ('e' - i);
            publish(id);
            bed.advance(Duration.ofHours(1));
            bed.submit(world.northEntity, "commitment:Withdraw", "{\"id\":\"" + id + "\",\"reason\":\"renewed\"}");
            bed.advance(Duration.ofHours(1));
            ids.add(id);
        }
        List<String> listed = new ArrayList<>();
        String bookmark = "";
        int pages = 0;
        do {
            JsonNode page = tree(bed.evaluate(
                    world.stranger,
                    "commitment:ListByEntity",
                    Canonical.json(Map.of("entity", ENTITY_NORTH, "pageSize", 2, "bookmark", bookmark))));
            page.get("items").forEach(c -> listed.add(c.get("id").asText()));
            bookmark = page.get("bookmark").asText();
            pages++;
        } while (!bookmark.isEmpty());
        assertThat(listed).containsExactlyElementsOf(ids);
        assertThat(pages).isEqualTo(3);
        JsonNode east =
                tree(bed.evaluate(world.stranger, "commitment:ListByEntity", "{\"entity\":\"" + ENTITY_EAST + "\"}"));
        assertThat(east.get("items")).isEmpty();
    }

    @Test
    void unknown_commitments_and_entities_are_not_found() {
        Expect.refused(bed, ErrorCode.NOT_FOUND, world.stranger, "commitment:Get", "{\"id\":\"nope\"}");
        String unknown = TestWorld.withCheck("91440300MA5FXXXX1");
        Expect.refused(
                bed, ErrorCode.NOT_FOUND, world.stranger, "commitment:Active", "{\"entity\":\"" + unknown + "\"}");
        Expect.refused(
                bed,
                ErrorCode.NOT_FOUND,
                world.stranger,
                "commitment:ListByEntity",
                "{\"entity\":\"" + unknown + "\"}");
        Expect.refused(
                bed,
                ErrorCode.NOT_FOUND,
                world.northEntity,
                "commitment:Withdraw",
                "{\"id\":\"nope\",\"reason\":\"r\"}");
    }
}
