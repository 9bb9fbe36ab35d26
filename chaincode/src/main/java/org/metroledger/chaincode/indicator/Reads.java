package org.metroledger.chaincode.indicator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.Predicate;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.hyperledger.fabric.shim.ledger.KeyValue;
import org.hyperledger.fabric.shim.ledger.QueryResultsIterator;
import org.metroledger.chaincode.json.Canonical;

/** The per-record indicator rows a request reads by range: expiring certificates and overdue gaps. */
public final class Reads {
    /** A mandatory instrument overdue at a day: since which day (its gap's first). */
    public record Overdue(String instrument, String region, String province, String category, String since) {}

    private Reads() {}

    /** A current PASS verification certificate of an instrument and the day its validity ends. */
    public record Expiring(
            String certificate, String instrument, String region, String province, String category, String day) {}

    /**
     * The current PASS verification certificates at the place whose validity ends within {@code
     * days} days after the start of {@code day}, by the day it ends.
     */
    public static List<Expiring> expiringWithin(ChaincodeStub stub, Place place, LocalDate day, int days) {
        List<Expiring> expiring = new ArrayList<>();
        String prefix = Keys.prefix("E", place.region(), place.province(), place.category());
        each(stub, prefix + day.plusDays(1), prefix + day.plusDays(days + 1L), row -> {
            String rest = row.getKey().substring(prefix.length());
            Coverage.Expiry e = Canonical.readStored(row.getValue(), Coverage.Expiry.class);
            boolean current = !LocalDate.parse(e.from()).isAfter(day)
                    && (e.ended() == null || LocalDate.parse(e.ended()).isAfter(day));
            if (current) {
                expiring.add(new Expiring(
                        rest.substring(11),
                        e.instrument(),
                        place.region(),
                        place.province(),
                        place.category(),
                        rest.substring(0, 10)));
            }
            return true;
        });
        return expiring;
    }

    /** The mandatory instruments of the place overdue at the start of {@code day}, longest overdue first. */
    public static List<Overdue> overdue(ChaincodeStub stub, Place place, LocalDate day) {
        return firstOverdue(stub, List.of(place), day, Integer.MAX_VALUE);
    }

    /**
     * The first {@code limit} mandatory instruments of the places overdue at the start of {@code
     * day}, longest overdue first, then by instrument: a merge of the places' gap rows, each place's
     * already in that order (keyed by gap start, then instrument), that stops at the last one
     * answered. Closed gaps that began before it are read and skipped.
     */
    public static List<Overdue> firstOverdue(ChaincodeStub stub, List<Place> places, LocalDate day, int limit) {
        List<Overdue> first = new ArrayList<>();
        List<QueryResultsIterator<KeyValue>> opened = new ArrayList<>();
        try {
            PriorityQueue<GapRows> heads = new PriorityQueue<>(Comparator.comparing(g -> g.head, OVERDUE_ORDER));
            for (Place place : places) {
                String prefix = Keys.prefix("G", place.region(), place.province(), place.category());
                QueryResultsIterator<KeyValue> rows = stub.getStateByRange(prefix, prefix + day.plusDays(1));
                opened.add(rows);
                GapRows gaps = new GapRows(place, prefix, day, rows.iterator());
                if (gaps.advance()) {
                    heads.add(gaps);
                }
            }
            while (first.size() < limit && !heads.isEmpty()) {
                GapRows next = heads.poll();
                first.add(next.head);
                if (next.advance()) {
                    heads.add(next);
                }
            }
            return first;
        } finally {
            close(opened);
        }
    }

    /** The order of the overdue lists: longest overdue first, then by instrument id. */
    public static final Comparator<Overdue> OVERDUE_ORDER = Comparator.comparing(Overdue::since)
            .thenComparing(Overdue::instrument)
            .thenComparing(Overdue::region)
            .thenComparing(Overdue::province)
            .thenComparing(Overdue::category);

    /** One place's gap rows up to a day, and the next one still open at that day. */
    private static final class GapRows {
        private final Place place;
        private final String prefix;
        private final LocalDate day;
        private final Iterator<KeyValue> rows;
        private Overdue head;

        GapRows(Place place, String prefix, LocalDate day, Iterator<KeyValue> rows) {
            this.place = place;
            this.prefix = prefix;
            this.day = day;
            this.rows = rows;
        }

        /** Moves to the next gap open at the day; false when there is none. */
        boolean advance() {
            while (rows.hasNext()) {
                KeyValue row = rows.next();
                String value = new String(row.getValue(), java.nio.charset.StandardCharsets.UTF_8);
                if (value.equals(Coverage.OPEN) || LocalDate.parse(value).isAfter(day)) {
                    String rest = row.getKey().substring(prefix.length());
                    head = new Overdue(
                            rest.substring(11),
                            place.region(),
                            place.province(),
                            place.category(),
                            rest.substring(0, 10));
                    return true;
                }
            }
            head = null;
            return false;
        }
    }

    private static void close(List<QueryResultsIterator<KeyValue>> opened) {
        RuntimeException failed = null;
        for (QueryResultsIterator<KeyValue> rows : opened) {
            try {
                rows.close();
            } catch (Exception e) {
                if (failed == null) {
                    failed = new IllegalStateException("indicator range read failed to close", e);
                } else {
                    failed.addSuppressed(e);
                }
            }
        }
        if (failed != null) {
            throw failed;
        }
    }

    /** Calls {@code each} on the rows in [start, end) in key order until it answers false. */
    static void each(ChaincodeStub stub, String start, String end, Predicate<KeyValue> each) {
        try (QueryResultsIterator<KeyValue> rows = stub.getStateByRange(start, end)) {
            for (KeyValue row : rows) {
                if (!each.test(row)) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("indicator range read failed", e);
        }
    }
}
