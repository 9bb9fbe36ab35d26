package org.metroledger.chaincode.recognition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.metroledger.testbed.TestBed.CENTRAL_SOUTH;
import static org.metroledger.testbed.TestBed.EAST;
import static org.metroledger.testbed.TestBed.NORTH;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.metroledger.chaincode.certificate.CertificateLedger;
import org.metroledger.chaincode.error.ErrorCode;
import org.metroledger.chaincode.json.Canonical;
import org.metroledger.simulation.ContractHost.Simulation;
import org.metroledger.simulation.Member;
import org.metroledger.testbed.Expect;
import org.metroledger.testbed.TestWorld;

/**
 * Every recognition write called by every kind of caller against one prepared world: the allowed
 * callers succeed; a member that has acted already meets CONFLICT; everyone else is FORBIDDEN,
 * and every refusal writes nothing.
 */
class RecognitionAuthorisationTest {
    private static final CertificateLedger LEDGER = new CertificateLedger();
    private static final TestWorld WORLD = LEDGER.world;
    private static final String SUCCESS = "success";

    static {
        LEDGER.issue(CertificateLedger.pumpVerification("V-1"));
        WORLD.bed.submit(
                WORLD.northAdmin,
                "recognition:Propose",
                RecognitionContractTest.proposal("ag-active", List.of(NORTH, EAST)));
        WORLD.bed.submit(WORLD.eastAdmin, "recognition:Accept", RecognitionContractTest.byId("ag-active"));
        WORLD.bed.submit(
                WORLD.northAdmin,
                "recognition:Propose",
                RecognitionContractTest.proposal("ag-three", List.of(NORTH, EAST, CENTRAL_SOUTH)));
        WORLD.bed.submit(
                WORLD.northAdmin,
                "recognition:Propose",
                RecognitionContractTest.proposal("ag-two", List.of(NORTH, EAST)));
    }

    record Case(String function, String request, Map<String, String> expected) {}

    static Stream<Arguments> matrix() {
        List<Case> cases = List.of(
                new Case(
                        "recognition:Propose",
                        RecognitionContractTest.proposal("ag-new", List.of(NORTH, EAST)),
                        Map.of("north centre admin", SUCCESS, "east centre admin", SUCCESS)),
                new Case(
                        "recognition:Accept",
                        RecognitionContractTest.byId("ag-three"),
                        Map.of(
                                "north centre admin", "CONFLICT",
                                "east centre admin", SUCCESS,
                                "central-south centre admin", SUCCESS)),
                new Case(
                        "recognition:Terminate",
                        Canonical.json(Map.of("id", "ag-two", "reason", "withdrawn")),
                        Map.of("north centre admin", SUCCESS, "east centre admin", SUCCESS)),
                new Case(
                        "recognition:RecordAcceptance",
                        Canonical.json(Map.of("certificateId", "V-1", "region", EAST)),
                        Map.of("east centre admin", SUCCESS)));
        return cases.stream()
                .flatMap(c -> WORLD.everyCaller().entrySet().stream()
                        .map(caller -> Arguments.of(
                                c.function(),
                                caller.getKey(),
                                caller.getValue(),
                                c.request(),
                                c.expected().getOrDefault(caller.getKey(), "FORBIDDEN"))));
    }

    @ParameterizedTest(name = "{0} by {1}: {4}")
    @MethodSource("matrix")
    void only_allowed_callers_may_write(
            String function, String callerName, Member caller, String request, String expected) {
        if (expected.equals(SUCCESS)) {
            Simulation sim = WORLD.bed.simulate(caller, function, request);
            assertThat(sim.succeeded()).as(sim.message()).isTrue();
            assertThat(sim.readWriteSet().writes()).isNotEmpty();
        } else {
            Expect.refused(WORLD.bed, ErrorCode.valueOf(expected), caller, function, request);
        }
    }
}
