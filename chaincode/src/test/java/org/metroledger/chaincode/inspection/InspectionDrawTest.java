package org.metroledger.chaincode.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.hyperledger.fabric.shim.ChaincodeException;
import org.junit.jupiter.api.Test;
import org.metroledger.chaincode.registry.EntityCategory;
import org.metroledger.chaincode.state.Stamp;

class InspectionDrawTest {
    private static final Stamp STAMP = new Stamp("2025-06-01T08:00:00Z", "tx1");
    private static final String NORTH_SEED = "1a".repeat(32);
    private static final String EAST_SEED = "2b".repeat(32);

    private static InspectionDraw opened() {
        return InspectionDraw.open(
                "d1",
                "NorthMSP",
                EntityCategory.MARKET,
                List.of("NorthMSP", "EastMSP"),
                List.of("i1"),
                InspectionDraw.DEFAULT_REVEAL_PERIOD,
                STAMP);
    }

    private static InspectionDraw committed() {
        return opened().commit("NorthMSP", Seeds.commitment(NORTH_SEED), STAMP)
                .commit("EastMSP", Seeds.commitment(EAST_SEED), STAMP);
    }

    private static String codeOf(ChaincodeException e) {
        return new String(e.getPayload(), java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void draw_is_committed_once_every_participant_has_committed() {
        InspectionDraw half = opened().commit("NorthMSP", Seeds.commitment(NORTH_SEED), STAMP);
        assertThat(half.status()).isEqualTo(DrawStatus.OPEN);
        assertThat(committed().status()).isEqualTo(DrawStatus.COMMITTED);
    }

    @Test
    void reveal_before_every_participant_committed_is_refused_naming_the_missing_ones() {
        InspectionDraw half = opened().commit("NorthMSP", Seeds.commitment(NORTH_SEED), STAMP);
        assertThatThrownBy(() -> half.reveal("NorthMSP", NORTH_SEED, STAMP))
                .isInstanceOfSatisfying(
                        ChaincodeException.class, e -> assertThat(codeOf(e)).isEqualTo("CONFLICT"))
                .hasMessageContaining("EastMSP");
    }

    @Test
    void double_commit_is_refused() {
        InspectionDraw half = opened().commit("NorthMSP", Seeds.commitment(NORTH_SEED), STAMP);
        assertThatThrownBy(() -> half.commit("NorthMSP", Seeds.commitment(EAST_SEED), STAMP))
                .isInstanceOfSatisfying(
                        ChaincodeException.class, e -> assertThat(codeOf(e)).isEqualTo("CONFLICT"));
    }

    @Test
    void seed_not_matching_its_commitment_is_refused() {
        assertThatThrownBy(() -> committed().reveal("NorthMSP", EAST_SEED, STAMP))
                .isInstanceOfSatisfying(
                        ChaincodeException.class, e -> assertThat(codeOf(e)).isEqualTo("INVALID_ARGUMENT"))
                .hasMessageContaining("seed");
    }

    @Test
    void double_reveal_is_refused() {
        InspectionDraw once = committed().reveal("NorthMSP", NORTH_SEED, STAMP);
        assertThatThrownBy(() -> once.reveal("NorthMSP", NORTH_SEED, STAMP))
                .isInstanceOfSatisfying(
                        ChaincodeException.class, e -> assertThat(codeOf(e)).isEqualTo("CONFLICT"));
    }

    @Test
    void last_reveal_fixes_the_combined_seed() {
        InspectionDraw once = committed().reveal("EastMSP", EAST_SEED, STAMP);
        assertThat(once.status()).isEqualTo(DrawStatus.COMMITTED);
        assertThat(once.combinedSeed()).isNull();
        InspectionDraw both = once.reveal("NorthMSP", NORTH_SEED, STAMP);
        assertThat(both.status()).isEqualTo(DrawStatus.REVEALED);
        assertThat(both.combinedSeed()).isEqualTo(Seeds.combine(Map.of("NorthMSP", NORTH_SEED, "EastMSP", EAST_SEED)));
    }

    @Test
    void publish_before_every_reveal_is_refused() {
        Publication nothing = new Publication("2025-06-01T08:00:00Z", 1, List.of(), List.of(), Map.of());
        InspectionDraw once = committed().reveal("EastMSP", EAST_SEED, STAMP);
        assertThatThrownBy(() -> once.publish(nothing, STAMP))
                .isInstanceOfSatisfying(
                        ChaincodeException.class, e -> assertThat(codeOf(e)).isEqualTo("CONFLICT"));
        assertThatThrownBy(() -> opened().publish(nothing, STAMP)).isInstanceOf(ChaincodeException.class);
    }

    @Test
    void commit_after_the_commit_phase_is_refused() {
        InspectionDraw revealed =
                committed().reveal("EastMSP", EAST_SEED, STAMP).reveal("NorthMSP", NORTH_SEED, STAMP);
        InspectionDraw widened = new InspectionDraw(
                revealed.id(),
                revealed.region(),
                revealed.category(),
                List.of("CentralSouthMSP", "EastMSP", "NorthMSP"),
                revealed.inspectors(),
                revealed.commitments(),
                revealed.reveals(),
                revealed.combinedSeed(),
                null,
                Map.of(),
                revealed.status(),
                STAMP.recordedAt(),
                STAMP.txId(),
                revealed.revealPeriod(),
                revealed.revealDeadline(),
                null,
                null,
                null,
                null,
                null,
                null);
        assertThatThrownBy(() -> widened.commit("CentralSouthMSP", Seeds.commitment(EAST_SEED), STAMP))
                .isInstanceOfSatisfying(
                        ChaincodeException.class, e -> assertThat(codeOf(e)).isEqualTo("CONFLICT"));
    }
}
