package org.metroledger.chaincode.supervision;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.metroledger.chaincode.indicator.Days;
import org.metroledger.chaincode.indicator.Metric;
import org.metroledger.chaincode.indicator.Place;
import org.metroledger.chaincode.indicator.Places;
import org.metroledger.chaincode.indicator.Reads;
import org.metroledger.chaincode.indicator.Tally;
import org.metroledger.chaincode.supervision.IndicatorQuery.Resolved;

/** The indicators as the tallies hold them: a few range reads per place, never a scan of records. */
final class Tallied {
    static final List<String> GRADES = List.of("A", "B", "C", "D");

    private Tallied() {}

    static Indicators of(ChaincodeStub stub, Resolved q) {
        List<Place> places = Places.matching(stub, q.region(), q.province(), q.category());
        List<Place> entityPlaces = Places.matching(stub, q.region(), q.province(), q.entityCategory());
        LocalDate day = q.day();
        long mandatory = level(stub, Metric.MANDATORY, places, day);
        long covered = level(stub, Metric.COVERED, places, day);
        long[] expiring = Metric.EXPIRY_WINDOWS.stream()
                .mapToLong(window -> level(stub, Metric.expiring(window), places, day))
                .toArray();
        // Every period's start, then every period's end: each metric's rows read once for all of them.
        List<LocalDate[]> periods = q.periods();
        List<LocalDate> bounds = new ArrayList<>();
        periods.forEach(period -> bounds.add(period[0]));
        periods.forEach(period -> bounds.add(period[1]));
        long[] tested = levels(stub, Metric.TESTED, places, bounds);
        long[] passed = levels(stub, Metric.PASSED, places, bounds);
        int n = periods.size();
        List<Indicators.PassRate> passRates = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            passRates.add(Indicators.PassRate.of(
                    periods.get(i)[0].toString(),
                    periods.get(i)[1].toString(),
                    tested[n + i] - tested[i],
                    passed[n + i] - passed[i]));
        }
        Map<String, Long> grades = new TreeMap<>();
        Map<String, Long> before = new TreeMap<>();
        for (String grade : GRADES) {
            long[] atAndSince = levels(stub, Metric.grade(grade), entityPlaces, List.of(day, q.since()));
            grades.put(grade, atAndSince[0]);
            before.put(grade, atAndSince[1]);
        }
        return assemble(
                q,
                "tallies",
                Indicators.Coverage.of(mandatory, covered),
                new Indicators.Expiring(expiring[0], expiring[1], expiring[2]),
                passRates,
                grades,
                before,
                places.stream().map(Tallied::describe).toList());
    }

    /**
     * How many mandatory instruments of the query's places are overdue and the first {@code limit}
     * of them, longest overdue first (then by id). The number is mandatory − covered from the
     * tallies: every registered mandatory instrument is, on each day, covered or in one open gap.
     */
    static Overdue overdue(ChaincodeStub stub, Resolved q, int limit) {
        List<Place> places = Places.matching(stub, q.region(), q.province(), q.category());
        long total = level(stub, Metric.MANDATORY, places, q.day()) - level(stub, Metric.COVERED, places, q.day());
        return new Overdue(total, Reads.firstOverdue(stub, places, q.day(), limit));
    }

    /** How many instruments are overdue, and the first of them. */
    record Overdue(long total, List<Reads.Overdue> first) {}

    static Indicators assemble(
            Resolved q,
            String source,
            Indicators.Coverage coverage,
            Indicators.Expiring expiring,
            List<Indicators.PassRate> passRates,
            Map<String, Long> grades,
            Map<String, Long> before,
            List<String> inputs) {
        Map<String, Long> change = new TreeMap<>();
        grades.forEach((grade, n) -> change.put(grade, n - before.getOrDefault(grade, 0L)));
        return new Indicators(
                Days.start(q.day()).toString(),
                q.day().toString(),
                q.region(),
                q.province(),
                q.category(),
                q.entityCategory(),
                coverage,
                expiring,
                passRates,
                new Indicators.Credit(q.since().toString(), grades, before, change),
                source,
                inputs);
    }

    private static long level(ChaincodeStub stub, Metric metric, List<Place> places, LocalDate day) {
        return levels(stub, metric, places, List.of(day))[0];
    }

    /** The metric's levels summed over the places, at the start of each day. */
    private static long[] levels(ChaincodeStub stub, Metric metric, List<Place> places, List<LocalDate> days) {
        long[] total = new long[days.size()];
        for (Place place : places) {
            long[] at = Tally.levels(stub, metric, place, days);
            for (int i = 0; i < total.length; i++) {
                total[i] += at[i];
            }
        }
        return total;
    }

    private static String describe(Place place) {
        return place.region() + "/" + place.province() + "/" + (place.category().isEmpty() ? "*" : place.category());
    }
}
