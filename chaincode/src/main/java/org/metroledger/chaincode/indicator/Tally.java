package org.metroledger.chaincode.indicator;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiPredicate;
import org.hyperledger.fabric.shim.ChaincodeStub;

/**
 * The deltas one record's write makes to the indicator tallies, written as rows of their own
 * (Fabric's "high-throughput" pattern): a delta row's key ends with the record and the transaction,
 * so writing one reads nothing and no two transactions write the same key, and counting never
 * makes two writes conflict. A level is the sum of what {@link Compaction} folded into a place's
 * year, month and day totals and of its delta rows up to a day: range reads of that place and
 * metric alone.
 */
public final class Tally {
    /** The row families: deltas, and the day, month and year totals that compaction folds them into. */
    static final String DELTA = "D";

    static final String DAY = "T";
    static final String MONTH = "M";
    static final String YEAR = "Y";
    private static final byte[] MARK = {'1'};
    private final Map<String, Long> deltas = new TreeMap<>();
    private final Map<String, Place> places = new TreeMap<>();

    /** Adds a delta to the metric at a place from a day on, for its category and for all categories. */
    public Tally add(Metric metric, Place place, LocalDate day, long delta) {
        for (Place p : new Place[] {place, place.anyCategory()}) {
            deltas.merge(rowPrefix(DELTA, metric, p) + day, delta, Long::sum);
            places.put(placeKey(p), p);
        }
        return this;
    }

    /** Adds the difference between two day-delta maps (new minus old) to the metric at a place. */
    public Tally change(Metric metric, Place place, Map<LocalDate, Long> before, Map<LocalDate, Long> after) {
        Map<LocalDate, Long> net = new TreeMap<>(after);
        before.forEach((day, delta) -> net.merge(day, -delta, Long::sum));
        net.forEach((day, delta) -> {
            if (delta != 0) {
                add(metric, place, day, delta);
            }
        });
        return this;
    }

    /** Writes the non-zero deltas; {@code source} (the record's id) keeps one transaction's rows apart. */
    public void write(ChaincodeStub stub, String source) {
        deltas.forEach((row, delta) -> {
            if (delta != 0) {
                stub.putState(row + Keys.SEP + source + Keys.SEP + stub.getTxId(), number(delta));
            }
        });
        // The places a reader adds up; rewriting one is a blind write, so it never conflicts.
        places.keySet().forEach(key -> stub.putState(key, MARK));
    }

    /**
     * The levels of a metric at a place at the start of each of {@code days} (every delta of days up
     * to it). What {@link Compaction} folded is read as year totals before the day's year, month
     * totals of its year before its month and day totals of its month up to it: at most 11 month
     * rows per year asked and 31 day rows per month asked, whatever the history, plus the year rows
     * (one per year of history) and the delta rows not folded yet.
     */
    public static long[] levels(ChaincodeStub stub, Metric metric, Place place, List<LocalDate> days) {
        long[] totals = new long[days.size()];
        LocalDate last = days.stream().max(LocalDate::compareTo).orElseThrow();
        // Year rows "yyyy", month rows "yyyy-MM", day and delta rows "yyyy-MM-dd...": ISO, so they
        // sort as the periods do, and a period's key is a prefix of its days' keys.
        sum(stub, rowPrefix(YEAR, metric, place), "", year(last), 4, days, totals, (y, d) -> y.compareTo(year(d)) < 0);
        Map<String, LocalDate> lastOfYear = new TreeMap<>();
        Map<String, LocalDate> lastOfMonth = new TreeMap<>();
        for (LocalDate d : days) {
            lastOfYear.merge(year(d), d, Tally::later);
            lastOfMonth.merge(month(d), d, Tally::later);
        }
        lastOfYear.forEach((y, d) -> sum(
                stub,
                rowPrefix(MONTH, metric, place),
                y,
                month(d),
                7,
                days,
                totals,
                (m, of) -> m.startsWith(year(of)) && m.compareTo(month(of)) < 0));
        lastOfMonth.forEach((m, d) -> sum(
                stub,
                rowPrefix(DAY, metric, place),
                m,
                d.plusDays(1).toString(),
                10,
                days,
                totals,
                (t, of) -> t.startsWith(month(of)) && t.compareTo(of.toString()) <= 0));
        sum(
                stub,
                rowPrefix(DELTA, metric, place),
                "",
                last.plusDays(1).toString(),
                10,
                days,
                totals,
                (t, of) -> t.compareTo(of.toString()) <= 0);
        return totals;
    }

    /**
     * Adds each row of [prefix + from, prefix + to) to the totals of the days it counts for; the
     * row's period is the first {@code width} characters after the prefix.
     */
    private static void sum(
            ChaincodeStub stub,
            String prefix,
            String from,
            String to,
            int width,
            List<LocalDate> days,
            long[] totals,
            BiPredicate<String, LocalDate> countsFor) {
        if (from.compareTo(to) >= 0) {
            return;
        }
        Reads.each(stub, prefix + from, prefix + to, row -> {
            String period = row.getKey().substring(prefix.length(), prefix.length() + width);
            long value = parse(row.getValue());
            for (int i = 0; i < totals.length; i++) {
                if (countsFor.test(period, days.get(i))) {
                    totals[i] += value;
                }
            }
            return true;
        });
    }

    static String year(LocalDate day) {
        return day.toString().substring(0, 4);
    }

    static String month(LocalDate day) {
        return day.toString().substring(0, 7);
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    static String rowPrefix(String family, Metric metric, Place place) {
        return Keys.prefix(family, metric.name(), place.region(), place.province(), place.category());
    }

    static String placeKey(Place place) {
        return Keys.of("P", place.region(), place.province(), place.category());
    }

    static byte[] number(long value) {
        return Long.toString(value).getBytes(StandardCharsets.UTF_8);
    }

    static long parse(byte[] value) {
        return Long.parseLong(new String(value, StandardCharsets.UTF_8));
    }
}
