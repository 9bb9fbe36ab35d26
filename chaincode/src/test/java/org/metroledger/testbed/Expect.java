package org.metroledger.testbed;

import static org.assertj.core.api.Assertions.assertThat;

import org.metroledger.chaincode.error.ErrorCode;
import org.metroledger.chaincode.error.Fail;
import org.metroledger.simulation.ContractHost.Simulation;
import org.metroledger.simulation.Member;

/** Assertions on a refused call: its error code, its message, and that it would write nothing. */
public final class Expect {
    private Expect() {}

    /** Simulates the call and asserts it is refused with that code and an empty write set; answers the message. */
    public static String refused(TestBed bed, ErrorCode code, Member caller, String function, String... args) {
        Simulation sim = bed.simulate(caller, function, args);
        assertThat(sim.succeeded())
                .as("%s should be refused with %s but answered %s", function, code, sim.payloadText())
                .isFalse();
        assertThat(Fail.codeOf(sim.payload(), sim.message()).orElse(null))
                .as("%s refused: %s", function, sim.message())
                .isEqualTo(code);
        assertThat(sim.readWriteSet().writes())
                .as("writes of refused %s", function)
                .isEmpty();
        return Fail.messageOf(sim.message());
    }

    /** Refused as bad input, with the message naming the field. */
    public static void invalid(TestBed bed, String field, Member caller, String function, String... args) {
        assertThat(refused(bed, ErrorCode.INVALID_ARGUMENT, caller, function, args))
                .as("message of refused %s", function)
                .startsWith(field);
    }
}
