package org.metroledger.chaincode.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class DrawSelectionTest {
    private static final Map<String, String> REVEALS = Map.of(
            "CentralSouthMSP", "11".repeat(32),
            "EastMSP", "a5".repeat(32),
            "NorthMSP", "0f".repeat(32));
    private static final List<String> INSPECTORS = List.of("insp-a", "insp-b", "insp-c");

    private static List<Candidate> population(int size, String ratio) {
        return IntStream.range(0, size)
                .mapToObj(i -> new Candidate(String.format("E%05d", i), "A", ratio))
                .toList();
    }

    @Test
    void same_inputs_give_the_same_selection_and_assignments() {
        String seed = Seeds.combine(REVEALS);
        List<Candidate> candidates = population(300, "0.2");
        assertThat(DrawSelection.select(seed, candidates, INSPECTORS))
                .isEqualTo(DrawSelection.select(seed, List.copyOf(candidates), List.copyOf(INSPECTORS)));
    }

    @Test
    void order_of_the_inputs_does_not_matter() {
        String seed = Seeds.combine(REVEALS);
        List<Candidate> shuffled = new ArrayList<>(population(300, "0.2"));
        Collections.shuffle(shuffled, new Random(7));
        List<String> inspectors = new ArrayList<>(INSPECTORS);
        Collections.reverse(inspectors);
        assertThat(DrawSelection.select(seed, shuffled, inspectors))
                .isEqualTo(DrawSelection.select(seed, population(300, "0.2"), INSPECTORS));
    }

    @Test
    void changing_any_single_reveal_changes_the_combined_seed_and_the_selection() {
        String seed = Seeds.combine(REVEALS);
        DrawSelection.Outcome original = DrawSelection.select(seed, population(300, "0.5"), INSPECTORS);
        for (String msp : REVEALS.keySet()) {
            Map<String, String> changed = new HashMap<>(REVEALS);
            changed.put(msp, "77".repeat(32));
            String other = Seeds.combine(changed);
            assertThat(other).as("combined seed after changing %s", msp).isNotEqualTo(seed);
            assertThat(DrawSelection.select(other, population(300, "0.5"), INSPECTORS)
                            .selected())
                    .as("selection after changing %s", msp)
                    .isNotEqualTo(original.selected());
        }
    }

    @Test
    void ratio_one_selects_everyone_and_ratio_zero_nobody() {
        String seed = Seeds.combine(REVEALS);
        assertThat(DrawSelection.select(seed, population(200, "1.00"), INSPECTORS)
                        .selected())
                .hasSize(200);
        assertThat(DrawSelection.select(seed, population(200, "1"), INSPECTORS).selected())
                .hasSize(200);
        assertThat(DrawSelection.select(seed, population(200, "0"), INSPECTORS).selected())
                .isEmpty();
        assertThat(DrawSelection.select(seed, population(200, "0.00"), INSPECTORS)
                        .selected())
                .isEmpty();
    }

    @Test
    void selection_rate_follows_the_ratio_within_loose_bounds() {
        for (int s = 0; s < 5; s++) {
            String seed = Seeds.combine(Map.of("NorthMSP", String.format("%064x", s), "EastMSP", "ab".repeat(32)));
            int tenPercent = DrawSelection.select(seed, population(2000, "0.10"), INSPECTORS)
                    .selected()
                    .size();
            int fivePercent = DrawSelection.select(seed, population(2000, "0.05"), INSPECTORS)
                    .selected()
                    .size();
            // Binomial(2000, p): ±50 and ±35 are about four standard deviations.
            assertThat(tenPercent).isBetween(150, 250);
            assertThat(fivePercent).isBetween(65, 135);
        }
    }

    @Test
    void a_candidate_is_selected_exactly_when_its_hmac_over_two_to_256_is_below_its_ratio() throws Exception {
        String seed = Seeds.combine(REVEALS);
        List<Candidate> candidates = population(400, "0.3");
        List<String> selected = DrawSelection.select(seed, candidates, INSPECTORS).selected().stream()
                .map(Candidate::entity)
                .toList();
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(java.util.HexFormat.of().parseHex(seed), "HmacSHA256"));
        List<String> expected = new ArrayList<>();
        for (Candidate c : candidates) {
            BigInteger u = new BigInteger(1, mac.doFinal(("entity:" + c.entity()).getBytes(StandardCharsets.UTF_8)));
            // u / 2^256 < 3/10  <=>  10 u < 3 * 2^256
            if (u.multiply(BigInteger.TEN).compareTo(BigInteger.valueOf(3).shiftLeft(256)) < 0) {
                expected.add(c.entity());
            }
        }
        assertThat(selected).isEqualTo(expected).isNotEmpty();
    }

    @Test
    void inspectors_are_dealt_round_robin_from_the_pool() {
        String seed = Seeds.combine(REVEALS);
        DrawSelection.Outcome outcome = DrawSelection.select(seed, population(100, "1"), INSPECTORS);
        assertThat(outcome.assignments()).hasSize(100);
        Map<String, Long> load = new HashMap<>();
        outcome.assignments().values().forEach(i -> load.merge(i, 1L, Long::sum));
        assertThat(load.keySet()).containsExactlyInAnyOrderElementsOf(INSPECTORS);
        assertThat(load.values()).allSatisfy(n -> assertThat(n).isBetween(33L, 34L));
    }

    @Test
    void inspector_order_depends_on_the_combined_seed() {
        List<String> firstInspectors = IntStream.range(0, 20)
                .mapToObj(s -> Seeds.combine(Map.of("NorthMSP", String.format("%064x", s))))
                .map(seed -> DrawSelection.select(seed, population(1, "1"), INSPECTORS)
                        .assignments()
                        .get("E00000"))
                .distinct()
                .toList();
        assertThat(firstInspectors).containsExactlyInAnyOrderElementsOf(INSPECTORS);
    }
}
