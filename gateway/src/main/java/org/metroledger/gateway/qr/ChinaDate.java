package org.metroledger.gateway.qr;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Ledger instants (UTC) shown as the calendar date a reader in China sees on a sticker or page. */
public final class ChinaDate {
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneId.of("Asia/Shanghai"));
    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

    private ChinaDate() {}

    /** The date, or the text unchanged when it is not an instant (never fails on ledger data). */
    public static String date(String instant) {
        return format(DATE, instant);
    }

    public static String dateTime(String instant) {
        return format(DATE_TIME, instant);
    }

    private static String format(DateTimeFormatter formatter, String instant) {
        if (instant == null) {
            return "";
        }
        try {
            return formatter.format(Instant.parse(instant));
        } catch (DateTimeParseException e) {
            return instant;
        }
    }
}
