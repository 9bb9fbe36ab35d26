package org.metroledger.chaincode.indicator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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
     * Current PASS verification certificates at the place whose validity ends within 30, 60 and
     * 90 days after the start of {@code day} (exclusive of that instant, inclusive of the last).
     */
    public static long[] expiring(ChaincodeStub stub, Place place, LocalDate day) {
        long[] within = new long[3];
        for (Expiring e : expiringWithin(stub, place, day, 90)) {
            long ahead = LocalDate.parse(e.day()).toEpochDay() - day.toEpochDay();
            for (int i = 0; i < 3; i++) {
                if (ahead <= 30L * (i + 1)) {
                    within[i]++;
                }
            }
        }
        return within;
    }

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
        List<Overdue> overdue = new ArrayList<>();
        String prefix = Keys.prefix("G", place.region(), place.province(), place.category());
        each(stub, prefix, prefix + day.plusDays(1), row -> {
            String value = new String(row.getValue(), java.nio.charset.StandardCharsets.UTF_8);
            if (value.equals(Coverage.OPEN) || LocalDate.parse(value).isAfter(day)) {
                String rest = row.getKey().substring(prefix.length());
                String since = rest.substring(0, 10);
                String instrument = rest.substring(11);
                overdue.add(new Overdue(instrument, place.region(), place.province(), place.category(), since));
            }
            return true;
        });
        return overdue;
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
