package org.metroledger.chaincode.supervision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.hyperledger.fabric.shim.ledger.CompositeKey;
import org.hyperledger.fabric.shim.ledger.KeyValue;
import org.hyperledger.fabric.shim.ledger.QueryResultsIterator;
import org.metroledger.chaincode.certificate.Certificate;
import org.metroledger.chaincode.certificate.CertificateKind;
import org.metroledger.chaincode.certificate.Conformity;
import org.metroledger.chaincode.credit.CreditRatings;
import org.metroledger.chaincode.indicator.Days;
import org.metroledger.chaincode.indicator.Place;
import org.metroledger.chaincode.indicator.Reads;
import org.metroledger.chaincode.json.Canonical;
import org.metroledger.chaincode.registry.Entity;
import org.metroledger.chaincode.registry.Instrument;
import org.metroledger.chaincode.registry.SubjectType;
import org.metroledger.chaincode.state.RecordStore;
import org.metroledger.chaincode.supervision.IndicatorQuery.Resolved;

/**
 * The indicators counted again from every record (instruments, their owners, certificates,
 * entities and their ratings), by the definitions alone and without any tally: what the
 * maintained figures must agree with. Reads the whole world state of those types: for audits and
 * the recount command, never for a page.
 */
final class Recount {
    private Recount() {}

    static Indicators of(RecordStore store, Resolved q) {
        Instant at = Days.start(q.day());
        Map<String, Entity> entities = new HashMap<>();
        each(store, Entity.TYPE, Entity.class, e -> entities.put(e.id(), e));
        Map<String, Instrument> instruments = instruments(store, q, entities);
        long mandatory = instruments.values().stream()
                .filter(i -> i.mandatory() && !Instant.parse(i.recordedAt()).isAfter(at))
                .count();
        java.util.Set<String> covered = new java.util.HashSet<>();
        long[] expiring = new long[3];
        List<LocalDate[]> periods = q.periods();
        long[][] tested = new long[periods.size()][2];
        each(store, Certificate.TYPE, Certificate.class, c -> {
            Instrument instrument =
                    c.kind() == CertificateKind.VERIFICATION && c.subjectType() == SubjectType.INSTRUMENT
                            ? instruments.get(c.subject())
                            : null;
            if (instrument == null) {
                return;
            }
            Instant firstRecorded = Instant.parse(
                    c.signedWith() == null ? c.recordedAt() : c.signedWith().recordedAt());
            for (int p = 0; p < periods.size(); p++) {
                if (firstRecorded.isAfter(Days.start(periods.get(p)[0]))
                        && !firstRecorded.isAfter(Days.start(periods.get(p)[1]))) {
                    tested[p][0]++;
                    tested[p][1] += c.conformity() == Conformity.PASS ? 1 : 0;
                }
            }
            if (!current(c, at)) {
                return;
            }
            if (instrument.mandatory()
                    && !Instant.parse(instrument.recordedAt()).isAfter(at)) {
                covered.add(instrument.id());
            }
            Instant validUntil = Instant.parse(c.validUntil());
            for (int i = 0; i < 3; i++) {
                if (!validUntil.isAfter(at.plus(java.time.Duration.ofDays(30L * (i + 1))))) {
                    expiring[i]++;
                }
            }
        });
        List<Indicators.PassRate> passRates = new ArrayList<>();
        for (int p = 0; p < periods.size(); p++) {
            passRates.add(Indicators.PassRate.of(
                    periods.get(p)[0].toString(), periods.get(p)[1].toString(), tested[p][0], tested[p][1]));
        }
        Map<String, Long> grades = zeroGrades();
        Map<String, Long> before = zeroGrades();
        Instant since = Days.start(q.since());
        for (Entity e : entities.values()) {
            if (!matches(
                    q.region(),
                    q.province(),
                    q.entityCategory(),
                    e,
                    e.category().name())) {
                continue;
            }
            Instant registered = Instant.parse(e.recordedAt());
            if (!registered.isAfter(at)) {
                grades.merge(CreditRatings.rate(store, e.id(), at).grade().name(), 1L, Long::sum);
            }
            if (!registered.isAfter(since)) {
                before.merge(CreditRatings.rate(store, e.id(), since).grade().name(), 1L, Long::sum);
            }
        }
        return Tallied.assemble(
                q,
                "recount",
                Indicators.Coverage.of(mandatory, covered.size()),
                new Indicators.Expiring(expiring[0], expiring[1], expiring[2]),
                passRates,
                grades,
                before,
                List.of(entities.size() + " entities", instruments.size() + " instruments in scope"));
    }

    /**
     * The overdue instruments of the query's places, longest overdue first (then by id): the
     * mandatory instruments registered by the day and not covered at it, each since the later of
     * its registration and the last day a PASS certificate of it covered.
     */
    static Tallied.Overdue overdue(RecordStore store, Resolved q) {
        Instant at = Days.start(q.day());
        Map<String, Entity> entities = new HashMap<>();
        each(store, Entity.TYPE, Entity.class, e -> entities.put(e.id(), e));
        Map<String, Instrument> scope = instruments(store, q, entities);
        Map<String, LocalDate> since = new HashMap<>();
        scope.values().stream()
                .filter(i -> i.mandatory() && !Instant.parse(i.recordedAt()).isAfter(at))
                .forEach(i -> since.put(i.id(), Days.of(Instant.parse(i.recordedAt()))));
        java.util.Set<String> covered = new java.util.HashSet<>();
        each(store, Certificate.TYPE, Certificate.class, c -> {
            if (c.kind() != CertificateKind.VERIFICATION
                    || c.subjectType() != SubjectType.INSTRUMENT
                    || !since.containsKey(c.subject())
                    || c.conformity() != Conformity.PASS) {
                return;
            }
            if (current(c, at)) {
                covered.add(c.subject());
            }
            Instant until = Instant.parse(c.validUntil());
            if (c.statusChangedAt() != null
                    && Instant.parse(c.statusChangedAt()).isBefore(until)) {
                until = Instant.parse(c.statusChangedAt());
            }
            LocalDate ended = Days.of(until);
            if (Days.of(Instant.parse(c.issuedAt())).isBefore(ended) && !ended.isAfter(q.day())) {
                since.merge(c.subject(), ended, (a, b) -> a.isAfter(b) ? a : b);
            }
        });
        List<Reads.Overdue> overdue = since.entrySet().stream()
                .filter(e -> !covered.contains(e.getKey()))
                .map(e -> {
                    Instrument i = scope.get(e.getKey());
                    Entity owner = entities.get(i.owner());
                    return new Reads.Overdue(
                            i.id(),
                            owner.region(),
                            owner.province(),
                            q.category() == null ? Place.ALL : i.category(),
                            e.getValue().toString());
                })
                .sorted(Reads.OVERDUE_ORDER)
                .toList();
        return new Tallied.Overdue(overdue.size(), overdue);
    }

    /** A PASS certificate current at the instant: issued by then, not expired, not ended. */
    private static boolean current(Certificate c, Instant at) {
        return c.conformity() == Conformity.PASS
                && !Instant.parse(c.issuedAt()).isAfter(at)
                && at.isBefore(Instant.parse(c.validUntil()))
                && (c.statusChangedAt() == null
                        || Instant.parse(c.statusChangedAt()).isAfter(at));
    }

    /** The instruments of the query's places whose owner is known, by id. */
    private static Map<String, Instrument> instruments(RecordStore store, Resolved q, Map<String, Entity> entities) {
        Map<String, Instrument> instruments = new HashMap<>();
        each(store, Instrument.TYPE, Instrument.class, i -> {
            Entity owner = entities.get(i.owner());
            if (owner != null && matches(q.region(), q.province(), q.category(), owner, i.category())) {
                instruments.put(i.id(), i);
            }
        });
        return instruments;
    }

    private static boolean matches(String region, String province, String category, Entity owner, String of) {
        return (region == null || region.equals(owner.region()))
                && (province == null || province.equals(owner.province()))
                && (category == null || category.equals(of));
    }

    private static Map<String, Long> zeroGrades() {
        Map<String, Long> grades = new TreeMap<>();
        Tallied.GRADES.forEach(g -> grades.put(g, 0L));
        return grades;
    }

    /** Every record of a type, one at a time (a million certificates need not fit in memory at once). */
    private static <T> void each(RecordStore store, String type, Class<T> recordClass, Consumer<T> each) {
        try (QueryResultsIterator<KeyValue> rows = store.stub().getStateByPartialCompositeKey(new CompositeKey(type))) {
            for (KeyValue row : rows) {
                each.accept(Canonical.readStored(row.getValue(), recordClass));
            }
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("record scan failed", e);
        }
    }
}
