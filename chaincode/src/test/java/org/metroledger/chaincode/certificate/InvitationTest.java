package org.metroledger.chaincode.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.metroledger.chaincode.certificate.CertificateLedger.CATEGORY;
import static org.metroledger.chaincode.certificate.CertificateLedger.PUMP;
import static org.metroledger.chaincode.certificate.CertificateLedger.pumpVerification;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.metroledger.chaincode.error.ErrorCode;
import org.metroledger.chaincode.json.Canonical;
import org.metroledger.testbed.Expect;
import org.metroledger.testbed.TestBed;
import org.metroledger.testbed.TestWorld;

/**
 * Nobody puts a certificate on another party's instrument or standard uninvited (DESIGN §4): a
 * verification needs the region's legal-verification authorisation, a calibration of an
 * instrument the owner's engagement, a certificate of another lab's standard the holder's request.
 */
class InvitationTest {
    private final CertificateLedger ledger = new CertificateLedger();
    private final TestWorld world = ledger.world;
    private final TestBed bed = ledger.bed;

    /** The north lab's calibration of the pump, citing the WORKING standard. */
    private static CertificateDraft pumpCalibration(String id) {
        return CertificateDraft.calibration(id, TestWorld.LAB_NORTH, PUMP)
                .with("subjectType", "INSTRUMENT")
                .cites("STD-W", "C-W");
    }

    private String refused(String function, org.metroledger.simulation.Member caller, String request) {
        return Expect.refused(bed, ErrorCode.FORBIDDEN, caller, function, request);
    }

    private void engage(String id, String lab) {
        bed.submit(world.northEntity, "engagement:Request", TestWorld.engagement(id, lab, PUMP, "INSTRUMENT"));
    }

    private JsonNode engagement(String id) {
        return ledger.evaluate(world.stranger, "engagement:Get", Map.of("id", id));
    }

    private void agreement(List<String> categories) {
        bed.submit(
                world.northAdmin,
                "recognition:Propose",
                Canonical.json(Map.of(
                        "id",
                        "RA-1",
                        "members",
                        List.of(TestBed.NORTH, TestBed.EAST),
                        "categories",
                        categories,
                        "conditions",
                        List.of(),
                        "validFrom",
                        "2025-01-01T00:00:00Z",
                        "validTo",
                        "2027-01-01T00:00:00Z")));
        bed.submit(world.eastAdmin, "recognition:Accept", Canonical.json(Map.of("id", "RA-1")));
    }

    private String eastVerification() {
        return pumpVerification("C-EAST").with("issuer", TestWorld.LAB_EAST).signedBy(world.eastLabKey);
    }

    @Nested
    class A_verification {
        @Test
        void needs_an_authorisation_in_force_at_issue() {
            bed.submit(
                    world.northAdmin,
                    "registry:GrantAuthorisation",
                    Canonical.json(Map.of(
                            "lab",
                            TestWorld.LAB_NORTH,
                            "category",
                            CATEGORY,
                            "validFrom",
                            "2020-01-01T00:00:00Z",
                            "validUntil",
                            "2025-05-31T00:00:00Z")));
            assertThat(refused(
                            "certificate:Issue",
                            world.northLab,
                            pumpVerification("C-1").signedBy(world.northLabKey)))
                    .contains("held no legal-verification authorisation of NorthMSP for fuel-dispenser at "
                            + "2025-05-31T08:00:00Z")
                    .contains("runs 2020-01-01T00:00:00Z to 2025-05-31T00:00:00Z");
        }

        @Test
        void of_another_region_s_instrument_counts_an_authorisation_extended_by_an_agreement_in_force() {
            refused("certificate:Issue", world.eastLab, eastVerification());
            agreement(List.of(CATEGORY));
            assertThat(ledger.submit(world.eastLab, "certificate:Issue", eastVerification())
                            .path("issuer")
                            .asText())
                    .isEqualTo(TestWorld.LAB_EAST);
        }

        @Test
        void is_not_extended_by_an_agreement_that_does_not_cover_the_category() {
            agreement(List.of("weighing"));
            refused("certificate:Issue", world.eastLab, eastVerification());
        }
    }

    @Nested
    class A_calibration_of_an_instrument {
        @Test
        void uninvited_is_refused_naming_the_owner() {
            assertThat(refused(
                            "certificate:Issue",
                            world.northLab,
                            pumpCalibration("CAL-1").signedBy(world.northLabKey)))
                    .contains("no open engagement for " + PUMP)
                    .contains(TestWorld.ENTITY_NORTH);
        }

        @Test
        void uses_up_the_owner_s_engagement() {
            engage("E-1", TestWorld.LAB_NORTH);
            ledger.issue(pumpCalibration("CAL-1"));

            JsonNode used = engagement("E-1");
            assertThat(used.get("status").asText()).isEqualTo("USED");
            assertThat(used.get("certificate").asText()).isEqualTo("CAL-1");
            assertThat(used.get("statusChangedAt").asText()).isEqualTo(bed.now().toString());
            refused(
                    "certificate:Issue",
                    world.northLab,
                    pumpCalibration("CAL-2").signedBy(world.northLabKey));
        }

        @Test
        void is_not_admitted_by_an_engagement_of_another_lab() {
            engage("E-EAST", TestWorld.LAB_EAST);
            refused(
                    "certificate:Issue",
                    world.northLab,
                    pumpCalibration("CAL-1").signedBy(world.northLabKey));
            assertThat(engagement("E-EAST").get("status").asText()).isEqualTo("OPEN");
        }

        @Test
        void is_not_admitted_by_a_withdrawn_engagement() {
            engage("E-1", TestWorld.LAB_NORTH);
            bed.submit(world.northEntity, "engagement:Withdraw", Canonical.json(Map.of("id", "E-1", "reason", "no")));
            refused(
                    "certificate:Issue",
                    world.northLab,
                    pumpCalibration("CAL-1").signedBy(world.northLabKey));
        }

        @Test
        void is_amended_on_the_engagement_its_predecessor_used() {
            engage("E-1", TestWorld.LAB_NORTH);
            ledger.issue(pumpCalibration("CAL-1"));
            JsonNode successor = ledger.submit(
                    world.northLab,
                    "certificate:Supersede",
                    pumpCalibration("CAL-1A").with("previous", "CAL-1").signedBy(world.northLabKey));
            assertThat(successor.get("previous").asText()).isEqualTo("CAL-1");
        }
    }

    @Nested
    class A_certificate_of_a_standard {
        private String eastCalibrationOfStdW() {
            return TraceabilityChain.calibration("C-W-EAST", "STD-W", "2025-05-30T09:00:00Z", "2025-05-31T08:00:00Z")
                    .with("issuer", TestWorld.LAB_EAST)
                    .cites("STD-R", "C-R")
                    .signedBy(world.eastLabKey);
        }

        @Test
        void by_its_holder_lab_needs_no_request() {
            JsonNode recorded = ledger.issue(
                    TraceabilityChain.calibration("C-W2", "STD-W", "2025-05-30T09:00:00Z", "2025-05-31T08:00:00Z")
                            .with("issuer", TestWorld.LAB_NORTH)
                            .cites("STD-R", "C-R"));
            assertThat(recorded.get("status").asText()).isEqualTo("ACTIVE");
        }

        @Test
        void by_another_lab_needs_the_holder_lab_s_request() {
            assertThat(refused("certificate:Issue", world.eastLab, eastCalibrationOfStdW()))
                    .contains("holder lab " + TestWorld.LAB_NORTH);
            bed.submit(
                    world.northLab,
                    "engagement:Request",
                    TestWorld.engagement("E-STD", TestWorld.LAB_EAST, "STD-W", "STANDARD"));
            assertThat(ledger.submit(world.eastLab, "certificate:Issue", eastCalibrationOfStdW())
                            .path("issuer")
                            .asText())
                    .isEqualTo(TestWorld.LAB_EAST);
            assertThat(engagement("E-STD").get("certificate").asText()).isEqualTo("C-W-EAST");
        }
    }
}
