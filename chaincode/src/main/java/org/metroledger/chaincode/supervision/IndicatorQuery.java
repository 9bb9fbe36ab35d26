package org.metroledger.chaincode.supervision;

import java.time.Instant;
import java.time.LocalDate;
import org.metroledger.chaincode.indicator.Days;
import org.metroledger.chaincode.json.Check;
import org.metroledger.chaincode.registry.EntityCategory;

/**
 * A request for indicators: where (region, province, instrument category, entity category; each
 * optional), as of when ({@code at}, default the transaction time: the figures of the end of its
 * UTC day), the date the credit change is counted from ({@code since}, default 30 days before) and
 * how many calendar months of pass rates ({@code months}, 1-24, default 6).
 */
public record IndicatorQuery(
        String region,
        String province,
        String category,
        String entityCategory,
        String at,
        String since,
        Integer months) {
    public static final int DEFAULT_MONTHS = 6;
    public static final int MAX_MONTHS = 24;

    /** The request checked, with its days resolved against the transaction time. */
    public Resolved resolve(Instant now) {
        if (region != null) {
            Check.id("region", region);
        }
        if (province != null) {
            Check.text("province", province, 100);
        }
        if (category != null) {
            Check.id("category", category);
        }
        if (entityCategory != null) {
            Check.that(
                    java.util.Arrays.stream(EntityCategory.values())
                            .anyMatch(c -> c.name().equals(entityCategory)),
                    "entityCategory",
                    "must be one of " + java.util.Arrays.toString(EntityCategory.values()));
        }
        LocalDate day = Days.of(Check.instantOr("at", at, now));
        LocalDate from = since == null ? day.minusDays(30) : Days.of(Check.instant("since", since));
        Check.that(!from.isAfter(day), "since", "must not be after at");
        int m = months == null ? DEFAULT_MONTHS : months;
        Check.that(m >= 1 && m <= MAX_MONTHS, "months", "must be 1-" + MAX_MONTHS);
        return new Resolved(region, province, category, entityCategory, day, from, m);
    }

    /** A checked request: {@code day} is the day whose first instant the figures describe. */
    public record Resolved(
            String region,
            String province,
            String category,
            String entityCategory,
            LocalDate day,
            LocalDate since,
            int months) {
        /** The pass-rate periods: calendar months, the last one ending at {@code day}; [from, to) days. */
        public java.util.List<LocalDate[]> periods() {
            java.util.List<LocalDate[]> periods = new java.util.ArrayList<>();
            LocalDate end = day;
            LocalDate start = day.minusDays(1).withDayOfMonth(1);
            for (int i = 0; i < months; i++) {
                periods.add(0, new LocalDate[] {start, end});
                end = start;
                start = start.minusMonths(1);
            }
            return periods;
        }
    }
}
