package org.metroledger.chaincode.credit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The rating arithmetic: a pure function of a policy, an entity's events and a time. */
public final class RatingRules {
    private static final Comparator<CreditEvent> TIME_ORDER =
            Comparator.comparing(CreditEvent::occurred).thenComparing(CreditEvent::id);

    private RatingRules() {}

    /**
     * Rates an entity as of {@code at}. An event counts from its occurrence until (excluding) its
     * occurrence plus the rule's period, unless a repair took effect by {@code at}. Events of a
     * capped type count in time order until the cap is used up.
     *
     * @param commitment id of the commitment in effect at {@code at}, or null for none
     */
    public static Rating rate(
            RatingPolicy policy, String entity, List<CreditEvent> events, String commitment, Instant at) {
        List<CreditEvent> ordered = new ArrayList<>(events);
        ordered.sort(TIME_ORDER);
        Map<CreditEventType, Integer> used = new EnumMap<>(CreditEventType.class);
        List<Contribution> contributions = new ArrayList<>();
        int total = 0;
        Grade forced = null;
        for (CreditEvent event : ordered) {
            EventRule rule = policy.rule(event.type());
            String whyNot = rule == null
                    ? "policy version " + policy.version() + " has no rule for " + event.type()
                    : whyNotCounted(event, rule, at);
            boolean counted = whyNot == null;
            int points = 0;
            if (counted) {
                points = rule.points();
                if (rule.cap() != null) {
                    int room = rule.cap() - used.getOrDefault(event.type(), 0);
                    if (room <= 0) {
                        counted = false;
                        points = 0;
                        whyNot = "the cap of " + rule.cap() + " points for " + event.type() + " is used up";
                    } else if (Math.abs(points) > room) {
                        points = Integer.signum(points) * room;
                        whyNot = "cut to " + points + " points by the cap of " + rule.cap() + " for " + event.type();
                    }
                    used.merge(event.type(), Math.abs(points), Integer::sum);
                }
            }
            if (counted) {
                total += points;
                if (rule.forcesGrade() != null) {
                    forced = rule.forcesGrade().worse(forced);
                }
            }
            contributions.add(new Contribution(event.id(), event.type(), event.occurredAt(), points, counted, whyNot));
        }
        int bonus = commitment == null ? 0 : policy.commitmentBonus();
        int score = policy.baseScore() + bonus + total;
        Grade grade = policy.gradeOf(score).worse(forced);
        return new Rating(
                entity,
                at.toString(),
                policy.version(),
                policy.baseScore(),
                commitment,
                bonus,
                score,
                grade,
                forced,
                policy.samplingRatio().get(grade),
                List.copyOf(contributions));
    }

    private static String whyNotCounted(CreditEvent event, EventRule rule, Instant at) {
        Instant occurred = event.occurred();
        if (occurred.isAfter(at)) {
            return "occurred after " + at;
        }
        if (event.repairedAsOf(at)) {
            return "repaired at " + event.repairedAt();
        }
        Instant expiry = rule.expiry(occurred);
        if (!at.isBefore(expiry)) {
            return "stopped counting at " + expiry;
        }
        return null;
    }
}
