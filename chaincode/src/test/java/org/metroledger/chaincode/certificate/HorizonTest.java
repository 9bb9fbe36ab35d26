package org.metroledger.chaincode.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.metroledger.chaincode.certificate.TraceabilityChain.AT;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A report's {@code stableUntil} is exact: every later instant before it gets the same verdict and
 * checks, and at it the answer changes.
 */
class HorizonTest {
    private final TraceabilityChain chain = new TraceabilityChain();

    @Test
    void a_sound_certificate_is_stable_until_it_expires() {
        VerificationReport report = chain.verify("C-I");
        assertThat(report.stableUntil()).isEqualTo(chain.instrument.validUntil());
        assertSameAnswerUntilAndChangedAt(report, "C-I");
    }

    @Test
    void a_link_revoked_later_bounds_the_answer_at_the_revocation() {
        String revokedAt = "2025-09-01T00:00:00Z";
        chain.end(chain.reference, CertificateStatus.REVOKED, null, revokedAt);

        VerificationReport before = chain.verify("C-I");

        assertThat(before.verdict()).isEqualTo(Verdict.VALID);
        assertThat(before.stableUntil()).isEqualTo(revokedAt);
        assertSameAnswerUntilAndChangedAt(before, "C-I");
        assertThat(verify("C-I", Instant.parse(revokedAt)).verdict()).isEqualTo(Verdict.TRACEABILITY_BROKEN);
    }

    @Test
    void a_later_supersession_of_the_certificate_itself_bounds_the_answer() {
        String supersededAt = "2025-07-01T00:00:00Z";
        chain.end(chain.instrument, CertificateStatus.SUPERSEDED, "C-I2", supersededAt);

        VerificationReport before = chain.verify("C-I");

        assertThat(before.stableUntil()).isEqualTo(supersededAt);
        assertSameAnswerUntilAndChangedAt(before, "C-I");
    }

    @Test
    void an_expired_certificate_and_an_unknown_one_stay_as_they_are() {
        VerificationReport expired = verify("C-I", Instant.parse(chain.instrument.validUntil()));
        assertThat(expired.verdict()).isEqualTo(Verdict.EXPIRED);
        assertThat(expired.stableUntil()).isNull();
        assertThat(chain.verify("C-NONE").stableUntil()).isNull();
    }

    @Test
    void no_check_detail_names_the_instant_verified_at() {
        VerificationReport report = chain.verify("C-I");
        assertThat(report.checks()).noneMatch(c -> c.detail().contains(AT.toString()));
    }

    private void assertSameAnswerUntilAndChangedAt(VerificationReport report, String id) {
        Instant until = Instant.parse(report.stableUntil());
        VerificationReport justBefore = verify(id, until.minusNanos(1));
        assertThat(justBefore.verdict()).isEqualTo(report.verdict());
        assertThat(justBefore.checks()).isEqualTo(report.checks());
        VerificationReport atTheHorizon = verify(id, until);
        assertThat(atTheHorizon.checks()).isNotEqualTo(report.checks());
    }

    private VerificationReport verify(String id, Instant at) {
        return CertificateVerification.verify(chain.lookup, id, null, at);
    }
}
