package org.metroledger.chaincode.recognition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.metroledger.testbed.TestBed.CENTRAL_SOUTH;
import static org.metroledger.testbed.TestBed.EAST;
import static org.metroledger.testbed.TestBed.NORTH;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.metroledger.chaincode.certificate.CertificateLedger;
import org.metroledger.chaincode.error.ErrorCode;
import org.metroledger.chaincode.json.Canonical;
import org.metroledger.testbed.Expect;
import org.metroledger.testbed.TestWorld;

class RecognitionContractTest {
    static final String VALID_TO = "2027-01-01T00:00:00Z";

    static String proposal(String id, List<String> members) {
        return proposal(id, members, List.of("fuel-dispenser", "weighing"));
    }

    static String proposal(String id, List<String> members, List<String> categories) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("id", id);
        r.put("members", members);
        r.put("categories", categories);
        r.put("conditions", List.of("results reported in SI units"));
        r.put("validFrom", "2025-01-01T00:00:00Z");
        r.put("validTo", VALID_TO);
        return Canonical.json(r);
    }

    static String byId(String id) {
        return Canonical.json(Map.of("id", id));
    }

    static JsonNode json(String text) {
        return Canonical.tree(text, "answer");
    }

    @Nested
    class Lifecycle {
        final TestWorld world = new TestWorld();

        @Test
        void proposal_counts_the_proposers_acceptance_and_waits_for_the_others() {
            JsonNode proposed = json(world.bed.submit(
                    world.northAdmin, "recognition:Propose", proposal("ag-1", List.of(NORTH, EAST, CENTRAL_SOUTH))));
            assertThat(proposed.get("status").asText()).isEqualTo("PROPOSED");
            assertThat(proposed.get("proposer").asText()).isEqualTo(NORTH);
            assertThat(proposed.get("acceptances").has(NORTH)).isTrue();
            assertThat(proposed.get("conditions").toString())
                    .contains("verdict is VALID")
                    .contains("accredited")
                    .contains("SI units");

            JsonNode second = json(world.bed.submit(world.eastAdmin, "recognition:Accept", byId("ag-1")));
            assertThat(second.get("status").asText()).isEqualTo("PROPOSED");
            JsonNode third = json(world.bed.submit(world.centralSouthAdmin, "recognition:Accept", byId("ag-1")));
            assertThat(third.get("status").asText()).isEqualTo("ACTIVE");
            assertThat(third.get("acceptances").size()).isEqualTo(3);
        }

        @Test
        void accepting_twice_is_a_conflict() {
            world.bed.submit(world.northAdmin, "recognition:Propose", proposal("ag-1", List.of(NORTH, EAST)));
            Expect.refused(world.bed, ErrorCode.CONFLICT, world.northAdmin, "recognition:Accept", byId("ag-1"));
            world.bed.submit(world.eastAdmin, "recognition:Accept", byId("ag-1"));
            Expect.refused(world.bed, ErrorCode.CONFLICT, world.eastAdmin, "recognition:Accept", byId("ag-1"));
        }

        @Test
        void terminated_agreement_can_no_longer_be_accepted() {
            world.bed.submit(world.northAdmin, "recognition:Propose", proposal("ag-1", List.of(NORTH, EAST)));
            JsonNode ended = json(world.bed.submit(
                    world.northAdmin,
                    "recognition:Terminate",
                    Canonical.json(Map.of("id", "ag-1", "reason", "withdrawn"))));
            assertThat(ended.get("status").asText()).isEqualTo("TERMINATED");
            assertThat(ended.get("terminatedBy").asText()).isEqualTo(NORTH);
            Expect.refused(world.bed, ErrorCode.CONFLICT, world.eastAdmin, "recognition:Accept", byId("ag-1"));
        }

        @Test
        void active_agreement_reads_expired_after_its_validity_and_a_late_acceptance_is_refused() {
            world.bed.submit(world.northAdmin, "recognition:Propose", proposal("ag-1", List.of(NORTH, EAST)));
            world.bed.submit(world.northAdmin, "recognition:Propose", proposal("ag-2", List.of(NORTH, EAST)));
            world.bed.submit(world.eastAdmin, "recognition:Accept", byId("ag-1"));
            world.bed.at(Instant.parse(VALID_TO));
            assertThat(json(world.bed.evaluate(world.stranger, "recognition:Get", byId("ag-1")))
                            .get("status")
                            .asText())
                    .isEqualTo("EXPIRED");
            Expect.refused(world.bed, ErrorCode.CONFLICT, world.eastAdmin, "recognition:Accept", byId("ag-2"));
        }

        @Test
        void proposal_naming_an_unregistered_region_is_not_found() {
            Expect.refused(
                    world.bed,
                    ErrorCode.NOT_FOUND,
                    world.northAdmin,
                    "recognition:Propose",
                    proposal("ag-1", List.of(NORTH, "SouthWestMSP")));
        }

        @Test
        void same_id_cannot_be_proposed_twice() {
            world.bed.submit(world.northAdmin, "recognition:Propose", proposal("ag-1", List.of(NORTH, EAST)));
            Expect.refused(
                    world.bed,
                    ErrorCode.CONFLICT,
                    world.eastAdmin,
                    "recognition:Propose",
                    proposal("ag-1", List.of(EAST, CENTRAL_SOUTH)));
        }

        @Test
        void listing_pages_through_every_agreement_in_id_order() {
            for (String id : List.of("ag-3", "ag-1", "ag-2")) {
                world.bed.submit(world.northAdmin, "recognition:Propose", proposal(id, List.of(NORTH, EAST)));
                world.bed.advance(Duration.ofMinutes(1));
            }
            JsonNode first = json(world.bed.evaluate(world.stranger, "recognition:List", "{\"pageSize\":2}"));
            assertThat(first.get("items").findValuesAsText("id")).containsExactly("ag-1", "ag-2");
            JsonNode second = json(world.bed.evaluate(
                    world.stranger,
                    "recognition:List",
                    Canonical.json(Map.of(
                            "pageSize", 2, "bookmark", first.get("bookmark").asText()))));
            assertThat(second.get("items").findValuesAsText("id")).containsExactly("ag-3");
        }
    }

    @Nested
    class Evaluation {
        final CertificateLedger ledger = new CertificateLedger();
        final TestWorld world = ledger.world;

        Evaluation() {
            ledger.issue(CertificateLedger.pumpVerification("V-1"));
        }

        void agreement(String id, List<String> categories, boolean accepted) {
            world.bed.submit(world.northAdmin, "recognition:Propose", proposal(id, List.of(NORTH, EAST), categories));
            if (accepted) {
                world.bed.submit(world.eastAdmin, "recognition:Accept", byId(id));
            }
        }

        JsonNode evaluate(String certificate, String region) {
            return json(world.bed.evaluate(
                    world.stranger,
                    "recognition:Evaluate",
                    Canonical.json(Map.of("certificateId", certificate, "region", region))));
        }

        @Test
        void active_agreement_covering_both_regions_and_the_category_recognises_a_valid_certificate() {
            agreement("ag-ne", List.of(CertificateLedger.CATEGORY, "weighing"), true);
            JsonNode answer = evaluate("V-1", EAST);
            assertThat(answer.get("recognised").asBoolean()).isTrue();
            assertThat(answer.get("agreementId").asText()).isEqualTo("ag-ne");
            assertThat(answer.get("verdict").asText()).isEqualTo("VALID");
            assertThat(answer.get("issuerRegion").asText()).isEqualTo(NORTH);
            assertThat(answer.get("category").asText()).isEqualTo(CertificateLedger.CATEGORY);
            assertThat(answer.get("reasons").findValuesAsText("name")).containsExactly("agreement", "verdict");
            assertThat(answer.get("reasons").findValues("ok"))
                    .allSatisfy(ok -> assertThat(ok.asBoolean()).isTrue());
            assertThat(answer.get("reasons").toString())
                    .contains("agreement ag-ne is ACTIVE")
                    .contains("verdict is VALID");
        }

        @Test
        void agreement_not_yet_accepted_by_every_member_does_not_count() {
            agreement("ag-ne", List.of(CertificateLedger.CATEGORY), false);
            JsonNode answer = evaluate("V-1", EAST);
            assertThat(answer.get("recognised").asBoolean()).isFalse();
            assertThat(answer.has("agreementId")).isFalse();
            assertThat(answer.get("reasons").toString()).contains("agreement ag-ne is PROPOSED, not ACTIVE");
        }

        @Test
        void region_outside_the_agreement_does_not_recognise() {
            agreement("ag-ne", List.of(CertificateLedger.CATEGORY), true);
            JsonNode answer = evaluate("V-1", CENTRAL_SOUTH);
            assertThat(answer.get("recognised").asBoolean()).isFalse();
            assertThat(answer.get("reasons").toString())
                    .contains("agreement ag-ne does not have region CentralSouthMSP as a member");
        }

        @Test
        void agreement_not_covering_the_category_does_not_recognise() {
            agreement("ag-ne", List.of("weighing"), true);
            JsonNode answer = evaluate("V-1", EAST);
            assertThat(answer.get("recognised").asBoolean()).isFalse();
            assertThat(answer.get("reasons").toString())
                    .contains("agreement ag-ne does not cover category " + CertificateLedger.CATEGORY);
        }

        @Test
        void revoked_certificate_is_not_recognised_whatever_the_agreement() {
            agreement("ag-ne", List.of(CertificateLedger.CATEGORY), true);
            world.bed.submit(
                    world.northLab,
                    "certificate:Revoke",
                    Canonical.json(Map.of("id", "V-1", "reason", "pump resealed")));
            JsonNode answer = evaluate("V-1", EAST);
            assertThat(answer.get("recognised").asBoolean()).isFalse();
            assertThat(answer.get("verdict").asText()).isEqualTo("REVOKED");
            assertThat(answer.get("agreementId").asText()).isEqualTo("ag-ne");
            assertThat(answer.get("reasons").toString()).contains("verdict is REVOKED, not VALID");
        }

        @Test
        void own_region_recognises_its_valid_certificate_without_an_agreement() {
            JsonNode answer = evaluate("V-1", NORTH);
            assertThat(answer.get("recognised").asBoolean()).isTrue();
            assertThat(answer.get("reasons").toString()).contains("issued in region NorthMSP itself");
        }

        @Test
        void without_any_agreement_another_region_does_not_recognise() {
            JsonNode answer = evaluate("V-1", EAST);
            assertThat(answer.get("recognised").asBoolean()).isFalse();
            assertThat(answer.get("reasons").toString()).contains("no recognition agreement");
        }

        @Test
        void unknown_certificate_is_answered_not_found_and_not_recognised() {
            JsonNode answer = evaluate("V-404", NORTH);
            assertThat(answer.get("recognised").asBoolean()).isFalse();
            assertThat(answer.get("verdict").asText()).isEqualTo("NOT_FOUND");
        }

        @Test
        void agreement_reads_expired_when_asked_about_an_instant_after_its_validity() {
            agreement("ag-ne", List.of(CertificateLedger.CATEGORY), true);
            JsonNode answer = json(world.bed.evaluate(
                    world.stranger,
                    "recognition:Evaluate",
                    Canonical.json(Map.of("certificateId", "V-1", "region", EAST, "at", VALID_TO))));
            assertThat(answer.get("recognised").asBoolean()).isFalse();
            assertThat(answer.get("reasons").toString()).contains("agreement ag-ne is EXPIRED, not ACTIVE");
        }

        @Test
        void unregistered_region_is_not_found() {
            Expect.refused(
                    world.bed,
                    ErrorCode.NOT_FOUND,
                    world.stranger,
                    "recognition:Evaluate",
                    Canonical.json(Map.of("certificateId", "V-1", "region", "SouthWestMSP")));
        }

        @Test
        void recorded_acceptance_keeps_the_reasons_and_is_listed_once() {
            agreement("ag-ne", List.of(CertificateLedger.CATEGORY), true);
            String request = Canonical.json(Map.of("certificateId", "V-1", "region", EAST));
            JsonNode accepted = json(world.bed.submit(world.eastAdmin, "recognition:RecordAcceptance", request));
            assertThat(accepted.get("agreementId").asText()).isEqualTo("ag-ne");
            assertThat(accepted.get("reasons").toString()).contains("verdict is VALID");
            Expect.refused(world.bed, ErrorCode.CONFLICT, world.eastAdmin, "recognition:RecordAcceptance", request);
            JsonNode listed = json(world.bed.evaluate(
                    world.stranger, "recognition:ListAcceptances", Canonical.json(Map.of("certificateId", "V-1"))));
            assertThat(listed.findValuesAsText("region")).containsExactly(EAST);
        }

        @Test
        void acceptance_of_an_unrecognised_certificate_is_refused_with_the_reasons() {
            agreement("ag-ne", List.of("weighing"), true);
            assertThat(Expect.refused(
                            world.bed,
                            ErrorCode.CONFLICT,
                            world.eastAdmin,
                            "recognition:RecordAcceptance",
                            Canonical.json(Map.of("certificateId", "V-1", "region", EAST))))
                    .contains("does not cover category");
        }
    }
}
