package org.metroledger.chaincode.indicator;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Indicators resolve to UTC days. The figures of day D are the state at D's first instant, so a
 * change at instant x shows from day {@link #of(Instant) of(x)} on: the first midnight at or after
 * x. Asked "as of" an instant, the indicators answer the day of the next midnight: the end of that
 * instant's day.
 */
public final class Days {
    private Days() {}

    /** The first midnight (UTC) at or after the instant. */
    public static LocalDate of(Instant instant) {
        LocalDate day = LocalDate.ofInstant(instant, ZoneOffset.UTC);
        return start(day).equals(instant) ? day : day.plusDays(1);
    }

    /** The day's first instant. */
    public static Instant start(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
