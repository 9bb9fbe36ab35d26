package org.metroledger.chaincode.indicator;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hyperledger.fabric.shim.ChaincodeStub;

/**
 * The deltas one record's write makes to the indicator tallies, written as rows of their own
 * (Fabric's "high-throughput" pattern): a delta row's key ends with the record and the transaction,
 * so writing one reads nothing and no two transactions write the same key, and counting never
 * makes two writes conflict. A level is the sum of a place's day totals (what {@link Compaction}
 * folded) and its delta rows up to a day: both range reads of that place and metric alone.
 */
public final class Tally {
    private static final byte[] MARK = {'1'};
    private final Map<String, Long> deltas = new TreeMap<>();
    private final Map<String, Place> places = new TreeMap<>();

    /** Adds a delta to the metric at a place from a day on, for its category and for all categories. */
    public Tally add(Metric metric, Place place, LocalDate day, long delta) {
        for (Place p : new Place[] {place, place.anyCategory()}) {
            deltas.merge(rowPrefix("D", metric, p) + day, delta, Long::sum);
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
     * to it), in one pass over its
     * rows up to the last of them: a level reads every row from the place's first day on, so a
     * query of many days (the pass rates' month boundaries) reads the rows once, not once per day.
     */
    public static long[] levels(ChaincodeStub stub, Metric metric, Place place, List<LocalDate> days) {
        String[] through = days.stream().map(LocalDate::toString).toArray(String[]::new);
        LocalDate last = days.stream().max(LocalDate::compareTo).orElseThrow();
        long[] totals = new long[through.length];
        for (String family : new String[] {"T", "D"}) {
            String prefix = rowPrefix(family, metric, place);
            Reads.each(stub, prefix, prefix + last.plusDays(1), row -> {
                // Both families' keys go on with the row's day (ISO, so they sort as the days do).
                String day = row.getKey().substring(prefix.length(), prefix.length() + 10);
                long value = parse(row.getValue());
                for (int i = 0; i < through.length; i++) {
                    if (day.compareTo(through[i]) <= 0) {
                        totals[i] += value;
                    }
                }
                return true;
            });
        }
        return totals;
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
