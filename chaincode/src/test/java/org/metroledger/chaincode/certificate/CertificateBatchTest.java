package org.metroledger.chaincode.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.metroledger.chaincode.certificate.CertificateLedger.PUMP;
import static org.metroledger.chaincode.certificate.CertificateLedger.assertRefused;
import static org.metroledger.chaincode.certificate.CertificateLedger.pumpVerification;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.metroledger.chaincode.error.ErrorCode;
import org.metroledger.chaincode.json.Canonical;
import org.metroledger.simulation.ChaincodeEventRecord;
import org.metroledger.simulation.ContractHost.Simulation;
import org.metroledger.simulation.Member;
import org.metroledger.testbed.TestWorld;

class CertificateBatchTest {
    private final CertificateLedger ledger = new CertificateLedger();
    private final TestWorld world = ledger.world;

    private static String batch(List<String> signed) {
        return "{\"certificates\":[" + String.join(",", signed) + "]}";
    }

    private JsonNode issueBatch(Member caller, List<String> signed) {
        return ledger.submit(caller, "certificate:IssueBatch", batch(signed));
    }

    private String signed(CertificateDraft draft) {
        return draft.signedBy(world.northLabKey);
    }

    private static void assertItem(JsonNode item, int index, String id, String code, String messagePart) {
        assertThat(item.path("index").asInt()).isEqualTo(index);
        assertThat(item.path("id").asText(null)).isEqualTo(id);
        assertThat(item.path("code").asText(null)).isEqualTo(code);
        if (messagePart != null) {
            assertThat(item.path("message").asText()).contains(messagePart);
        } else {
            assertThat(item.has("message")).isFalse();
        }
    }

    @Test
    void good_items_issue_together_and_each_bad_item_is_refused_naming_its_field() {
        JsonNode answer = issueBatch(
                world.northLab,
                List.of(
                        signed(pumpVerification("C-1")),
                        signed(pumpVerification("C-2").without("method")),
                        signed(pumpVerification("C-3")),
                        signed(pumpVerification("C-1")),
                        pumpVerification("C-4").signedBy(world.eastLabKey),
                        signed(CertificateDraft.verification("C-5", TestWorld.LAB_NORTH, "no-such-pump")
                                .cites("STD-W", "C-W"))));

        assertThat(answer.path("issued").asInt()).isEqualTo(2);
        assertThat(answer.path("refused").asInt()).isEqualTo(4);
        JsonNode items = answer.path("items");
        assertItem(items.get(0), 0, "C-1", null, null);
        assertItem(items.get(1), 1, "C-2", "INVALID_ARGUMENT", "method");
        assertItem(items.get(2), 2, "C-3", null, null);
        assertItem(items.get(3), 3, "C-1", "CONFLICT", "more than once");
        assertItem(items.get(4), 4, "C-4", "SIGNATURE_INVALID", "signature");
        assertItem(items.get(5), 5, "C-5", "NOT_FOUND", "no-such-pump");
        JsonNode first = ledger.evaluate(world.stranger, "certificate:Get", Map.of("id", "C-1"));
        JsonNode third = ledger.evaluate(world.stranger, "certificate:Get", Map.of("id", "C-3"));
        assertThat(first.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(third.path("txId").asText())
                .as("one transaction")
                .isEqualTo(first.path("txId").asText());
        for (String refused : List.of("C-2", "C-4", "C-5")) {
            assertRefused(
                    () -> ledger.evaluate(world.stranger, "certificate:Get", Map.of("id", refused)),
                    ErrorCode.NOT_FOUND,
                    refused);
        }
        assertThat(ledger.verify("C-3").path("verdict").asText()).isEqualTo("VALID");
    }

    @Test
    void an_id_already_on_the_ledger_is_a_conflict_and_the_others_issue() {
        ledger.issue(pumpVerification("C-1"));

        JsonNode answer =
                issueBatch(world.northLab, List.of(signed(pumpVerification("C-1")), signed(pumpVerification("C-2"))));

        assertItem(answer.path("items").get(0), 0, "C-1", "CONFLICT", "exists already");
        assertItem(answer.path("items").get(1), 1, "C-2", null, null);
    }

    @Test
    void an_item_that_is_not_an_object_is_refused_by_its_position() {
        JsonNode answer = ledger.submit(
                world.northLab,
                "certificate:IssueBatch",
                "{\"certificates\":[" + signed(pumpVerification("C-1")) + ",\"C-2\"]}");

        assertItem(answer.path("items").get(0), 0, "C-1", null, null);
        assertItem(answer.path("items").get(1), 1, null, "INVALID_ARGUMENT", "certificates[1] must be a JSON object");
    }

    @Test
    void one_event_lists_the_certificates_issued_and_a_batch_issuing_none_emits_none() {
        Simulation sim = ledger.bed.simulate(
                world.northLab,
                "certificate:IssueBatch",
                batch(List.of(
                        signed(pumpVerification("C-1")),
                        signed(pumpVerification("C-2").without("method")))));
        ChaincodeEventRecord event = sim.readWriteSet().event().orElseThrow();
        assertThat(event.name()).isEqualTo("CertificatesIssued");
        JsonNode issued = Canonical.tree(new String(event.payload(), StandardCharsets.UTF_8), "event")
                .path("certificates");
        assertThat(issued).hasSize(1);
        assertThat(issued.get(0).path("id").asText()).isEqualTo("C-1");
        assertThat(issued.get(0).path("status").asText()).isEqualTo("ACTIVE");

        Simulation none = ledger.bed.simulate(
                world.northLab,
                "certificate:IssueBatch",
                batch(List.of(signed(pumpVerification("C-2").without("method")))));
        assertThat(none.readWriteSet().event()).isEmpty();
        assertThat(none.readWriteSet().writes()).isEmpty();
    }

    @Test
    void a_caller_who_is_no_lab_participant_is_forbidden_for_the_whole_batch() {
        Map<String, String> before = ledger.snapshot();
        assertRefused(
                () -> issueBatch(world.northEntity, List.of(signed(pumpVerification("C-1")))),
                ErrorCode.FORBIDDEN,
                "issue certificates");
        assertThat(ledger.snapshot()).isEqualTo(before);
    }

    @Test
    void an_empty_batch_and_one_of_more_than_256_items_are_invalid() {
        assertRefused(() -> issueBatch(world.northLab, List.of()), ErrorCode.INVALID_ARGUMENT, "certificates");
        List<String> many = new ArrayList<>();
        String one = signed(pumpVerification("C-1"));
        IntStream.range(0, 257).forEach(i -> many.add(one));
        assertRefused(() -> issueBatch(world.northLab, many), ErrorCode.INVALID_ARGUMENT, "256");
    }

    @Test
    void a_second_calibration_on_the_same_engagement_is_a_conflict() {
        ledger.bed.submit(
                world.northEntity,
                "engagement:Request",
                TestWorld.engagement("E-1", TestWorld.LAB_NORTH, PUMP, "INSTRUMENT"));
        CertificateDraft first = CertificateDraft.calibration("CAL-1", TestWorld.LAB_NORTH, PUMP)
                .with("subjectType", "INSTRUMENT")
                .cites("STD-W", "C-W");
        CertificateDraft second = CertificateDraft.calibration("CAL-2", TestWorld.LAB_NORTH, PUMP)
                .with("subjectType", "INSTRUMENT")
                .cites("STD-W", "C-W");

        JsonNode answer = issueBatch(world.northLab, List.of(signed(first), signed(second)));

        assertItem(answer.path("items").get(0), 0, "CAL-1", null, null);
        assertItem(answer.path("items").get(1), 1, "CAL-2", "CONFLICT", "engagement E-1");
        JsonNode used = ledger.evaluate(world.stranger, "engagement:Get", Map.of("id", "E-1"));
        assertThat(used.path("certificate").asText()).isEqualTo("CAL-1");
    }
}
