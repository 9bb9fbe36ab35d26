package org.metroledger.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hyperledger.fabric.contract.ContractRouter;
import org.hyperledger.fabric.shim.Chaincode.Response;
import org.hyperledger.fabric.shim.ChaincodeServer;
import org.junit.jupiter.api.Test;
import org.metroledger.chaincode.Contracts;

/** The in-process router answers every kind of request as the shim's scanning router does. */
class InProcessRouterTest {
    @Test
    void answers_as_the_shims_contract_router_to_routed_unknown_and_malformed_requests() throws Exception {
        ContractRouter scanning = new ContractRouter(new String[] {"-i", "metroledger:test"});
        scanning.startRouterWithChaincodeServer(new ChaincodeServer() {
            @Override
            public void start() {}

            @Override
            public void stop() {}
        });
        InProcessRouter explicit = new InProcessRouter(Contracts.ALL);
        CertificateAuthority ca =
                CertificateAuthority.create("NorthMSP", "north.test", Instant.parse("2020-01-01T00:00:00Z"));
        Member admin = ca.issue("admin@north", "admin", Instant.parse("2020-01-01T00:00:00Z"));
        List<List<String>> requests = List.of(
                List.of("org.hyperledger.fabric:GetMetadata"),
                List.of("registry:RegisterRegion", "{\"name\":\"华北\",\"provinces\":[\"北京\"]}"),
                List.of("registry:RegisterRegion", "not json"),
                List.of("certificate:Get", "{\"id\":\"no-such\"}"),
                List.of("certificate:NoSuchFunction", "{}"),
                List.of("nosuch:Verify", "{}"),
                List.of("Verify"),
                List.of("credit:ListPolicies"),
                List.of("credit:ListPolicies", "unexpected"));
        for (List<String> request : requests) {
            Response expected = scanning.invoke(stub(admin, request));
            Response actual = explicit.invoke(stub(admin, request));
            assertThat(actual.getStatusCode()).as("%s", request).isEqualTo(expected.getStatusCode());
            assertThat(actual.getMessage()).as("%s", request).isEqualTo(expected.getMessage());
            assertThat(actual.getPayload()).as("%s", request).isEqualTo(expected.getPayload());
        }
        assertThat(explicit.invoke(stub(admin, List.of())).getStatusCode())
                .isEqualTo(scanning.invoke(stub(admin, List.of())).getStatusCode());
    }

    private static SimulatedStub stub(Member who, List<String> args) {
        List<byte[]> bytes = new ArrayList<>();
        args.forEach(a -> bytes.add(a.getBytes(StandardCharsets.UTF_8)));
        return new SimulatedStub(
                new InMemoryWorldState(),
                new Proposal(
                        "metrology",
                        "tx-1",
                        Instant.parse("2025-06-01T08:00:00Z"),
                        who.serializedIdentity(),
                        who.mspId(),
                        bytes,
                        Map.of()));
    }
}
