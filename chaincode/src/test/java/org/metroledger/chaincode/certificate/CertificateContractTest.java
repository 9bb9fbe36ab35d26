package org.metroledger.chaincode.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.metroledger.chaincode.certificate.CertificateLedger.assertRefused;
import static org.metroledger.chaincode.certificate.CertificateLedger.pumpVerification;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.metroledger.chaincode.error.ErrorCode;
import org.metroledger.chaincode.json.Canonical;
import org.metroledger.simulation.ChaincodeEventRecord;
import org.metroledger.simulation.ContractHost.Simulation;
import org.metroledger.testbed.TestWorld;

class CertificateContractTest {
    private final CertificateLedger ledger = new CertificateLedger();
    private final TestWorld world = ledger.world;

    @Nested
    class Issuing {
        @Test
        void the_issuing_lab_records_an_active_certificate_with_the_subjects_category() {
            JsonNode c = ledger.issue(pumpVerification("C-1"));
            assertThat(c.path("status").asText()).isEqualTo("ACTIVE");
            assertThat(c.path("category").asText()).isEqualTo(CertificateLedger.CATEGORY);
            assertThat(c.path("recordedAt").asText()).isEqualTo(ledger.bed.now().toString());
            assertThat(c.path("txId").asText()).startsWith("tx");
            assertThat(ledger.evaluate(world.stranger, "certificate:Get", Map.of("id", "C-1")))
                    .isEqualTo(c);
        }

        @Test
        void issuing_emits_certificate_issued_with_the_record() {
            Simulation sim = ledger.bed.simulate(
                    world.northLab, "certificate:Issue", pumpVerification("C-1").signedBy(world.northLabKey));
            ChaincodeEventRecord event = sim.readWriteSet().event().orElseThrow();
            assertThat(event.name()).isEqualTo("CertificateIssued");
            assertThat(new String(event.payload(), StandardCharsets.UTF_8)).isEqualTo(sim.payloadText());
        }

        @Test
        void a_signature_by_another_key_is_signature_invalid_and_writes_nothing() {
            Map<String, String> before = ledger.snapshot();
            assertRefused(
                    () -> ledger.bed.submit(
                            world.northLab,
                            "certificate:Issue",
                            pumpVerification("C-1").signedBy(world.eastLabKey)),
                    ErrorCode.SIGNATURE_INVALID,
                    "signature");
            assertThat(ledger.snapshot()).isEqualTo(before);
        }

        @Test
        void a_labs_own_identifier_is_kept_as_written_under_the_ledger_id_derived_from_it() {
            String identifier = "Id 123456789 HtW";
            String id = CertificateIds.fromIdentifier(identifier);
            assertThat(id).matches("Id_123456789_HtW-[0-9a-f]{32}");

            JsonNode c = ledger.issue(pumpVerification(id).with("uniqueIdentifier", identifier));

            assertThat(c.path("id").asText()).isEqualTo(id);
            assertThat(c.path("uniqueIdentifier").asText()).isEqualTo(identifier);
            assertThat(ledger.evaluate(world.stranger, "certificate:Get", Map.of("id", id)))
                    .isEqualTo(c);
            // The identifier is signed content: the verdict checks the lab's signature over it.
            assertThat(ledger.verify(id).path("verdict").asText()).isEqualTo("VALID");
        }

        @Test
        void results_keep_long_units_coverage_intervals_probabilities_and_ref_types() {
            String unit = "\\milli\\kelvin\\tothe{2}\\per\\volt".repeat(14);
            assertThat(unit.length()).isBetween(256, CertificateRequest.MAX_UNIT);
            Map<String, Object> interval = Map.of(
                    "quantity", "volume error",
                    "value", "-0.12",
                    "unit", unit,
                    "standardUncertainty", "0.02",
                    "intervalMin", "-0.17",
                    "intervalMax", "-0.08",
                    "coverageProbability", "0.95",
                    "refType", "basic_measurementError other_one");
            Map<String, Object> expanded = Map.of(
                    "quantity", "volume",
                    "value", "20.0012",
                    "unit", "\\litre",
                    "expandedUncertainty", "0.0004",
                    "coverageFactor", "2.1",
                    "coverageProbability", "0.9545");

            JsonNode c = ledger.issue(pumpVerification("C-1").with("results", List.of(interval, expanded)));

            assertThat(c.path("results")).isEqualTo(Canonical.mapper().valueToTree(List.of(interval, expanded)));
            assertThat(ledger.verify("C-1").path("verdict").asText()).isEqualTo("VALID");
        }

        @Test
        void an_id_in_use_is_a_conflict() {
            ledger.issue(pumpVerification("C-1"));
            assertRefused(() -> ledger.issue(pumpVerification("C-1")), ErrorCode.CONFLICT, "C-1");
        }
    }

    @Nested
    class Verifying {
        @Test
        void a_certificate_traceable_to_a_primary_standard_is_valid() {
            ledger.issue(pumpVerification("C-1"));
            JsonNode report = ledger.verify("C-1");
            assertThat(report.path("verdict").asText()).isEqualTo("VALID");
            assertThat(report.path("checks")).hasSize(8);
            List<String> fields = new ArrayList<>();
            report.fieldNames().forEachRemaining(fields::add);
            // The gateway and the recognition contract read these names: keep them stable.
            assertThat(fields)
                    .containsExactly("at", "certificate", "checks", "evidence", "id", "stableUntil", "verdict");
            assertThat(report.path("evidence").path("txId").asText()).isNotEmpty();
        }

        @Test
        void revoking_a_certificate_two_links_up_breaks_the_downstream_certificate_naming_the_link() {
            ledger.issue(pumpVerification("C-1"));
            ledger.submit(
                    world.northLab,
                    "certificate:Revoke",
                    Canonical.json(Map.of("id", "C-R", "reason", "reference standard found damaged")));
            JsonNode report = ledger.verify("C-1");
            assertThat(report.path("verdict").asText()).isEqualTo("TRACEABILITY_BROKEN");
            JsonNode traceability = report.path("checks").get(7);
            assertThat(traceability.path("name").asText()).isEqualTo("traceability");
            assertThat(traceability.path("ok").asBoolean()).isFalse();
            assertThat(traceability.path("detail").asText())
                    .startsWith("link 2: certificate C-R of standard STD-R is revoked")
                    .contains("reference standard found damaged");
        }

        @Test
        void an_unknown_certificate_is_the_not_found_verdict_not_an_error() {
            assertThat(ledger.verify("C-NONE").path("verdict").asText()).isEqualTo("NOT_FOUND");
        }
    }
}
