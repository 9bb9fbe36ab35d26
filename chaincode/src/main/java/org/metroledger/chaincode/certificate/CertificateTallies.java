package org.metroledger.chaincode.certificate;

import java.time.Instant;
import org.metroledger.chaincode.indicator.Coverage;
import org.metroledger.chaincode.indicator.Days;
import org.metroledger.chaincode.indicator.Metric;
import org.metroledger.chaincode.indicator.Span;
import org.metroledger.chaincode.indicator.Tally;
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
        Certificate any = recorded != null ? recorded : changed[0];
        if (any.kind() != CertificateKind.VERIFICATION || any.subjectType() != SubjectType.INSTRUMENT) {
            return;
        }
        Coverage before = Coverage.of(store, any.subject()).orElse(null);
        if (before == null) {
            return;
        }
        Coverage after = before;
        Tally tally = new Tally();
        if (recorded != null) {
            after = after.with(span(recorded));
            var day = Days.of(Instant.parse(recorded.recordedAt()));
            tally.add(Metric.TESTED, before.place(), day, 1);
            if (recorded.conformity() == Conformity.PASS) {
                tally.add(Metric.PASSED, before.place(), day, 1);
            }
        }
        for (Certificate c : changed) {
            after = after.with(span(c));
        }
        Coverage.save(store, before, after, tally);
        tally.write(store.stub(), any.id());
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
