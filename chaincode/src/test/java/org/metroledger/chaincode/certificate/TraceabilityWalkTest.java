package org.metroledger.chaincode.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.metroledger.chaincode.certificate.TraceabilityChain.AT;
import static org.metroledger.chaincode.certificate.TraceabilityChain.calibration;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.metroledger.chaincode.registry.StandardLevel;

class TraceabilityWalkTest {
    private final TraceabilityChain chain = new TraceabilityChain();

    private Optional<String> broken(Certificate c) {
        return new TraceabilityWalk(chain.lookup, AT).brokenLink(c);
    }

    @Nested
    class A_sound_chain {
        @Test
        void ends_at_the_primary_standard() {
            assertThat(broken(chain.instrument)).isEmpty();
        }

        @Test
        void stays_sound_when_a_link_is_revoked_only_after_the_instant_verified() {
            chain.end(
                    chain.reference,
                    CertificateStatus.REVOKED,
                    null,
                    AT.plusSeconds(1).toString());
            assertThat(broken(chain.instrument)).isEmpty();
        }

        @Test
        void does_not_care_that_a_link_was_superseded() {
            chain.end(chain.reference, CertificateStatus.SUPERSEDED, "C-R2", "2025-04-01T00:00:00Z");
            assertThat(broken(chain.instrument)).isEmpty();
        }

        @Test
        void shared_upstream_is_walked_once() {
            chain.standard("STD-W2", StandardLevel.WORKING);
            chain.add(calibration("C-W2", "STD-W2", "2025-02-10T00:00:00Z", "2025-03-01T00:00:00Z")
                    .cites("STD-R", "C-R"));
            Certificate both = chain.add(CertificateDraft.verification("C-2", TraceabilityChain.LAB, "pump-3")
                    .cites("STD-W", "C-W")
                    .cites("STD-W2", "C-W2"));
            chain.lookup.certificateReads.clear();
            TraceabilityWalk walk = new TraceabilityWalk(chain.lookup, AT);
            assertThat(walk.brokenLink(both)).isEmpty();
            // C-2→C-W, C-W→C-R, C-R→C-P, C-2→C-W2, C-W2→C-R; C-R's own chain is not walked again.
            assertThat(walk.linksChecked()).isEqualTo(5);
            assertThat(chain.lookup.certificateReads.get("C-P")).isEqualTo(1);
        }
    }

    @Nested
    class A_broken_link_is_named {
        @Test
        void revoked_two_links_up() {
            chain.end(chain.reference, CertificateStatus.REVOKED, null, "2025-05-01T00:00:00Z");
            assertThat(broken(chain.instrument))
                    .hasValueSatisfying(d -> assertThat(d)
                            .startsWith("link 2: certificate C-R of standard STD-R is revoked")
                            .endsWith("[path C-I → C-W → C-R]"));
        }

        @Test
        void a_standard_that_does_not_exist() {
            Certificate c = chain.add(CertificateDraft.verification("C-2", TraceabilityChain.LAB, "pump-3")
                    .cites("STD-X", "C-W"));
            assertThat(broken(c))
                    .hasValueSatisfying(d -> assertThat(d).startsWith("link 1: standard STD-X does not exist"));
        }

        @Test
        void a_certificate_that_does_not_exist() {
            Certificate c = chain.add(CertificateDraft.verification("C-2", TraceabilityChain.LAB, "pump-3")
                    .cites("STD-W", "C-X"));
            assertThat(broken(c))
                    .hasValueSatisfying(d -> assertThat(d).startsWith("link 1: certificate C-X does not exist"));
        }

        @Test
        void a_certificate_of_another_standard() {
            Certificate c = chain.add(CertificateDraft.verification("C-2", TraceabilityChain.LAB, "pump-3")
                    .cites("STD-W", "C-R"));
            assertThat(broken(c))
                    .hasValueSatisfying(d ->
                            assertThat(d).startsWith("link 1: certificate C-R is not a certificate of standard STD-W"));
        }

        @Test
        void a_link_that_expired_before_the_measurement_ended() {
            chain.standard("STD-W2", StandardLevel.WORKING);
            chain.add(CertificateDraft.calibration("C-W2", TraceabilityChain.LAB, "STD-W2")
                    .dated("2025-02-10T00:00:00Z", "2025-03-01T00:00:00Z", "2025-05-30T10:00:00Z")
                    .cites("STD-R", "C-R"));
            Certificate c = chain.add(CertificateDraft.verification("C-2", TraceabilityChain.LAB, "pump-3")
                    .cites("STD-W2", "C-W2"));
            assertThat(broken(c))
                    .hasValueSatisfying(d -> assertThat(d)
                            .startsWith("link 1: certificate C-W2 of standard STD-W2 was not valid over the performance"
                                    + " of C-2"));
        }

        @Test
        void a_link_issued_after_the_measurement_began() {
            chain.standard("STD-W2", StandardLevel.WORKING);
            chain.add(calibration("C-W2", "STD-W2", "2025-05-30T09:30:00Z", "2025-05-30T09:30:00Z")
                    .cites("STD-R", "C-R"));
            Certificate c = chain.add(CertificateDraft.verification("C-2", TraceabilityChain.LAB, "pump-3")
                    .cites("STD-W2", "C-W2"));
            assertThat(broken(c)).hasValueSatisfying(d -> assertThat(d).contains("was not valid over the performance"));
        }

        @Test
        void a_chain_that_ends_below_primary() {
            chain.standard("STD-R2", StandardLevel.REFERENCE);
            chain.add(calibration("C-R2", "STD-R2", "2025-01-10T00:00:00Z", "2025-02-01T00:00:00Z"));
            chain.standard("STD-W2", StandardLevel.WORKING);
            chain.add(calibration("C-W2", "STD-W2", "2025-02-10T00:00:00Z", "2025-03-01T00:00:00Z")
                    .cites("STD-R2", "C-R2"));
            Certificate c = chain.add(CertificateDraft.verification("C-2", TraceabilityChain.LAB, "pump-3")
                    .cites("STD-W2", "C-W2"));
            assertThat(broken(c))
                    .hasValueSatisfying(d -> assertThat(d)
                            .startsWith("link 2: certificate C-R2 of standard STD-R2 (REFERENCE) cites no further"
                                    + " standard, so the chain does not end at a PRIMARY standard"));
        }

        @Test
        void a_cycle() {
            // Two reference standards vouching for each other, and nothing above them.
            chain.standard("STD-A", StandardLevel.REFERENCE);
            chain.standard("STD-B", StandardLevel.REFERENCE);
            chain.add(calibration("C-A", "STD-A", "2025-02-01T00:00:00Z", "2025-02-01T00:00:00Z")
                    .cites("STD-B", "C-B"));
            chain.add(calibration("C-B", "STD-B", "2025-02-01T00:00:00Z", "2025-02-01T00:00:00Z")
                    .cites("STD-A", "C-A"));
            Certificate c = chain.add(CertificateDraft.verification("C-2", TraceabilityChain.LAB, "pump-3")
                    .cites("STD-A", "C-A"));
            assertThat(broken(c))
                    .hasValueSatisfying(d -> assertThat(d)
                            .startsWith("link 3: certificate C-A of standard STD-A closes a cycle")
                            .endsWith("[path C-2 → C-A → C-B → C-A]"));
        }

        @Test
        void the_first_broken_link_in_list_order() {
            chain.end(chain.working, CertificateStatus.REVOKED, null, "2025-05-01T00:00:00Z");
            Certificate c = chain.add(CertificateDraft.verification("C-2", TraceabilityChain.LAB, "pump-3")
                    .cites("STD-R", "C-R")
                    .cites("STD-X", "C-X")
                    .cites("STD-W", "C-W"));
            assertThat(broken(c)).hasValueSatisfying(d -> assertThat(d).startsWith("link 1: standard STD-X"));
        }
    }

    @Nested
    class Depth {
        /** A chain of REFERENCE standards n links long above the instrument certificate, ending at PRIMARY. */
        private Certificate instrumentAbove(int links) {
            String previous = "C-P";
            String previousStandard = "STD-P";
            for (int i = links - 1; i >= 1; i--) {
                String standard = "STD-" + i;
                chain.standard(standard, StandardLevel.REFERENCE);
                // Performed and issued at one instant, so each covers the next one's measurement.
                chain.add(calibration("C-" + i, standard, "2025-02-01T00:00:00Z", "2025-02-01T00:00:00Z")
                        .cites(previousStandard, previous));
                previous = "C-" + i;
                previousStandard = standard;
            }
            return chain.add(CertificateDraft.verification("C-TOP", TraceabilityChain.LAB, "pump-3")
                    .cites(previousStandard, previous));
        }

        @Test
        void sixteen_links_are_accepted() {
            assertThat(broken(instrumentAbove(TraceabilityWalk.MAX_DEPTH))).isEmpty();
        }

        @Test
        void seventeen_links_are_too_many() {
            assertThat(broken(instrumentAbove(TraceabilityWalk.MAX_DEPTH + 1)))
                    .hasValueSatisfying(d -> assertThat(d).startsWith("link 17: the chain is longer than 16 links"));
        }

        @Test
        void a_shared_chain_found_sound_nearer_the_top_is_rewalked_when_reached_deeper() {
            Certificate sixteen = instrumentAbove(TraceabilityWalk.MAX_DEPTH);
            // C-1 is one link from C-TOP: its chain of 15 fits; reached again one link deeper, it does not.
            chain.standard("STD-EXTRA", StandardLevel.REFERENCE);
            chain.add(calibration("C-EXTRA", "STD-EXTRA", "2025-02-01T00:00:00Z", "2025-02-01T00:00:00Z")
                    .cites("STD-1", "C-1"));
            Certificate both = chain.add(CertificateDraft.verification("C-BOTH", TraceabilityChain.LAB, "pump-3")
                    .cites("STD-1", "C-1")
                    .cites("STD-EXTRA", "C-EXTRA"));
            assertThat(broken(sixteen)).isEmpty();
            assertThat(broken(both))
                    .hasValueSatisfying(d -> assertThat(d).startsWith("link 17: the chain is longer than 16 links"));
        }

        @Test
        void verification_as_of_an_instant_uses_that_instant_for_revocations() {
            chain.end(chain.reference, CertificateStatus.REVOKED, null, "2025-05-01T00:00:00Z");
            assertThat(new TraceabilityWalk(chain.lookup, Instant.parse("2025-04-30T00:00:00Z"))
                            .brokenLink(chain.instrument))
                    .isEmpty();
        }
    }
}
