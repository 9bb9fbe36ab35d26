package org.metroledger.chaincode.credit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RatingRulesTest {
    private static final String ENTITY = "911100006000373410";
    private static final Instant T0 = Instant.parse("2024-03-01T10:00:00Z");
    private static final RatingPolicy V1 = RatingPolicies.DEFAULT_V1;
    private static final String DIGEST = "a".repeat(64);

    private int serial;

    private CreditEvent event(CreditEventType type, Instant occurredAt) {
        serial++;
        return CreditEvent.of("e" + serial, ENTITY, type, occurredAt, "p-inspector", DIGEST, null)
                .stamped(new org.metroledger.chaincode.state.Stamp(occurredAt.toString(), "tx" + serial));
    }

    private CreditEvent repaired(CreditEvent event, Instant repairedAt) {
        return event.repair(
                "p-admin", "rectified", new org.metroledger.chaincode.state.Stamp(repairedAt.toString(), "txr"));
    }

    private static Rating rate(List<CreditEvent> events, Instant at) {
        return RatingRules.rate(V1, ENTITY, events, null, at);
    }

    private List<CreditEvent> repeat(CreditEventType type, int times) {
        List<CreditEvent> events = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            events.add(event(type, T0.plusSeconds(i)));
        }
        return events;
    }

    @Test
    void an_entity_without_events_or_commitment_scores_the_base_100_grade_A() {
        Rating rating = rate(List.of(), T0);
        assertThat(rating.score()).isEqualTo(100);
        assertThat(rating.grade()).isEqualTo(Grade.A);
        assertThat(rating.samplingRatio()).isEqualTo("0.05");
        assertThat(rating.policyVersion()).isEqualTo(1);
        assertThat(rating.commitmentBonus()).isZero();
    }

    @Test
    void an_active_commitment_adds_5() {
        Rating rating = RatingRules.rate(V1, ENTITY, List.of(), "c-1", T0);
        assertThat(rating.score()).isEqualTo(105);
        assertThat(rating.commitmentBonus()).isEqualTo(5);
        assertThat(rating.commitment()).isEqualTo("c-1");
    }

    @ParameterizedTest(name = "{0} counts {1}")
    @CsvSource({
        "INSPECTION_PASSED, 2",
        "OVERDUE_VERIFICATION, -5",
        "INSPECTION_FAILED, -10",
        "SHORT_WEIGHT, -15",
        "COMMITMENT_BREACHED, -20",
        "ADMINISTRATIVE_PENALTY, -20",
        "FORGED_DATA, -40",
        "FALSE_CERTIFICATE, -40",
        "CHEATING_DEVICE, -40"
    })
    void each_event_type_counts_its_points_under_v1(CreditEventType type, int points) {
        Rating rating = rate(List.of(event(type, T0)), T0.plusSeconds(60));
        assertThat(rating.score()).isEqualTo(100 + points);
        assertThat(rating.contributions()).singleElement().satisfies(c -> {
            assertThat(c.points()).isEqualTo(points);
            assertThat(c.counted()).isTrue();
            assertThat(c.whyNot()).isNull();
        });
    }

    @Test
    void overdue_verification_counts_once_per_instrument() {
        assertThat(rate(repeat(CreditEventType.OVERDUE_VERIFICATION, 3), T0.plusSeconds(60))
                        .score())
                .isEqualTo(85);
    }

    @Test
    void passed_inspections_add_at_most_10_and_the_sixth_is_itemised_as_capped() {
        Rating rating = rate(repeat(CreditEventType.INSPECTION_PASSED, 6), T0.plusSeconds(60));
        assertThat(rating.score()).isEqualTo(110);
        Contribution sixth = rating.contributions().get(5);
        assertThat(sixth.counted()).isFalse();
        assertThat(sixth.points()).isZero();
        assertThat(sixth.whyNot()).contains("cap of 10");
        assertThat(rating.contributions().subList(0, 5))
                .allSatisfy(c -> assertThat(c.points()).isEqualTo(2));
    }

    @Test
    void a_cap_that_is_not_a_multiple_of_the_points_cuts_the_last_event_short() {
        RatingPolicy policy =
                PolicyFixtures.with(V1, CreditEventType.INSPECTION_PASSED, new EventRule(4, "P2Y", 10, null));
        Rating rating = RatingRules.rate(
                policy, ENTITY, repeat(CreditEventType.INSPECTION_PASSED, 3), null, T0.plusSeconds(60));
        assertThat(rating.score()).isEqualTo(110);
        assertThat(rating.contributions().get(2).points()).isEqualTo(2);
        assertThat(rating.contributions().get(2).whyNot()).startsWith("cut to 2");
    }

    @Test
    void passes_offset_deductions_but_only_up_to_the_cap() {
        List<CreditEvent> events = new ArrayList<>(repeat(CreditEventType.INSPECTION_PASSED, 7));
        events.add(event(CreditEventType.SHORT_WEIGHT, T0.plusSeconds(30)));
        assertThat(rate(events, T0.plusSeconds(60)).score()).isEqualTo(95);
    }

    @Nested
    class Grades {
        @ParameterizedTest(name = "score {0} is grade {1} with sampling ratio {2}")
        @CsvSource({
            "115, A, 0.05",
            "90, A, 0.05",
            "89, B, 0.10",
            "75, B, 0.10",
            "74, C, 0.20",
            "60, C, 0.20",
            "59, D, 1.00",
            "-20, D, 1.00"
        })
        void thresholds_are_inclusive_at_90_75_and_60(int score, Grade grade, String ratio) {
            RatingPolicy policy = PolicyFixtures.withBase(V1, score);
            Rating rating = RatingRules.rate(policy, ENTITY, List.of(), null, T0);
            assertThat(rating.score()).isEqualTo(score);
            assertThat(rating.grade()).isEqualTo(grade);
            assertThat(rating.samplingRatio()).isEqualTo(ratio);
        }

        @Test
        void events_reach_each_boundary_exactly() {
            // 100 - 10 = 90: still A.
            assertThat(rate(List.of(event(CreditEventType.INSPECTION_FAILED, T0)), T0)
                            .grade())
                    .isEqualTo(Grade.A);
            // 100 - 15 - 10 = 75: B; 100 - 20 - 20 = 60: C; 100 - 20 - 20 - 5 = 55: D.
            assertThat(rate(
                                    List.of(
                                            event(CreditEventType.SHORT_WEIGHT, T0),
                                            event(CreditEventType.INSPECTION_FAILED, T0)),
                                    T0)
                            .grade())
                    .isEqualTo(Grade.B);
            List<CreditEvent> sixty = List.of(
                    event(CreditEventType.ADMINISTRATIVE_PENALTY, T0), event(CreditEventType.COMMITMENT_BREACHED, T0));
            assertThat(rate(sixty, T0).grade()).isEqualTo(Grade.C);
            List<CreditEvent> fiftyFive = new ArrayList<>(sixty);
            fiftyFive.add(event(CreditEventType.OVERDUE_VERIFICATION, T0));
            assertThat(rate(fiftyFive, T0).grade()).isEqualTo(Grade.D);
        }

        @Test
        void a_severe_event_forces_D_even_when_the_score_is_high() {
            List<CreditEvent> events = new ArrayList<>(repeat(CreditEventType.INSPECTION_PASSED, 5));
            events.add(event(CreditEventType.CHEATING_DEVICE, T0.plusSeconds(30)));
            Rating rating = RatingRules.rate(V1, ENTITY, events, "c-1", T0.plusSeconds(60));
            assertThat(rating.score()).isEqualTo(75);
            assertThat(rating.grade()).isEqualTo(Grade.D);
            assertThat(rating.forcedGrade()).isEqualTo(Grade.D);
            assertThat(rating.samplingRatio()).isEqualTo("1.00");
        }

        @Test
        void the_forced_grade_lifts_once_the_severe_event_stops_counting() {
            CreditEvent forged = event(CreditEventType.FORGED_DATA, T0);
            Rating after = rate(List.of(forged), Instant.parse("2027-03-01T10:00:00Z"));
            assertThat(after.forcedGrade()).isNull();
            assertThat(after.grade()).isEqualTo(Grade.A);
        }
    }

    @Nested
    class Expiry {
        @Test
        void an_ordinary_event_counts_until_just_before_two_years_and_not_at_exactly_two_years() {
            CreditEvent failed = event(CreditEventType.INSPECTION_FAILED, T0);
            Instant twoYears = Instant.parse("2026-03-01T10:00:00Z");
            assertThat(rate(List.of(failed), twoYears.minusNanos(1)).score()).isEqualTo(90);
            Rating expired = rate(List.of(failed), twoYears);
            assertThat(expired.score()).isEqualTo(100);
            assertThat(expired.contributions().get(0).counted()).isFalse();
            assertThat(expired.contributions().get(0).whyNot()).isEqualTo("stopped counting at " + twoYears);
        }

        @Test
        void a_severe_event_counts_for_three_years_not_two() {
            CreditEvent forged = event(CreditEventType.FALSE_CERTIFICATE, T0);
            assertThat(rate(List.of(forged), Instant.parse("2026-03-01T10:00:00Z"))
                            .score())
                    .isEqualTo(60);
            Instant threeYears = Instant.parse("2027-03-01T10:00:00Z");
            assertThat(rate(List.of(forged), threeYears.minusNanos(1)).grade()).isEqualTo(Grade.D);
            assertThat(rate(List.of(forged), threeYears).score()).isEqualTo(100);
        }

        @Test
        void a_leap_day_event_expires_on_28_february_two_years_later() {
            CreditEvent failed = event(CreditEventType.INSPECTION_FAILED, Instant.parse("2024-02-29T12:00:00Z"));
            assertThat(rate(List.of(failed), Instant.parse("2026-02-28T11:59:59Z"))
                            .score())
                    .isEqualTo(90);
            assertThat(rate(List.of(failed), Instant.parse("2026-02-28T12:00:00Z"))
                            .score())
                    .isEqualTo(100);
        }

        @Test
        void an_event_after_the_rating_time_does_not_count_yet() {
            CreditEvent failed = event(CreditEventType.INSPECTION_FAILED, T0);
            Rating before = rate(List.of(failed), T0.minusSeconds(1));
            assertThat(before.score()).isEqualTo(100);
            assertThat(before.contributions().get(0).whyNot()).startsWith("occurred after");
            assertThat(rate(List.of(failed), T0).score()).isEqualTo(90);
        }
    }

    @Nested
    class Repair {
        @Test
        void a_repaired_event_does_not_count_from_its_repair_on() {
            Instant repairedAt = T0.plusSeconds(3600);
            CreditEvent event = repaired(event(CreditEventType.SHORT_WEIGHT, T0), repairedAt);
            assertThat(rate(List.of(event), repairedAt.minusNanos(1)).score()).isEqualTo(85);
            Rating after = rate(List.of(event), repairedAt);
            assertThat(after.score()).isEqualTo(100);
            assertThat(after.contributions().get(0).whyNot()).isEqualTo("repaired at " + repairedAt);
        }

        @Test
        void a_repaired_severe_event_no_longer_forces_D() {
            Instant repairedAt = T0.plusSeconds(60);
            CreditEvent event = repaired(event(CreditEventType.CHEATING_DEVICE, T0), repairedAt);
            assertThat(rate(List.of(event), repairedAt).grade()).isEqualTo(Grade.A);
        }

        @Test
        void repaired_passes_free_room_under_the_cap_for_later_ones() {
            List<CreditEvent> events = new ArrayList<>(repeat(CreditEventType.INSPECTION_PASSED, 6));
            events.set(0, repaired(events.get(0), T0.plusSeconds(30)));
            Rating rating = rate(events, T0.plusSeconds(60));
            assertThat(rating.score()).isEqualTo(110);
            assertThat(rating.contributions().get(5).counted()).isTrue();
        }
    }

    @Test
    void a_second_policy_version_changes_the_outcome_of_the_same_events() {
        List<CreditEvent> events = List.of(event(CreditEventType.SHORT_WEIGHT, T0));
        RatingPolicy v2 = PolicyFixtures.v2(V1);
        Rating underV1 = RatingRules.rate(V1, ENTITY, events, null, T0);
        Rating underV2 = RatingRules.rate(v2, ENTITY, events, null, T0);
        assertThat(underV1.score()).isEqualTo(85);
        assertThat(underV1.grade()).isEqualTo(Grade.B);
        assertThat(underV2.score()).isEqualTo(70);
        assertThat(underV2.grade()).isEqualTo(Grade.C);
        assertThat(underV2.samplingRatio()).isEqualTo("0.25");
        assertThat(underV2.policyVersion()).isEqualTo(2);
    }

    @Test
    void an_event_type_a_stored_policy_predates_is_itemised_but_not_counted() {
        Map<CreditEventType, EventRule> events = new EnumMap<>(V1.events());
        events.remove(CreditEventType.CHEATING_DEVICE);
        RatingPolicy older = PolicyFixtures.copy(V1, 1, 100, events, V1.samplingRatio());
        Rating rating = RatingRules.rate(older, ENTITY, List.of(event(CreditEventType.CHEATING_DEVICE, T0)), null, T0);
        assertThat(rating.score()).isEqualTo(100);
        assertThat(rating.grade()).isEqualTo(Grade.A);
        assertThat(rating.contributions().get(0).whyNot())
                .isEqualTo("policy version 1 has no rule for CHEATING_DEVICE");
    }

    @Test
    void the_same_events_in_any_order_rate_the_same() {
        List<CreditEvent> events = new ArrayList<>(repeat(CreditEventType.INSPECTION_PASSED, 6));
        events.add(event(CreditEventType.SHORT_WEIGHT, T0));
        List<CreditEvent> reversed = new ArrayList<>(events);
        java.util.Collections.reverse(reversed);
        assertThat(rate(reversed, T0.plusSeconds(60))).isEqualTo(rate(events, T0.plusSeconds(60)));
    }

    /** Policy variants built from v1 for the tests. */
    static final class PolicyFixtures {
        private PolicyFixtures() {}

        static RatingPolicy with(RatingPolicy p, CreditEventType type, EventRule rule) {
            Map<CreditEventType, EventRule> events = new EnumMap<>(p.events());
            events.put(type, rule);
            return copy(p, p.version(), p.baseScore(), events, p.samplingRatio());
        }

        static RatingPolicy withBase(RatingPolicy p, int base) {
            return copy(p, p.version(), base, p.events(), p.samplingRatio());
        }

        /** Short weight doubled to −30 and grade C sampled at 25 %. */
        static RatingPolicy v2(RatingPolicy p) {
            Map<Grade, String> ratios = new EnumMap<>(p.samplingRatio());
            ratios.put(Grade.C, "0.25");
            RatingPolicy doubled = with(p, CreditEventType.SHORT_WEIGHT, new EventRule(-30, "P2Y", null, null));
            return copy(doubled, 2, p.baseScore(), doubled.events(), ratios);
        }

        static RatingPolicy copy(
                RatingPolicy p,
                int version,
                int base,
                Map<CreditEventType, EventRule> events,
                Map<Grade, String> ratios) {
            return new RatingPolicy(
                    version,
                    base,
                    p.commitmentBonus(),
                    events,
                    p.thresholds(),
                    ratios,
                    p.backdatingAllowance(),
                    p.status(),
                    p.proposedBy(),
                    p.approvals(),
                    p.activatedAt(),
                    p.retiredAt(),
                    p.votingEndsAt(),
                    p.recordedAt(),
                    p.txId());
        }
    }
}
