package org.metroledger.chaincode.indicator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hyperledger.fabric.shim.ChaincodeStub;

/**
 * Folds delta rows into day, month and year totals (one row per metric, place and period), so that
 * a level reads a bounded number of rows (the years before its day's year, the months of its year
 * before its month, the days of its month up to it) instead of one per change. Each folded delta
 * is added to the three totals of its day in the same transaction that deletes it, so a reader
 * counts it once, in the delta rows or in the totals. Totals add up, so a delta written late for
 * a day already folded is folded into that day's (and month's, and year's) totals the next time.
 * Only the delta rows of days up to {@code through} are read by range; the totals are read by key
 * and written by compactions alone: with {@code through} in the past, only a back-dated write in
 * the same block can make the compaction conflict, never the other way round, provided the places
 * are given: every record write rewrites its place's marker, so a compaction that read the markers
 * by range would conflict with any record written in its block (a marker written only when absent
 * made concurrent first writes of a place conflict instead). A scheduled compaction therefore asks
 * for the places first (an evaluation) and names them.
 *
 * <p>Ledgers written before the month and year totals (and the expiring metrics) existed are not
 * migrated: their day totals are no longer read as such. Demo and test ledgers are rebuilt.
 */
public final class Compaction {
    /** What one compaction did: rows folded, and whether rows up to the day are left. */
    public record Result(String through, long folded, boolean complete) {}

    private Compaction() {}

    /** Folds the rows of every place with tallies (read from their markers: see the class comment). */
    public static Result compact(ChaincodeStub stub, LocalDate through, long limit) {
        return compact(stub, Places.all(stub), through, limit);
    }

    /** Folds the rows of the places named, reading no marker. */
    public static Result compact(ChaincodeStub stub, List<Place> places, LocalDate through, long limit) {
        long folded = 0;
        for (Place place : places) {
            for (Metric metric : Metric.values()) {
                String prefix = Tally.rowPrefix(Tally.DELTA, metric, place);
                Map<String, Long> byDay = new TreeMap<>();
                List<String> rows = new ArrayList<>();
                long taken = folded;
                Reads.each(stub, prefix, prefix + through.plusDays(1), row -> {
                    if (taken + rows.size() >= limit) {
                        return false;
                    }
                    String day = row.getKey().substring(prefix.length(), prefix.length() + 10);
                    byDay.merge(day, Tally.parse(row.getValue()), Long::sum);
                    rows.add(row.getKey());
                    return true;
                });
                Map<String, Long> totals = new TreeMap<>();
                byDay.forEach((day, sum) -> {
                    LocalDate d = LocalDate.parse(day);
                    totals.merge(Tally.rowPrefix(Tally.DAY, metric, place) + day, sum, Long::sum);
                    totals.merge(Tally.rowPrefix(Tally.MONTH, metric, place) + Tally.month(d), sum, Long::sum);
                    totals.merge(Tally.rowPrefix(Tally.YEAR, metric, place) + Tally.year(d), sum, Long::sum);
                });
                totals.forEach((key, sum) -> {
                    if (sum == 0) {
                        return;
                    }
                    byte[] old = stub.getState(key);
                    long total = (old == null || old.length == 0 ? 0 : Tally.parse(old)) + sum;
                    if (total == 0) {
                        stub.delState(key);
                    } else {
                        stub.putState(key, Tally.number(total));
                    }
                });
                rows.forEach(stub::delState);
                folded += rows.size();
                if (folded >= limit) {
                    return new Result(through.toString(), folded, false);
                }
            }
        }
        return new Result(through.toString(), folded, true);
    }
}
