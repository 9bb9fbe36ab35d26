package org.metroledger.chaincode.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.metroledger.testbed.TestWorld.ENTITY_EAST;
import static org.metroledger.testbed.TestWorld.ENTITY_NORTH;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.metroledger.chaincode.error.ErrorCode;
import org.metroledger.chaincode.json.Canonical;
import org.metroledger.simulation.ContractHost.Simulation;
import org.metroledger.simulation.Member;
import org.metroledger.testbed.Expect;
import org.metroledger.testbed.TestBed;
import org.metroledger.testbed.TestWorld;

class CreditContractTest {
    private final TestWorld world = new TestWorld();
    private final TestBed bed = world.bed;

    private JsonNode record(String id, String type, String occurredAt) {
        return tree(bed.submit(
                world.northInspector, "credit:RecordEvent", CreditRequests.record(id, ENTITY_NORTH, type, occurredAt)));
    }

    private JsonNode rating(String entity, String at) {
        String request = at == null
                ? Canonical.json(Map.of("entity", entity))
                : Canonical.json(Map.of("entity", entity, "at", at));
        return tree(bed.evaluate(world.stranger, "credit:Rating", request));
    }

    private static JsonNode tree(String json) {
        return Canonical.tree(json, "answer");
    }

    @Nested
    class Recording {
        @Test
        void an_inspector_records_an_event_of_its_region_and_everyone_sees_the_rating_drop() {
            Simulation sim = bed.simulate(
                    world.northInspector,
                    "credit:RecordEvent",
                    CreditRequests.record("ev-1", ENTITY_NORTH, "SHORT_WEIGHT", "2025-05-20T09:30:00+08:00"));
            assertThat(sim.readWriteSet().event()).hasValueSatisfying(e -> {
                assertThat(e.name()).isEqualTo("CreditEventRecorded");
                assertThat(new String(e.payload(), StandardCharsets.UTF_8)).contains("\"id\":\"ev-1\"");
            });
            JsonNode event = record("ev-1", "SHORT_WEIGHT", "2025-05-20T09:30:00+08:00");
            assertThat(event.get("occurredAt").asText()).isEqualTo("2025-05-20T01:30:00Z");
            assertThat(event.get("recordedBy").asText()).isEqualTo("p-north-inspector");
            assertThat(event.get("repaired").asBoolean()).isFalse();
            assertThat(event.get("txId").asText()).isNotEmpty();
            JsonNode rating = rating(ENTITY_NORTH, null);
            assertThat(rating.get("score").asInt()).isEqualTo(85);
            assertThat(rating.get("grade").asText()).isEqualTo("B");
            assertThat(rating.get("samplingRatio").asText()).isEqualTo("0.10");
            assertThat(rating.get("contributions").get(0).get("eventId").asText())
                    .isEqualTo("ev-1");
            assertThat(rating(ENTITY_EAST, null).get("score").asInt()).isEqualTo(100);
        }

        @Test
        void a_bootstrap_admin_is_named_by_its_certificate_as_recorder() {
            JsonNode event = tree(bed.submit(
                    world.northAdmin,
                    "credit:RecordEvent",
                    CreditRequests.record("ev-1", ENTITY_NORTH, "INSPECTION_PASSED", "2025-05-01T00:00:00Z")));
            assertThat(event.get("recordedBy").asText()).startsWith("x509::").contains("Admin@NorthMSP");
        }

        @Test
        void an_event_id_is_taken_once() {
            record("ev-1", "SHORT_WEIGHT", "2025-05-01T00:00:00Z");
            Expect.refused(
                    bed,
                    ErrorCode.CONFLICT,
                    world.northInspector,
                    "credit:RecordEvent",
                    CreditRequests.record("ev-1", ENTITY_NORTH, "INSPECTION_PASSED", "2025-05-01T00:00:00Z"));
        }

        @Test
        void an_unknown_entity_is_not_found() {
            Expect.refused(
                    bed,
                    ErrorCode.NOT_FOUND,
                    world.northInspector,
                    "credit:RecordEvent",
                    CreditRequests.record(
                            "ev-1", TestWorld.withCheck("91440300MA5FXXXX1"), "SHORT_WEIGHT", "2025-05-01T00:00:00Z"));
            Expect.refused(
                    bed,
                    ErrorCode.NOT_FOUND,
                    world.stranger,
                    "credit:Rating",
                    Canonical.json(Map.of("entity", TestWorld.withCheck("91440300MA5FXXXX1"))));
        }

        @Test
        void a_severe_event_forces_grade_D_with_full_sampling() {
            for (int i = 0; i < 5; i++) {
                record("pass-" + i, "INSPECTION_PASSED", "2025-05-0" + (i + 1) + "T00:00:00Z");
            }
            record("cheat", "CHEATING_DEVICE", "2025-05-10T00:00:00Z");
            JsonNode rating = rating(ENTITY_NORTH, null);
            assertThat(rating.get("score").asInt()).isEqualTo(70);
            assertThat(rating.get("grade").asText()).isEqualTo("D");
            assertThat(rating.get("samplingRatio").asText()).isEqualTo("1.00");
        }
    }

    @Nested
    class AsOfATime {
        @Test
        void a_rating_counts_an_event_from_its_occurrence_until_two_years_later() {
            record("ev-1", "INSPECTION_FAILED", "2025-05-01T00:00:00Z");
            assertThat(rating(ENTITY_NORTH, "2025-04-30T23:59:59Z").get("score").asInt())
                    .isEqualTo(100);
            assertThat(rating(ENTITY_NORTH, "2025-05-01T00:00:00Z").get("score").asInt())
                    .isEqualTo(90);
            assertThat(rating(ENTITY_NORTH, "2027-04-30T23:59:59Z").get("score").asInt())
                    .isEqualTo(90);
            JsonNode expired = rating(ENTITY_NORTH, "2027-05-01T00:00:00Z");
            assertThat(expired.get("score").asInt()).isEqualTo(100);
            assertThat(expired.get("at").asText()).isEqualTo("2027-05-01T00:00:00Z");
            assertThat(expired.get("contributions").get(0).get("whyNot").asText())
                    .isEqualTo("stopped counting at 2027-05-01T00:00:00Z");
        }

        @Test
        void the_rating_defaults_to_the_transaction_time() {
            record("ev-1", "INSPECTION_FAILED", "2025-05-01T00:00:00Z");
            bed.at(Instant.parse("2027-05-01T00:00:00Z"));
            assertThat(rating(ENTITY_NORTH, null).get("score").asInt()).isEqualTo(100);
        }
    }

    @Nested
    class Repair {
        @Test
        void the_regions_centre_admin_repairs_an_event_which_stays_in_the_history() {
            record("ev-1", "SHORT_WEIGHT", "2025-05-01T00:00:00Z");
            Instant recorded = bed.now();
            bed.at(Instant.parse("2025-07-01T00:00:00Z"));
            JsonNode repaired = tree(bed.submit(
                    world.northAdmin,
                    "credit:RepairEvent",
                    "{\"id\":\"ev-1\",\"reason\":\"scales replaced, fine paid\"}"));
            assertThat(repaired.get("repaired").asBoolean()).isTrue();
            assertThat(repaired.get("repairedAt").asText()).isEqualTo("2025-07-01T00:00:00Z");
            assertThat(repaired.get("repairReason").asText()).isEqualTo("scales replaced, fine paid");
            assertThat(rating(ENTITY_NORTH, null).get("score").asInt()).isEqualTo(100);
            assertThat(rating(ENTITY_NORTH, recorded.toString()).get("score").asInt())
                    .isEqualTo(85);
            JsonNode history =
                    tree(bed.evaluate(world.eastInspector, "credit:History", "{\"entity\":\"" + ENTITY_NORTH + "\"}"));
            assertThat(history.get("items")).singleElement().satisfies(e -> {
                assertThat(e.get("repaired").asBoolean()).isTrue();
                assertThat(e.get("txId").asText())
                        .isEqualTo(repaired.get("txId").asText());
            });
            Expect.refused(
                    bed,
                    ErrorCode.CONFLICT,
                    world.northAdmin,
                    "credit:RepairEvent",
                    "{\"id\":\"ev-1\",\"reason\":\"again\"}");
        }

        @Test
        void an_unknown_event_is_not_found() {
            Expect.refused(
                    bed,
                    ErrorCode.NOT_FOUND,
                    world.northAdmin,
                    "credit:RepairEvent",
                    "{\"id\":\"nope\",\"reason\":\"r\"}");
        }
    }

    @Nested
    class Commitments {
        private void publish(String id) {
            bed.submit(world.northEntity, "commitment:Publish", CreditRequests.publish(id, ENTITY_NORTH));
        }

        private String breach(String id, String commitment, String occurredAt) {
            Map<String, Object> request = CreditRequests.recording(id, ENTITY_NORTH, "COMMITMENT_BREACHED", occurredAt);
            request.put("reference", Map.of("kind", "COMMITMENT", "id", commitment));
            return Canonical.json(request);
        }

        @Test
        void an_active_commitment_adds_its_bonus_and_a_breach_takes_it_away() {
            publish("c-1");
            Instant published = bed.now();
            JsonNode before = rating(ENTITY_NORTH, null);
            assertThat(before.get("score").asInt()).isEqualTo(105);
            assertThat(before.get("commitment").asText()).isEqualTo("c-1");
            bed.at(Instant.parse("2025-08-01T00:00:00Z"));
            bed.submit(world.northInspector, "credit:RecordEvent", breach("ev-1", "c-1", "2025-07-15T00:00:00Z"));
            JsonNode commitment = tree(bed.evaluate(world.stranger, "commitment:Get", "{\"id\":\"c-1\"}"));
            assertThat(commitment.get("status").asText()).isEqualTo("BREACHED");
            assertThat(commitment.get("statusChangedAt").asText()).isEqualTo("2025-07-15T00:00:00Z");
            JsonNode after = rating(ENTITY_NORTH, null);
            assertThat(after.get("score").asInt()).isEqualTo(80);
            assertThat(after.has("commitment")).isFalse();
            assertThat(rating(ENTITY_NORTH, published.toString()).get("score").asInt())
                    .isEqualTo(105);
            Expect.refused(
                    bed,
                    ErrorCode.NOT_FOUND,
                    world.stranger,
                    "commitment:Active",
                    "{\"entity\":\"" + ENTITY_NORTH + "\"}");
        }

        @Test
        void a_breach_must_name_a_commitment_of_the_same_entity_in_effect_when_it_occurred() {
            bed.submit(world.eastEntity, "commitment:Publish", CreditRequests.publish("c-east", ENTITY_EAST));
            publish("c-1");
            Expect.invalid(
                    bed,
                    "reference.id",
                    world.northInspector,
                    "credit:RecordEvent",
                    breach("ev-1", "c-east", "2025-06-01T08:00:00Z"));
            Expect.invalid(
                    bed,
                    "occurredAt",
                    world.northInspector,
                    "credit:RecordEvent",
                    breach("ev-1", "c-1", "2025-05-01T00:00:00Z"));
            Expect.refused(
                    bed,
                    ErrorCode.NOT_FOUND,
                    world.northInspector,
                    "credit:RecordEvent",
                    breach("ev-1", "c-none", "2025-06-01T08:00:00Z"));
        }
    }

    @Nested
    class History {
        @Test
        void the_history_pages_through_every_event_in_order_of_occurrence() {
            List<String> occurred = List.of(
                    "2025-03-01T00:00:00Z",
                    "2024-01-01T00:00:00Z",
                    "2025-01-01T00:00:00.5Z",
                    "2025-01-01T00:00:00Z",
                    "2023-07-01T00:00:00Z");
            for (int i = 0; i < occurred.size(); i++) {
                record("ev-" + i, "OVERDUE_VERIFICATION", occurred.get(i));
            }
            bed.submit(world.northAdmin, "credit:RepairEvent", "{\"id\":\"ev-2\",\"reason\":\"verified since\"}");
            record("ev-5", "SHORT_WEIGHT", "2025-01-01T00:00:00Z");
            bed.submit(
                    world.eastInspector,
                    "credit:RecordEvent",
                    CreditRequests.record("ev-east", ENTITY_EAST, "SHORT_WEIGHT", "2025-01-01T00:00:00Z"));
            List<String> ids = new ArrayList<>();
            String bookmark = null;
            int pages = 0;
            do {
                Map<String, Object> request = new java.util.LinkedHashMap<>();
                request.put("entity", ENTITY_NORTH);
                request.put("pageSize", 2);
                if (bookmark != null) {
                    request.put("bookmark", bookmark);
                }
                JsonNode page = tree(bed.evaluate(world.eastAdmin, "credit:History", Canonical.json(request)));
                page.get("items").forEach(e -> ids.add(e.get("id").asText()));
                bookmark = page.get("bookmark").asText();
                pages++;
            } while (!bookmark.isEmpty());
            assertThat(ids).containsExactly("ev-4", "ev-1", "ev-3", "ev-5", "ev-2", "ev-0");
            assertThat(pages).isEqualTo(3);
        }

        @Test
        void an_entity_reads_its_own_history_but_not_anothers() {
            record("ev-1", "SHORT_WEIGHT", "2025-05-01T00:00:00Z");
            assertThat(tree(bed.evaluate(world.northEntity, "credit:GetEvent", "{\"id\":\"ev-1\"}"))
                            .get("id")
                            .asText())
                    .isEqualTo("ev-1");
            for (Member outsider : List.of(world.eastEntity, world.northLab, world.stranger)) {
                Expect.refused(bed, ErrorCode.FORBIDDEN, outsider, "credit:GetEvent", "{\"id\":\"ev-1\"}");
                Expect.refused(
                        bed, ErrorCode.FORBIDDEN, outsider, "credit:History", "{\"entity\":\"" + ENTITY_NORTH + "\"}");
            }
        }

        @Test
        void the_record_history_of_an_event_is_for_the_same_readers_as_the_credit_history() {
            record("ev-1", "FORGED_DATA", "2025-05-01T00:00:00Z");
            String request = "{\"type\":\"CreditEvent\",\"id\":\"ev-1\"}";
            for (Member reader : List.of(world.northEntity, world.eastInspector, world.northAdmin)) {
                assertThat(tree(bed.evaluate(reader, "audit:History", request))).hasSize(1);
            }
            for (Member outsider : List.of(world.eastEntity, world.northLab, world.stranger)) {
                Expect.refused(bed, ErrorCode.FORBIDDEN, outsider, "audit:History", request);
            }
        }
    }

    @Nested
    class Policy {
        private JsonNode policy(String request) {
            return tree(bed.evaluate(world.stranger, "credit:GetPolicy", request));
        }

        private JsonNode approve(Member admin, int version) {
            return tree(bed.submit(admin, "credit:ApprovePolicy", "{\"version\":" + version + "}"));
        }

        @Test
        void until_a_change_the_built_in_v1_applies_without_being_stored() {
            JsonNode v1 = policy("{}");
            assertThat(v1.get("version").asInt()).isEqualTo(1);
            assertThat(v1.get("status").asText()).isEqualTo("ACTIVE");
            assertThat(v1.has("recordedAt")).isFalse();
            assertThat(v1.get("events").get("FORGED_DATA").get("forcesGrade").asText())
                    .isEqualTo("D");
            assertThat(policy("{\"version\":1}")).isEqualTo(v1);
            assertThat(tree(bed.evaluate(world.stranger, "credit:ListPolicies")))
                    .containsExactly(v1);
            Expect.refused(bed, ErrorCode.NOT_FOUND, world.stranger, "credit:GetPolicy", "{\"version\":2}");
        }

        @Test
        void a_proposal_comes_into_force_with_a_majority_of_regions_and_changes_ratings() {
            record("ev-1", "SHORT_WEIGHT", "2025-05-01T00:00:00Z");
            JsonNode proposed = tree(bed.submit(
                    world.eastAdmin, "credit:ProposePolicy", CreditRequests.json(CreditRequests.policyV2())));
            assertThat(proposed.get("status").asText()).isEqualTo("PROPOSED");
            assertThat(proposed.get("proposedBy").asText()).isEqualTo(TestBed.EAST);
            JsonNode storedV1 = policy("{\"version\":1}");
            assertThat(storedV1.get("recordedAt").asText()).isEqualTo(bed.now().toString());
            assertThat(rating(ENTITY_NORTH, null).get("policyVersion").asInt()).isEqualTo(1);

            bed.at(Instant.parse("2025-06-02T00:00:00Z"));
            JsonNode one = approve(world.northAdmin, 2);
            assertThat(one.get("status").asText()).isEqualTo("PROPOSED");
            assertThat(one.get("approvals")).hasSize(1);
            Expect.refused(bed, ErrorCode.CONFLICT, world.northAdmin, "credit:ApprovePolicy", "{\"version\":2}");
            assertThat(rating(ENTITY_NORTH, null).get("score").asInt()).isEqualTo(85);

            bed.at(Instant.parse("2025-06-03T00:00:00Z"));
            JsonNode two = approve(world.centralSouthAdmin, 2);
            assertThat(two.get("status").asText()).isEqualTo("ACTIVE");
            assertThat(two.get("activatedAt").asText()).isEqualTo("2025-06-03T00:00:00Z");
            assertThat(policy("{}").get("version").asInt()).isEqualTo(2);
            JsonNode retired = policy("{\"version\":1}");
            assertThat(retired.get("status").asText()).isEqualTo("RETIRED");
            assertThat(retired.get("retiredAt").asText()).isEqualTo("2025-06-03T00:00:00Z");

            JsonNode underV2 = rating(ENTITY_NORTH, null);
            assertThat(underV2.get("policyVersion").asInt()).isEqualTo(2);
            assertThat(underV2.get("score").asInt()).isEqualTo(70);
            assertThat(underV2.get("grade").asText()).isEqualTo("C");
            assertThat(underV2.get("samplingRatio").asText()).isEqualTo("0.25");
            JsonNode beforeV2 = rating(ENTITY_NORTH, "2025-06-02T23:59:59Z");
            assertThat(beforeV2.get("policyVersion").asInt()).isEqualTo(1);
            assertThat(beforeV2.get("score").asInt()).isEqualTo(85);

            Expect.refused(bed, ErrorCode.CONFLICT, world.eastAdmin, "credit:ApprovePolicy", "{\"version\":2}");
            Expect.invalid(
                    bed,
                    "version",
                    world.eastAdmin,
                    "credit:ProposePolicy",
                    CreditRequests.json(CreditRequests.policyV2()));
            Map<String, Object> v3 = CreditRequests.policyV2();
            v3.put("version", 3);
            bed.submit(world.northAdmin, "credit:ProposePolicy", CreditRequests.json(v3));
            assertThat(tree(bed.evaluate(world.stranger, "credit:ListPolicies")))
                    .extracting(p -> p.get("status").asText())
                    .containsExactly("RETIRED", "ACTIVE", "PROPOSED");
        }

        private void secondProposalOfV2IsRefused() {
            Expect.refused(
                    bed,
                    ErrorCode.CONFLICT,
                    world.northAdmin,
                    "credit:ProposePolicy",
                    CreditRequests.json(CreditRequests.policyV2()));
        }

        @Test
        void only_one_proposal_per_version_is_open() {
            bed.submit(world.eastAdmin, "credit:ProposePolicy", CreditRequests.json(CreditRequests.policyV2()));
            secondProposalOfV2IsRefused();
            Expect.refused(bed, ErrorCode.NOT_FOUND, world.northAdmin, "credit:ApprovePolicy", "{\"version\":3}");
        }

        @Test
        void a_proposal_without_a_majority_expires_after_its_voting_period_and_frees_its_version() {
            bed.at(Instant.parse("2025-06-01T00:00:00Z"));
            JsonNode proposed = tree(bed.submit(
                    world.eastAdmin, "credit:ProposePolicy", CreditRequests.json(CreditRequests.policyV2())));
            assertThat(proposed.get("votingEndsAt").asText()).isEqualTo("2025-07-01T00:00:00Z");
            approve(world.eastAdmin, 2);

            bed.at(Instant.parse("2025-06-30T23:59:59Z"));
            secondProposalOfV2IsRefused();

            bed.at(Instant.parse("2025-07-01T00:00:00Z"));
            Expect.refused(bed, ErrorCode.CONFLICT, world.northAdmin, "credit:ApprovePolicy", "{\"version\":2}");
            assertThat(policy("{}").get("version").asInt()).isEqualTo(1);

            JsonNode again = tree(bed.submit(
                    world.northAdmin, "credit:ProposePolicy", CreditRequests.json(CreditRequests.policyV2())));
            assertThat(again.get("proposedBy").asText()).isEqualTo(TestBed.NORTH);
            assertThat(again.get("approvals")).isEmpty();
            assertThat(again.get("votingEndsAt").asText()).isEqualTo("2025-07-31T00:00:00Z");
            approve(world.northAdmin, 2);
            assertThat(approve(world.centralSouthAdmin, 2).get("status").asText())
                    .isEqualTo("ACTIVE");
        }

        @Test
        void only_registered_regions_count_and_approve() {
            TestBed twoRegions = new TestBed();
            Member north = twoRegions.admin(TestBed.NORTH);
            Member east = twoRegions.admin(TestBed.EAST);
            Member centralSouth = twoRegions.admin(TestBed.CENTRAL_SOUTH);
            twoRegions.submit(north, "registry:RegisterRegion", "{\"name\":\"华北\",\"provinces\":[\"北京\"]}");
            twoRegions.submit(east, "registry:RegisterRegion", "{\"name\":\"华东\",\"provinces\":[\"上海\"]}");
            String v2 = CreditRequests.json(CreditRequests.policyV2());
            Expect.refused(twoRegions, ErrorCode.FORBIDDEN, centralSouth, "credit:ProposePolicy", v2);
            twoRegions.submit(north, "credit:ProposePolicy", v2);
            Expect.refused(twoRegions, ErrorCode.FORBIDDEN, centralSouth, "credit:ApprovePolicy", "{\"version\":2}");
            String one = twoRegions.submit(north, "credit:ApprovePolicy", "{\"version\":2}");
            assertThat(one).contains("\"status\":\"PROPOSED\"");
            String two = twoRegions.submit(east, "credit:ApprovePolicy", "{\"version\":2}");
            assertThat(two).contains("\"status\":\"ACTIVE\"");
        }
    }
}
