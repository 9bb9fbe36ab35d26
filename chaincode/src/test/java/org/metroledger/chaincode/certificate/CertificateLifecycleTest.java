package org.metroledger.chaincode.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.metroledger.chaincode.certificate.CertificateLedger.assertRefused;
import static org.metroledger.chaincode.certificate.CertificateLedger.pumpVerification;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.metroledger.chaincode.error.ErrorCode;
import org.metroledger.chaincode.json.Canonical;
import org.metroledger.simulation.ContractHost.Simulation;
import org.metroledger.testbed.TestWorld;

class CertificateLifecycleTest {
    private final CertificateLedger ledger = new CertificateLedger();
    private final TestWorld world = ledger.world;

    private String supersession(String id, String previous) {
        return pumpVerification(id)
                .with("previous", previous)
                .with("location", "Station 7, pump 3 (amended)")
                .signedBy(world.northLabKey);
    }

    private JsonNode revoke(String id, String reason) {
        return ledger.submit(world.northLab, "certificate:Revoke", Canonical.json(Map.of("id", id, "reason", reason)));
    }

    private JsonNode get(String id) {
        return ledger.evaluate(world.stranger, "certificate:Get", Map.of("id", id));
    }

    @Nested
    class Superseding {
        @Test
        void makes_the_new_certificate_active_and_the_previous_superseded_by_it() {
            ledger.issue(pumpVerification("C-1"));
            ledger.bed.advance(Duration.ofHours(1));
            JsonNode successor = ledger.submit(world.northLab, "certificate:Supersede", supersession("C-2", "C-1"));
            assertThat(successor.path("status").asText()).isEqualTo("ACTIVE");
            assertThat(successor.path("previous").asText()).isEqualTo("C-1");
            JsonNode previous = get("C-1");
            assertThat(previous.path("status").asText()).isEqualTo("SUPERSEDED");
            assertThat(previous.path("successor").asText()).isEqualTo("C-2");
            assertThat(previous.path("statusChangedAt").asText())
                    .isEqualTo(ledger.bed.now().toString());
            JsonNode report = ledger.verify("C-1");
            assertThat(report.path("verdict").asText()).isEqualTo("SUPERSEDED");
            assertThat(report.path("successor").asText()).isEqualTo("C-2");
            assertThat(ledger.verify("C-2").path("verdict").asText()).isEqualTo("VALID");
        }

        @Test
        void emits_certificate_superseded_with_the_successor() {
            ledger.issue(pumpVerification("C-1"));
            Simulation sim = ledger.bed.simulate(world.northLab, "certificate:Supersede", supersession("C-2", "C-1"));
            assertThat(sim.readWriteSet().event().orElseThrow().name()).isEqualTo("CertificateSuperseded");
        }

        @Test
        void verified_before_the_supersession_the_previous_was_valid() {
            ledger.issue(pumpVerification("C-1"));
            String before = ledger.bed.now().toString();
            ledger.bed.advance(Duration.ofHours(1));
            ledger.submit(world.northLab, "certificate:Supersede", supersession("C-2", "C-1"));
            JsonNode report = ledger.evaluate(world.stranger, "certificate:Verify", Map.of("id", "C-1", "at", before));
            assertThat(report.path("verdict").asText()).isEqualTo("VALID");
        }

        @Test
        void a_certificate_already_superseded_is_a_conflict() {
            ledger.issue(pumpVerification("C-1"));
            ledger.submit(world.northLab, "certificate:Supersede", supersession("C-2", "C-1"));
            assertRefused(
                    () -> ledger.bed.submit(world.northLab, "certificate:Supersede", supersession("C-3", "C-1")),
                    ErrorCode.CONFLICT,
                    "SUPERSEDED");
        }

        @Test
        void a_revoked_certificate_is_a_conflict() {
            ledger.issue(pumpVerification("C-1"));
            revoke("C-1", "wrong instrument");
            assertRefused(
                    () -> ledger.bed.submit(world.northLab, "certificate:Supersede", supersession("C-2", "C-1")),
                    ErrorCode.CONFLICT,
                    "REVOKED");
        }

        @Test
        void an_unknown_previous_is_not_found() {
            assertRefused(
                    () -> ledger.bed.submit(world.northLab, "certificate:Supersede", supersession("C-2", "C-NONE")),
                    ErrorCode.NOT_FOUND,
                    "C-NONE");
        }

        @Test
        void the_successor_must_be_about_the_same_subject() {
            ledger.issue(pumpVerification("C-1"));
            String otherSubject = TraceabilityChain.calibration(
                            "C-2", "STD-W", "2025-05-30T09:00:00Z", "2025-05-31T08:00:00Z")
                    .with("issuer", TestWorld.LAB_NORTH)
                    .with("previous", "C-1")
                    .cites("STD-R", "C-R")
                    .signedBy(world.northLabKey);
            assertRefused(
                    () -> ledger.bed.submit(world.northLab, "certificate:Supersede", otherSubject),
                    ErrorCode.INVALID_ARGUMENT,
                    "subject");
        }

        @Test
        void issue_refuses_a_previous_and_points_to_supersede() {
            ledger.issue(pumpVerification("C-1"));
            assertRefused(
                    () -> ledger.bed.submit(world.northLab, "certificate:Issue", supersession("C-2", "C-1")),
                    ErrorCode.INVALID_ARGUMENT,
                    "previous must be absent");
        }
    }

    @Nested
    class Revoking {
        @Test
        void records_the_reason_and_the_transaction_time() {
            ledger.issue(pumpVerification("C-1"));
            ledger.bed.advance(Duration.ofDays(2));
            JsonNode revoked = revoke("C-1", "calibration data falsified");
            assertThat(revoked.path("status").asText()).isEqualTo("REVOKED");
            assertThat(revoked.path("statusReason").asText()).isEqualTo("calibration data falsified");
            assertThat(revoked.path("statusChangedAt").asText())
                    .isEqualTo(ledger.bed.now().toString());
            assertThat(get("C-1")).isEqualTo(revoked);
            JsonNode report = ledger.verify("C-1");
            assertThat(report.path("verdict").asText()).isEqualTo("REVOKED");
            assertThat(report.path("evidence").path("txId").asText())
                    .isEqualTo(revoked.path("txId").asText());
        }

        @Test
        void emits_certificate_revoked() {
            ledger.issue(pumpVerification("C-1"));
            Simulation sim = ledger.bed.simulate(
                    world.northLab, "certificate:Revoke", Canonical.json(Map.of("id", "C-1", "reason", "r")));
            assertThat(sim.readWriteSet().event().orElseThrow().name()).isEqualTo("CertificateRevoked");
        }

        @Test
        void revoking_twice_is_a_conflict() {
            ledger.issue(pumpVerification("C-1"));
            revoke("C-1", "first");
            assertRefused(() -> revoke("C-1", "second"), ErrorCode.CONFLICT, "REVOKED");
            assertThat(get("C-1").path("statusReason").asText()).isEqualTo("first");
        }

        @Test
        void an_unknown_certificate_is_not_found() {
            assertRefused(() -> revoke("C-NONE", "r"), ErrorCode.NOT_FOUND, "C-NONE");
        }
    }

    @Nested
    class Reading {
        /** Issues n pump certificates one day apart, C-1 first. */
        private void issueDaily(int n) {
            for (int i = 1; i <= n; i++) {
                String day = String.format("2025-05-%02dT08:00:00Z", 20 + i);
                ledger.issue(pumpVerification("C-" + i)
                        .performed(day, day)
                        .with("issuedAt", day)
                        .with("documentDigest", String.format("%064d", i)));
            }
        }

        private List<String> ids(JsonNode page) {
            List<String> ids = new ArrayList<>();
            page.path("items").forEach(c -> ids.add(c.path("id").asText()));
            return ids;
        }

        private List<List<String>> allPages(String function, String field, String value, int size) {
            List<List<String>> pages = new ArrayList<>();
            String bookmark = "";
            do {
                Map<String, Object> request = new LinkedHashMap<>();
                request.put(field, value);
                request.put("pageSize", size);
                request.put("bookmark", bookmark);
                JsonNode page = ledger.evaluate(world.stranger, function, request);
                pages.add(ids(page));
                bookmark = page.path("bookmark").asText();
            } while (!bookmark.isEmpty());
            return pages;
        }

        @Test
        void list_by_subject_pages_through_in_issue_order() {
            issueDaily(5);
            assertThat(allPages("certificate:ListBySubject", "subject", CertificateLedger.PUMP, 2))
                    .containsExactly(List.of("C-1", "C-2"), List.of("C-3", "C-4"), List.of("C-5"));
        }

        @Test
        void list_by_lab_holds_only_that_labs_certificates() {
            issueDaily(2);
            assertThat(allPages("certificate:ListByLab", "lab", TestWorld.LAB_NORTH, 50))
                    .containsExactly(List.of("C-P", "C-R", "C-W", "C-1", "C-2"));
            assertThat(allPages("certificate:ListByLab", "lab", TestWorld.LAB_EAST, 50))
                    .containsExactly(List.of());
        }

        @Test
        void a_bookmark_of_another_listing_is_refused() {
            issueDaily(3);
            String bookmark = ledger.evaluate(
                            world.stranger,
                            "certificate:ListBySubject",
                            Map.of("subject", CertificateLedger.PUMP, "pageSize", 1))
                    .path("bookmark")
                    .asText();
            assertRefused(
                    () -> ledger.evaluate(
                            world.stranger,
                            "certificate:ListByLab",
                            Map.of("lab", TestWorld.LAB_NORTH, "bookmark", bookmark)),
                    ErrorCode.INVALID_ARGUMENT,
                    "bookmark");
        }

        @Test
        void history_is_newest_first() {
            ledger.issue(pumpVerification("C-1"));
            ledger.bed.advance(Duration.ofHours(1));
            revoke("C-1", "r");
            JsonNode history = ledger.evaluate(world.stranger, "certificate:History", Map.of("id", "C-1"));
            assertThat(history).hasSize(2);
            assertThat(history.get(0).path("value").path("status").asText()).isEqualTo("REVOKED");
            assertThat(history.get(1).path("value").path("status").asText()).isEqualTo("ACTIVE");
        }

        @Test
        void history_of_an_unknown_certificate_is_not_found() {
            assertRefused(
                    () -> ledger.evaluate(world.stranger, "certificate:History", Map.of("id", "C-NONE")),
                    ErrorCode.NOT_FOUND,
                    "C-NONE");
        }

        @Test
        void current_is_the_latest_active_by_issue_time() {
            issueDaily(3);
            assertThat(current().path("id").asText()).isEqualTo("C-3");
            revoke("C-3", "r");
            assertThat(current().path("id").asText()).isEqualTo("C-2");
        }

        @Test
        void current_ignores_issue_order_on_the_ledger() {
            ledger.issue(pumpVerification("C-LATE").with("issuedAt", "2025-05-31T09:00:00Z"));
            ledger.issue(pumpVerification("C-EARLY").with("issuedAt", "2025-05-31T08:00:00Z"));
            assertThat(current().path("id").asText()).isEqualTo("C-LATE");
        }

        @Test
        void a_subject_without_an_active_certificate_has_no_current_one() {
            ledger.issue(pumpVerification("C-1"));
            revoke("C-1", "r");
            assertRefused(this::current, ErrorCode.NOT_FOUND, CertificateLedger.PUMP);
        }

        private JsonNode current() {
            return ledger.evaluate(world.stranger, "certificate:Current", Map.of("subject", CertificateLedger.PUMP));
        }
    }
}
