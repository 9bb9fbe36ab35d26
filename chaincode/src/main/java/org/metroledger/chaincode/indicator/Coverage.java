package org.metroledger.chaincode.indicator;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.metroledger.chaincode.json.Canonical;
import org.metroledger.chaincode.state.RecordStore;

/**
 * An instrument's share of the indicators: whether it is registered mandatory, which days its PASS
 * verification certificates cover (the union of their spans), the gaps between them (overdue
 * days: one row per gap, keyed by the day it began, for the named lists) and its certificates by
 * expiry day. Kept in one record per instrument, rewritten with each of its certificates, so
 * concurrent certificates of the same instrument conflict (as any two writes of one record do)
 * and those of different instruments never do.
 */
public record Coverage(
        String instrument,
        String region,
        String province,
        String category,
        boolean mandatory,
        String registeredAt,
        List<Span> spans) {
    public static final String TYPE = "IndicatorCoverage";
    /** The value of a gap row still open (Fabric takes an empty value for a deletion). */
    public static final String OPEN = "open";

    public static Optional<Coverage> of(RecordStore store, String instrument) {
        return store.find(TYPE, instrument, Coverage.class);
    }

    public Place place() {
        return new Place(region, province, category);
    }

    /** This coverage with the certificate's span added or replaced. */
    public Coverage with(Span span) {
        List<Span> next = new ArrayList<>();
        spans.stream().filter(s -> !s.certificate().equals(span.certificate())).forEach(next::add);
        next.add(span);
        next.sort(Comparator.comparing(Span::certificate));
        return new Coverage(instrument, region, province, category, mandatory, registeredAt, List.copyOf(next));
    }

    /**
     * Stores the coverage and adds to the tally what changed since {@code before} (null for a new
     * instrument): MANDATORY, COVERED and EXPIRING deltas; gap and expiry rows are rewritten where
     * they differ.
     */
    public static void save(RecordStore store, Coverage before, Coverage after, Tally tally) {
        Place place = after.place();
        if (before == null && after.mandatory) {
            tally.add(Metric.MANDATORY, place, after.registeredDay(), 1);
        }
        tally.change(
                Metric.COVERED, place, before == null ? Map.of() : edges(before.covered()), edges(after.covered()));
        for (int window : Metric.EXPIRY_WINDOWS) {
            tally.change(
                    Metric.expiring(window),
                    place,
                    before == null ? Map.of() : edges(before.expiring(window)),
                    edges(after.expiring(window)));
        }
        ChaincodeStub stub = store.stub();
        rewrite(stub, before == null ? Map.of() : before.rows(), after.rows());
        store.put(TYPE, after.instrument, after);
    }

    /** The days covered, as disjoint [from, until) day intervals in order; none unless mandatory. */
    public List<LocalDate[]> covered() {
        List<LocalDate[]> intervals = new ArrayList<>();
        if (!mandatory) {
            return intervals;
        }
        LocalDate registered = registeredDay();
        spans.stream()
                .filter(Span::pass)
                .map(s -> new LocalDate[] {max(Days.of(Instant.parse(s.from())), registered), Days.of(s.until())})
                .filter(i -> i[0].isBefore(i[1]))
                .sorted(Comparator.comparing(i -> i[0]))
                .forEach(i -> {
                    LocalDate[] last = intervals.isEmpty() ? null : intervals.get(intervals.size() - 1);
                    if (last != null && !i[0].isAfter(last[1])) {
                        last[1] = max(last[1], i[1]);
                    } else {
                        intervals.add(i);
                    }
                });
        return intervals;
    }

    /**
     * The days each PASS certificate counts as expiring within {@code window} days, one [from,
     * until) interval per certificate (they may overlap: each certificate counts): from the later
     * of its issue and {@code window} days before its expiry, until its expiry or its end. At day D
     * it is then current (issued by D, not ended by D) and its validity ends in (D, D + window].
     * Any instrument's, mandatory or not, as the expiry rows.
     */
    List<LocalDate[]> expiring(int window) {
        return spans.stream()
                .filter(Span::pass)
                .map(s -> new LocalDate[] {
                    max(
                            Days.of(Instant.parse(s.from())),
                            Days.of(Instant.parse(s.validUntil())).minusDays(window)),
                    Days.of(s.until())
                })
                .filter(i -> i[0].isBefore(i[1]))
                .toList();
    }

    /** The overdue gaps: [from, until) day intervals, the last one open (until null). */
    public List<LocalDate[]> gaps() {
        List<LocalDate[]> gaps = new ArrayList<>();
        if (!mandatory) {
            return gaps;
        }
        LocalDate cursor = registeredDay();
        for (LocalDate[] covered : covered()) {
            if (cursor.isBefore(covered[0])) {
                gaps.add(new LocalDate[] {cursor, covered[0]});
            }
            cursor = max(cursor, covered[1]);
        }
        gaps.add(new LocalDate[] {cursor, null});
        return gaps;
    }

    LocalDate registeredDay() {
        return Days.of(Instant.parse(registeredAt));
    }

    /** The gap and expiry rows this coverage stands for: key → value. */
    private Map<String, String> rows() {
        Map<String, String> rows = new TreeMap<>();
        for (Place p : new Place[] {place(), place().anyCategory()}) {
            for (LocalDate[] gap : gaps()) {
                rows.put(
                        Keys.of("G", p.region(), p.province(), p.category(), gap[0].toString(), instrument),
                        gap[1] == null ? OPEN : gap[1].toString());
            }
            for (Span s : spans) {
                if (s.pass()) {
                    rows.put(
                            Keys.of(
                                    "E",
                                    p.region(),
                                    p.province(),
                                    p.category(),
                                    Days.of(Instant.parse(s.validUntil())).toString(),
                                    s.certificate()),
                            Canonical.json(new Expiry(
                                    instrument,
                                    Days.of(Instant.parse(s.from())).toString(),
                                    s.endedAt() == null
                                            ? null
                                            : Days.of(Instant.parse(s.endedAt()))
                                                    .toString())));
                }
            }
        }
        return rows;
    }

    /** The value of an expiry row: the instrument, and the days the certificate began and ended counting. */
    public record Expiry(String instrument, String from, String ended) {}

    private static void rewrite(ChaincodeStub stub, Map<String, String> before, Map<String, String> after) {
        before.keySet().stream().filter(k -> !after.containsKey(k)).forEach(stub::delState);
        after.forEach((key, value) -> {
            if (!value.equals(before.get(key))) {
                stub.putState(key, value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
        });
    }

    /** +1 where an interval begins, -1 where it ends. */
    static Map<LocalDate, Long> edges(List<LocalDate[]> intervals) {
        Map<LocalDate, Long> edges = new TreeMap<>();
        for (LocalDate[] i : intervals) {
            edges.merge(i[0], 1L, Long::sum);
            if (i[1] != null) {
                edges.merge(i[1], -1L, Long::sum);
            }
        }
        return edges;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
