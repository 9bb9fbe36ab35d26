package org.metroledger.chaincode.certificate;

import java.time.Instant;
import java.util.Optional;
import org.metroledger.chaincode.json.Canonical;

/**
 * The earliest instant after a verification's {@code at} at which, on the same ledger state, its
 * answer could change: a validity date, or a revocation or supersession recorded for later. Before
 * it, any later {@code at} gives the same verdict and checks, which lets a reader reuse an answer.
 */
final class Horizon {
    private final Instant at;
    private Instant until;

    Horizon(Instant at) {
        this.at = at;
    }

    /** Notes an instant at which some check of the verification flips. */
    void changesAt(Instant instant) {
        if (instant.isAfter(at) && (until == null || instant.isBefore(until))) {
            until = instant;
        }
    }

    /** Notes a certificate's recorded status change, if it has one. */
    void changesWith(Certificate certificate) {
        if (certificate.status() != CertificateStatus.ACTIVE && certificate.statusChangedAt() != null) {
            changesAt(Canonical.instant(certificate.statusChangedAt()));
        }
    }

    Optional<Instant> until() {
        return Optional.ofNullable(until);
    }
}
