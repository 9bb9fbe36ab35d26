package org.metroledger.chaincode.indicator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hyperledger.fabric.shim.ChaincodeStub;

/**
 * Folds delta rows into day totals (one row per metric, place and day), so that a level reads one
 * row per day with changes instead of one per change. Totals add up, so a delta written late for a
 * day already folded is folded into that day's total the next time. Only the rows of days up to
 * {@code through} are read: with {@code through} in the past, only a back-dated write in the same
 * block can make the compaction conflict, never the other way round.
 */
public final class Compaction {
    /** What one compaction did: rows folded, and whether rows up to the day are left. */
    public record Result(String through, long folded, boolean complete) {}

    private Compaction() {}

    public static Result compact(ChaincodeStub stub, LocalDate through, long limit) {
        long folded = 0;
        for (Place place : Places.all(stub, Keys.prefix("P"))) {
            for (Metric metric : Metric.values()) {
                String prefix = Tally.rowPrefix("D", metric, place);
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
                String totals = Tally.rowPrefix("T", metric, place);
                byDay.forEach((day, sum) -> {
                    byte[] old = stub.getState(totals + day);
                    long total = (old == null || old.length == 0 ? 0 : Tally.parse(old)) + sum;
                    stub.putState(totals + day, Tally.number(total));
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
