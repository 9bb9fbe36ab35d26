package org.metroledger.chaincode.credit;

import java.math.BigDecimal;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.metroledger.chaincode.error.Fail;
import org.metroledger.chaincode.json.Check;
import org.metroledger.chaincode.state.Stamp;

/** Request of ProposePolicy: a complete rating policy document for the next version. */
public record PolicyProposal(
        Integer version,
        Integer baseScore,
        Integer commitmentBonus,
        Map<CreditEventType, EventRule> events,
        Map<Grade, Integer> thresholds,
        Map<Grade, String> samplingRatio,
        String backdatingAllowance) {
    private static final int MAX_POINTS = 1000;
    private static final int MAX_MONTHS = 100 * 12;
    private static final int MAX_DAYS = 100 * 366;
    private static final int MAX_BACKDATING_MONTHS = 10 * 12;
    private static final int MAX_BACKDATING_DAYS = 10 * 366;
    private static final List<Grade> THRESHOLD_GRADES = List.of(Grade.A, Grade.B, Grade.C);

    /** Checks every field, as INVALID_ARGUMENT naming it (e.g. {@code events.SHORT_WEIGHT.points}). */
    public PolicyProposal validated() {
        Check.required("version", version);
        Check.that(version >= 2, "version", "must be 2 or more: version 1 is built in");
        bounded("baseScore", baseScore, 0);
        bounded("commitmentBonus", commitmentBonus, 0);
        Check.required("events", events);
        for (CreditEventType type : CreditEventType.values()) {
            validRule("events." + type, events.get(type));
        }
        Check.required("thresholds", thresholds);
        Check.that(!thresholds.containsKey(Grade.D), "thresholds.D", "must not be set: D is every score below C");
        Integer above = null;
        for (Grade grade : THRESHOLD_GRADES) {
            String field = "thresholds." + grade;
            int threshold = bounded(field, thresholds.get(grade), -MAX_POINTS);
            Check.that(above == null || threshold < above, field, "must be below the threshold of the better grade");
            above = threshold;
        }
        Check.required("samplingRatio", samplingRatio);
        for (Grade grade : Grade.values()) {
            String field = "samplingRatio." + grade;
            BigDecimal ratio = new BigDecimal(Check.decimal(field, samplingRatio.get(grade)));
            Check.that(ratio.signum() >= 0 && ratio.compareTo(BigDecimal.ONE) <= 0, field, "must be between 0 and 1");
        }
        if (backdatingAllowance != null) {
            Period allowance = positivePeriod("backdatingAllowance", backdatingAllowance);
            Check.that(
                    allowance.toTotalMonths() <= MAX_BACKDATING_MONTHS && allowance.getDays() <= MAX_BACKDATING_DAYS,
                    "backdatingAllowance",
                    "must not exceed 10 years");
        }
        return this;
    }

    /** The proposed version as stored: PROPOSED, with no approvals yet, voting open for VOTING_PERIOD. */
    RatingPolicy toPolicy(String proposer, Stamp stamp) {
        return new RatingPolicy(
                version,
                baseScore,
                commitmentBonus,
                events,
                thresholds,
                samplingRatio,
                backdatingAllowance == null ? RatingPolicy.DEFAULT_BACKDATING_ALLOWANCE : backdatingAllowance,
                PolicyStatus.PROPOSED,
                proposer,
                List.of(),
                null,
                null,
                java.time.Instant.parse(stamp.recordedAt())
                        .plus(PolicyGovernance.VOTING_PERIOD)
                        .toString(),
                stamp.recordedAt(),
                stamp.txId());
    }

    private static void validRule(String field, EventRule rule) {
        Check.required(field, rule);
        bounded(field + ".points", rule.points(), -MAX_POINTS);
        Period period = positivePeriod(field + ".countsFor", Check.required(field + ".countsFor", rule.countsFor()));
        Check.that(
                period.toTotalMonths() <= MAX_MONTHS && period.getDays() <= MAX_DAYS,
                field + ".countsFor",
                "must not exceed 100 years");
        if (rule.cap() != null) {
            bounded(field + ".cap", rule.cap(), 0);
        }
    }

    private static Period positivePeriod(String field, String text) {
        Period period;
        try {
            period = Period.parse(text);
        } catch (DateTimeParseException e) {
            throw Fail.invalid(field, "must be an ISO-8601 period like P2Y or P30D (got '" + text + "')");
        }
        boolean positive =
                period.getYears() >= 0 && period.getMonths() >= 0 && period.getDays() >= 0 && !period.isZero();
        Check.that(positive, field, "must be a positive period");
        return period;
    }

    private static int bounded(String field, Integer value, int min) {
        Check.required(field, value);
        Check.that(value >= min && value <= MAX_POINTS, field, "must be " + min + " to " + MAX_POINTS);
        return value;
    }
}
