package org.metroledger.chaincode.certificate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.metroledger.chaincode.indicator.Coverage;
import org.metroledger.chaincode.indicator.Days;
import org.metroledger.chaincode.indicator.Metric;
import org.metroledger.chaincode.indicator.Span;
import org.metroledger.chaincode.indicator.Tally;
import org.metroledger.chaincode.registry.SubjectType;
import org.metroledger.chaincode.state.RecordStore;

/**
 * What a verification certificate of an instrument changes in the indicators: its instrument's
 * coverage (issued, superseded, revoked) and, once when recorded, the pass-rate tallies.
 * Calibration certificates and certificates of standards count in none of them; nor do those of
 * an instrument registered before the indicators were kept (it has no coverage record).
 */
final class CertificateTallies {
    private CertificateTallies() {}

    /**
     * Tallies certificates written by one transaction, all of one subject: {@code recorded} the
     * one recorded now (or null), {@code changed} those whose status changed.
     */
    static void written(RecordStore store, Certificate recorded, Certificate... changed) {
        written(store, recorded == null ? List.of() : List.of(recorded), List.of(changed));
    }

    /**
     * Tallies the certificates one transaction wrote: {@code recorded} those recorded now,
     * {@code changed} those whose status changed. A transaction does not read its own writes, so
     * each instrument's coverage is read once and every certificate of it applied to that.
     */
    static void written(RecordStore store, List<Certificate> recorded, List<Certificate> changed) {
        Map<String, List<Certificate>> bySubject = new LinkedHashMap<>();
        for (List<Certificate> list : List.of(recorded, changed)) {
            for (Certificate c : list) {
                if (c.kind() == CertificateKind.VERIFICATION && c.subjectType() == SubjectType.INSTRUMENT) {
                    bySubject
                            .computeIfAbsent(c.subject(), s -> new ArrayList<>())
                            .add(c);
                }
            }
        }
        bySubject.forEach((subject, certificates) -> {
            Certificate any = certificates.get(0);
            Coverage before = Coverage.of(store, subject).orElse(null);
            if (before == null) {
                return;
            }
            Coverage after = before;
            Tally tally = new Tally();
            for (Certificate c : certificates) {
                after = after.with(span(c));
                if (recorded.contains(c)) {
                    LocalDate day = Days.of(Instant.parse(c.recordedAt()));
                    tally.add(Metric.TESTED, before.place(), day, 1);
                    if (c.conformity() == Conformity.PASS) {
                        tally.add(Metric.PASSED, before.place(), day, 1);
                    }
                }
            }
            Coverage.save(store, before, after, tally);
            tally.write(store.stub(), any.id());
        });
    }

    private static Span span(Certificate c) {
        return new Span(
                c.id(),
                c.issuedAt(),
                c.validUntil(),
                c.status() == CertificateStatus.ACTIVE ? null : c.statusChangedAt(),
                c.conformity() == Conformity.PASS);
    }
}
