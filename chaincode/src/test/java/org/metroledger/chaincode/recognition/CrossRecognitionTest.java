package org.metroledger.chaincode.recognition;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.metroledger.chaincode.registry.RecognitionAgreement;
import org.metroledger.chaincode.state.Stamp;

class CrossRecognitionTest {
    private static final Instant AT = Instant.parse("2025-06-01T00:00:00Z");
    private static final Stamp STAMP = new Stamp("2025-01-01T00:00:00Z", "tx1");
    private static final CrossRecognition.Facts VALID_NORTH_PUMP =
            new CrossRecognition.Facts("V-1", "VALID", "NorthMSP", "fuel-dispenser");

    private static RecognitionAgreement active(String id, List<String> members, List<String> categories) {
        return RecognitionAgreement.propose(
                        id,
                        members,
                        categories,
                        List.of(),
                        Instant.parse("2025-01-01T00:00:00Z"),
                        Instant.parse("2027-01-01T00:00:00Z"),
                        members.get(0),
                        STAMP)
                .accept(members.get(1), STAMP);
    }

    @Test
    void every_agreement_gives_one_reason_in_id_order_and_the_first_passing_one_carries() {
        RecognitionAnswer answer = CrossRecognition.decide(
                VALID_NORTH_PUMP,
                "EastMSP",
                AT,
                List.of(
                        active("ag-c", List.of("NorthMSP", "EastMSP"), List.of("fuel-dispenser")),
                        active("ag-a", List.of("NorthMSP", "EastMSP"), List.of("weighing")),
                        active("ag-b", List.of("NorthMSP", "EastMSP"), List.of("fuel-dispenser"))));
        assertThat(answer.recognised()).isTrue();
        assertThat(answer.agreementId()).isEqualTo("ag-b");
        assertThat(answer.reasons()).extracting(RecognitionReason::ok).containsExactly(false, true, true);
        assertThat(answer.reasons().get(0).detail()).contains("ag-a");
    }

    @Test
    void agreement_lacking_the_issuers_region_does_not_carry() {
        RecognitionAnswer answer = CrossRecognition.decide(
                VALID_NORTH_PUMP,
                "EastMSP",
                AT,
                List.of(active("ag-ec", List.of("EastMSP", "CentralSouthMSP"), List.of("fuel-dispenser"))));
        assertThat(answer.recognised()).isFalse();
        assertThat(answer.reasons().get(0).detail())
                .isEqualTo("agreement ag-ec does not have the issuer's region NorthMSP as a member");
    }

    @Test
    void agreement_not_yet_in_force_does_not_carry() {
        RecognitionAnswer answer = CrossRecognition.decide(
                VALID_NORTH_PUMP,
                "EastMSP",
                Instant.parse("2024-06-01T00:00:00Z"),
                List.of(active("ag-ne", List.of("NorthMSP", "EastMSP"), List.of("fuel-dispenser"))));
        assertThat(answer.recognised()).isFalse();
        assertThat(answer.reasons().get(0).detail()).contains("not in force before");
    }

    @Test
    void a_certificate_of_unknown_issuer_is_not_recognised() {
        RecognitionAnswer answer = CrossRecognition.decide(
                new CrossRecognition.Facts("V-404", "NOT_FOUND", null, null), "EastMSP", AT, List.of());
        assertThat(answer.recognised()).isFalse();
        assertThat(answer.reasons()).extracting(RecognitionReason::name).containsExactly("issuer", "verdict");
    }
}
