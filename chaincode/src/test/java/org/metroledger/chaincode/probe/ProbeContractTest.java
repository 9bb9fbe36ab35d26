package org.metroledger.chaincode.probe;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.metroledger.chaincode.error.ErrorCode;
import org.metroledger.chaincode.json.Canonical;
import org.metroledger.simulation.ContractHost.Simulation;
import org.metroledger.testbed.Expect;
import org.metroledger.testbed.TestBed;
import org.metroledger.testbed.TestWorld;

/** The write probe: one key written, none read, by admins only. */
class ProbeContractTest {
    private final TestWorld world = new TestWorld();
    private final TestBed bed = world.bed;

    @Test
    void an_admin_writes_its_region_s_probe_and_reads_nothing() {
        Simulation sim = bed.simulate(world.eastAdmin, "probe:Write");
        assertThat(sim.succeeded()).as(sim.message()).isTrue();
        JsonNode probe = Canonical.tree(sim.payloadText(), "answer");
        assertThat(probe.get("msp").asText()).isEqualTo(TestBed.EAST);
        assertThat(probe.get("txId").asText()).isNotBlank();
        assertThat(sim.readWriteSet().reads()).isEmpty();
        assertThat(sim.readWriteSet().rangeReads()).isEmpty();
        assertThat(sim.readWriteSet().writes()).hasSize(1);
    }

    @Test
    void writing_again_overwrites_the_same_key() {
        bed.submit(world.northAdmin, "probe:Write");
        bed.submit(world.northAdmin, "probe:Write");
        Simulation third = bed.simulate(world.northAdmin, "probe:Write");
        assertThat(third.readWriteSet().writes()).hasSize(1);
        assertThat(bed.simulate(world.northAdmin, "probe:Write")
                        .readWriteSet()
                        .writes()
                        .keySet())
                .isEqualTo(third.readWriteSet().writes().keySet());
    }

    @Test
    void a_client_identity_may_not() {
        Expect.refused(bed, ErrorCode.FORBIDDEN, world.northLab, "probe:Write");
        Expect.refused(bed, ErrorCode.FORBIDDEN, world.stranger, "probe:Write");
    }
}
