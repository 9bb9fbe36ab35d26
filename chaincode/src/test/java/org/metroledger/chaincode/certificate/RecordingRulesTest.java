package org.metroledger.chaincode.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.metroledger.chaincode.certificate.CertificateLedger.pumpVerification;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.KeyPair;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.metroledger.chaincode.credit.CreditRequests;
import org.metroledger.chaincode.error.ErrorCode;
import org.metroledger.chaincode.json.Canonical;
import org.metroledger.simulation.CertificateAuthority;
import org.metroledger.simulation.Member;
import org.metroledger.testbed.Expect;
import org.metroledger.testbed.TestWorld;

/**
 * When a certificate may be recorded (DESIGN §4): issuedAt within the policy's back-dating
 * allowance before the transaction, and the lab ACTIVE and accredited both at issuedAt and at
 * recording, judged from its standing history.
 */
class RecordingRulesTest {
    private final CertificateLedger ledger = new CertificateLedger();
    private final TestWorld world = ledger.world;

    private String setStatus(String status) {
        return ledger.bed.submit(
                world.northAdmin,
                "registry:SetLabStatus",
                Canonical.json(Map.of("id", TestWorld.LAB_NORTH, "status", status, "reason", "audit " + status)));
    }

    /** The pump's verification performed and issued on one day (08:00), valid for a year. */
    private static CertificateDraft issuedOn(String id, String day) {
        return pumpVerification(id).dated(day + "T07:00:00Z", day + "T08:00:00Z", "2026-12-31T00:00:00Z");
    }

    @Nested
    class Back_dating {
        @Test
        void a_certificate_dated_within_the_allowance_is_recorded() {
            JsonNode recorded = ledger.issue(issuedOn("C-29", "2025-05-03"));
            assertThat(recorded.get("issuedAt").asText()).isEqualTo("2025-05-03T08:00:00Z");
        }

        @Test
        void a_certificate_dated_back_beyond_the_allowance_is_refused_naming_issuedAt_and_the_allowance() {
            String message = Expect.refused(
                    ledger.bed,
                    ErrorCode.INVALID_ARGUMENT,
                    world.northLab,
                    "certificate:Issue",
                    issuedOn("C-31", "2025-05-01").signedBy(world.northLabKey));
            assertThat(message).startsWith("issuedAt").contains("P30D").contains("2025-06-01T08:00:00Z");
        }

        @Test
        void a_certificate_dated_after_the_transaction_is_refused() {
            Expect.invalid(
                    ledger.bed,
                    "issuedAt",
                    world.northLab,
                    "certificate:Issue",
                    pumpVerification("C-AHEAD")
                            .dated("2025-06-01T07:00:00Z", "2025-06-01T08:00:01Z", "2026-06-01T00:00:00Z")
                            .signedBy(world.northLabKey));
        }

        @Test
        void a_policy_version_with_a_longer_allowance_admits_older_dates() {
            Map<String, Object> v2 = new LinkedHashMap<>(CreditRequests.policyV2());
            v2.put("backdatingAllowance", "P90D");
            ledger.bed.submit(world.northAdmin, "credit:ProposePolicy", Canonical.json(v2));
            ledger.bed.submit(world.northAdmin, "credit:ApprovePolicy", "{\"version\":2}");
            ledger.bed.submit(world.eastAdmin, "credit:ApprovePolicy", "{\"version\":2}");

            JsonNode recorded = ledger.issue(issuedOn("C-80", "2025-03-13"));
            assertThat(recorded.get("issuedAt").asText()).isEqualTo("2025-03-13T08:00:00Z");
            Expect.invalid(
                    ledger.bed,
                    "issuedAt",
                    world.northLab,
                    "certificate:Issue",
                    issuedOn("C-92", "2025-03-01").signedBy(world.northLabKey));
        }
    }

    @Nested
    class Lab_standing {
        @Test
        void a_lab_whose_accreditation_lapsed_cannot_record_a_certificate_dated_back_into_it() {
            KeyPair key = CertificateAuthority.newKeyPair();
            Member operator = world.labWithOperator(
                    world.northAdmin, "lab-lapsed", key, "2020-01-01T00:00:00Z", "2025-05-20T00:00:00Z");
            world.authorise(world.northAdmin, "lab-lapsed", CertificateLedger.CATEGORY);
            String request = issuedOn("C-LAPSED", "2025-05-15")
                    .with("issuer", "lab-lapsed")
                    .signedBy(key);

            String message = Expect.refused(ledger.bed, ErrorCode.FORBIDDEN, operator, "certificate:Issue", request);
            assertThat(message).contains("did not cover fuel-dispenser at 2025-06-01T08:00:00Z");
        }

        @Test
        void a_lab_cannot_record_once_reactivated_a_certificate_dated_in_its_suspension() {
            ledger.bed.at(Instant.parse("2025-06-10T00:00:00Z"));
            setStatus("SUSPENDED");
            ledger.bed.at(Instant.parse("2025-06-15T00:00:00Z"));
            setStatus("ACTIVE");
            ledger.bed.at(Instant.parse("2025-06-20T00:00:00Z"));

            String message = Expect.refused(
                    ledger.bed,
                    ErrorCode.FORBIDDEN,
                    world.northLab,
                    "certificate:Issue",
                    issuedOn("C-IN-SUSPENSION", "2025-06-12").signedBy(world.northLabKey));
            assertThat(message).contains("SUSPENDED at 2025-06-12T08:00:00Z");
            assertThat(ledger.issue(issuedOn("C-AFTER", "2025-06-16"))
                            .get("status")
                            .asText())
                    .isEqualTo("ACTIVE");
        }

        @Test
        void a_suspended_lab_cannot_record_even_a_certificate_dated_while_it_was_active() {
            ledger.bed.at(Instant.parse("2025-06-10T00:00:00Z"));
            setStatus("SUSPENDED");
            String message = Expect.refused(
                    ledger.bed,
                    ErrorCode.FORBIDDEN,
                    world.northLab,
                    "certificate:Issue",
                    issuedOn("C-BEFORE", "2025-06-05").signedBy(world.northLabKey));
            assertThat(message).contains("SUSPENDED at 2025-06-10T00:00:00Z");
        }

        @Test
        void a_certificate_issued_before_a_suspension_still_verifies_valid() {
            ledger.issue(pumpVerification("C-1"));
            ledger.bed.at(Instant.parse("2025-06-10T00:00:00Z"));
            setStatus("SUSPENDED");

            JsonNode report = ledger.verify("C-1");
            assertThat(report.get("verdict").asText()).isEqualTo("VALID");
        }

        @Test
        void every_status_change_is_kept_as_the_lab_standing_history() {
            ledger.bed.at(Instant.parse("2025-06-10T00:00:00Z"));
            setStatus("SUSPENDED");
            ledger.bed.at(Instant.parse("2025-06-15T00:00:00Z"));
            setStatus("ACTIVE");

            JsonNode lab = ledger.evaluate(world.stranger, "registry:GetLab", Map.of("id", TestWorld.LAB_NORTH));
            JsonNode standing = lab.get("standing");
            assertThat(standing).hasSize(3);
            assertThat(standing.get(0).get("from").asText()).isEqualTo("2025-06-01T08:00:00Z");
            assertThat(standing.get(1).get("status").asText()).isEqualTo("SUSPENDED");
            assertThat(standing.get(1).get("reason").asText()).isEqualTo("audit SUSPENDED");
            assertThat(standing.get(2).get("from").asText()).isEqualTo("2025-06-15T00:00:00Z");
            assertThat(standing.get(2).get("accreditation").get("number").asText())
                    .isEqualTo(lab.get("accreditation").get("number").asText());
        }
    }

    @Nested
    class Accreditation_history {
        private String renewal(String validFrom, String validUntil, String category) {
            return Canonical.json(Map.of(
                    "id",
                    TestWorld.LAB_NORTH,
                    "reason",
                    "CNAS reassessment",
                    "accreditation",
                    Map.of(
                            "body",
                            "CNAS",
                            "number",
                            "L-RENEWED",
                            "validFrom",
                            validFrom,
                            "validUntil",
                            validUntil,
                            "scope",
                            java.util.List.of(Map.of(
                                    "category",
                                    category,
                                    "quantity",
                                    "q",
                                    "range",
                                    "0-100",
                                    "cmcUncertainty",
                                    "0.1%")))));
        }

        @Test
        void a_narrowed_scope_refuses_new_certificates_but_keeps_old_ones_valid() {
            ledger.issue(pumpVerification("C-1"));
            ledger.bed.at(Instant.parse("2025-06-10T00:00:00Z"));
            JsonNode lab = Canonical.tree(
                    ledger.bed.submit(
                            world.northAdmin,
                            "registry:RenewAccreditation",
                            renewal("2025-06-10T00:00:00Z", "2030-01-01T00:00:00Z", "weighing")),
                    "answer");
            assertThat(lab.get("accreditation").get("number").asText()).isEqualTo("L-RENEWED");
            assertThat(lab.get("standing")).hasSize(2);
            assertThat(lab.get("standing").get(1).get("reason").asText()).isEqualTo("CNAS reassessment");

            assertThat(ledger.verify("C-1").get("verdict").asText()).isEqualTo("VALID");
            String message = Expect.refused(
                    ledger.bed,
                    ErrorCode.FORBIDDEN,
                    world.northLab,
                    "certificate:Issue",
                    issuedOn("C-2", "2025-06-05").signedBy(world.northLabKey));
            assertThat(message).contains("L-RENEWED did not cover fuel-dispenser at 2025-06-10T00:00:00Z");
        }

        @Test
        void is_renewed_only_by_the_lab_s_region_and_never_once_withdrawn() {
            String renewal = renewal("2025-06-01T00:00:00Z", "2031-01-01T00:00:00Z", "weighing");
            for (Member caller : java.util.List.of(world.eastAdmin, world.northLab, world.northInspector)) {
                Expect.refused(ledger.bed, ErrorCode.FORBIDDEN, caller, "registry:RenewAccreditation", renewal);
            }
            setStatus("WITHDRAWN");
            Expect.refused(ledger.bed, ErrorCode.CONFLICT, world.northAdmin, "registry:RenewAccreditation", renewal);
        }

        @Test
        void bad_input_names_the_field() {
            Expect.invalid(
                    ledger.bed,
                    "accreditation.validUntil",
                    world.northAdmin,
                    "registry:RenewAccreditation",
                    renewal("2025-06-01T00:00:00Z", "2024-01-01T00:00:00Z", "weighing"));
            Expect.invalid(
                    ledger.bed, "reason", world.northAdmin, "registry:RenewAccreditation", "{\"id\":\"lab-north-1\"}");
            Expect.invalid(
                    ledger.bed,
                    "accreditation",
                    world.northAdmin,
                    "registry:RenewAccreditation",
                    "{\"id\":\"lab-north-1\",\"reason\":\"r\"}");
        }
    }

    @Nested
    class Withdrawal {
        @Test
        void is_final() {
            setStatus("WITHDRAWN");
            for (String status : new String[] {"ACTIVE", "SUSPENDED", "WITHDRAWN"}) {
                String message = Expect.refused(
                        ledger.bed,
                        ErrorCode.CONFLICT,
                        world.northAdmin,
                        "registry:SetLabStatus",
                        Canonical.json(Map.of("id", TestWorld.LAB_NORTH, "status", status, "reason", "again")));
                assertThat(message).contains("WITHDRAWN");
            }
        }

        @Test
        void a_suspension_is_not() {
            setStatus("SUSPENDED");
            assertThat(setStatus("ACTIVE")).contains("\"status\":\"ACTIVE\"");
        }
    }
}
