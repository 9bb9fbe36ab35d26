package org.metroledger.chaincode.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.metroledger.chaincode.certificate.CertificateLedger.pumpVerification;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.metroledger.chaincode.error.ErrorCode;
import org.metroledger.chaincode.json.Canonical;
import org.metroledger.simulation.ContractHost.Simulation;
import org.metroledger.simulation.Member;
import org.metroledger.testbed.TestBed.Refusal;
import org.metroledger.testbed.TestWorld;

/**
 * Issue, Supersede and Revoke called by every kind of caller: only the north lab, whose
 * certificate it is, succeeds; every other call is FORBIDDEN and leaves world state as it was.
 */
class CertificateAuthorisationTest {
    private final CertificateLedger ledger = new CertificateLedger();
    private final TestWorld world = ledger.world;

    CertificateAuthorisationTest() {
        ledger.issue(pumpVerification("C-1"));
    }

    private Stream<DynamicTest> onlyTheNorthLab(String function, String request) {
        return world.everyCaller().entrySet().stream()
                .map(caller -> DynamicTest.dynamicTest(caller.getKey(), () -> {
                    if (caller.getValue() == world.northLab) {
                        // Simulated only, so the other callers meet the same state.
                        Simulation sim = ledger.bed.simulate(caller.getValue(), function, request);
                        assertThat(sim.succeeded()).as(sim.message()).isTrue();
                        assertThat(sim.readWriteSet().writes()).isNotEmpty();
                    } else {
                        assertForbiddenAndNothingWritten(caller.getValue(), function, request);
                    }
                }));
    }

    private void assertForbiddenAndNothingWritten(Member caller, String function, String request) {
        Map<String, String> before = ledger.snapshot();
        Simulation sim = ledger.bed.simulate(caller, function, request);
        assertThat(sim.succeeded()).isFalse();
        assertThat(sim.readWriteSet().writes()).isEmpty();
        assertThatThrownBy(() -> ledger.bed.submit(caller, function, request))
                .isInstanceOfSatisfying(
                        Refusal.class,
                        r -> assertThat(r.code()).as(r.getMessage()).isEqualTo(ErrorCode.FORBIDDEN));
        assertThat(ledger.snapshot()).isEqualTo(before);
    }

    @TestFactory
    Stream<DynamicTest> issue() {
        return onlyTheNorthLab("certificate:Issue", pumpVerification("C-NEW").signedBy(world.northLabKey));
    }

    @TestFactory
    Stream<DynamicTest> supersede() {
        return onlyTheNorthLab(
                "certificate:Supersede",
                pumpVerification("C-NEW").with("previous", "C-1").signedBy(world.northLabKey));
    }

    @TestFactory
    Stream<DynamicTest> revoke() {
        return onlyTheNorthLab("certificate:Revoke", Canonical.json(Map.of("id", "C-1", "reason", "audit")));
    }

    @Nested
    class Another_lab_acting_under_its_own_name {
        @Test
        void may_not_supersede_a_certificate_it_did_not_issue() {
            String request = pumpVerification("C-EAST")
                    .with("issuer", TestWorld.LAB_EAST)
                    .with("previous", "C-1")
                    .signedBy(world.eastLabKey);
            assertForbiddenAndNothingWritten(world.eastLab, "certificate:Supersede", request);
        }

        @Test
        void may_not_revoke_a_certificate_it_did_not_issue() {
            assertForbiddenAndNothingWritten(
                    world.eastLab, "certificate:Revoke", Canonical.json(Map.of("id", "C-1", "reason", "rival")));
        }

        @Test
        void may_not_put_a_failing_verification_on_another_region_s_instrument_uninvited() {
            String request = pumpVerification("C-EAST")
                    .with("issuer", TestWorld.LAB_EAST)
                    .with("conformity", "FAIL")
                    .signedBy(world.eastLabKey);
            assertForbiddenAndNothingWritten(world.eastLab, "certificate:Issue", request);
            assertThat(ledger.evaluate(world.stranger, "certificate:Current", Map.of("subject", CertificateLedger.PUMP))
                            .path("id")
                            .asText())
                    .isEqualTo("C-1");
        }

        @Test
        void may_verify_another_region_s_instrument_once_that_region_authorises_it() {
            world.authorise(world.northAdmin, TestWorld.LAB_EAST, CertificateLedger.CATEGORY);
            String request = pumpVerification("C-EAST")
                    .with("issuer", TestWorld.LAB_EAST)
                    .signedBy(world.eastLabKey);
            assertThat(ledger.submit(world.eastLab, "certificate:Issue", request)
                            .path("issuer")
                            .asText())
                    .isEqualTo(TestWorld.LAB_EAST);
        }
    }

    @Nested
    class A_lab_no_longer_active {
        @Test
        void may_not_issue() {
            ledger.submit(
                    world.northAdmin,
                    "registry:SetLabStatus",
                    Canonical.json(Map.of("id", TestWorld.LAB_NORTH, "status", "SUSPENDED", "reason", "audit")));
            assertForbiddenAndNothingWritten(
                    world.northLab,
                    "certificate:Issue",
                    pumpVerification("C-NEW").signedBy(world.northLabKey));
        }
    }
}
