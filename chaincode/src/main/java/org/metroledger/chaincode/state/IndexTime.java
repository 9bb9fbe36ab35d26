package org.metroledger.chaincode.state;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * An instant written with fixed width (nanoseconds always present) so that index keys sort in time
 * order; {@link Instant#toString()} drops zero fractions and so does not sort.
 */
public final class IndexTime {
    private static final DateTimeFormatter FIXED =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.nnnnnnnnn'Z'").withZone(ZoneOffset.UTC);
    /** Earliest instant an index accepts: four-digit years only keep the width fixed. */
    public static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");

    private IndexTime() {}

    public static String of(Instant instant) {
        return FIXED.format(instant);
    }
}
