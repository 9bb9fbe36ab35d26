package org.metroledger.chaincode.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.ContractRouter;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Transaction;
import org.hyperledger.fabric.shim.Chaincode.Response;
import org.hyperledger.fabric.shim.ChaincodeServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.metroledger.chaincode.Contracts;
import org.metroledger.chaincode.error.Fail;
import org.metroledger.simulation.CertificateAuthority;
import org.metroledger.simulation.InMemoryWorldState;
import org.metroledger.simulation.Member;
import org.metroledger.simulation.Proposal;
import org.metroledger.simulation.SimulatedStub;

/**
 * The contracts as a peer starts them: the shim's own {@link ContractRouter} scans the classpath,
 * routes every transaction function (it refuses a first parameter that is not a {@code Context})
 * and builds the metadata, as its {@code main} does; then each function is called through it, so a
 * function whose first parameter does not take what its contract's {@code createContext} answers
 * fails here, not on a peer. The contract tests run the in-process router, which shares the
 * shim's registry and execution service but not its scan.
 */
class ShimRoutingTest {
    private static final Instant EPOCH = Instant.parse("2020-01-01T00:00:00Z");
    private static ContractRouter router;
    private static Member admin;

    @BeforeAll
    static void start() throws Exception {
        router = new ContractRouter(new String[] {"-i", "metroledger:test"});
        router.startRouterWithChaincodeServer(new ChaincodeServer() {
            @Override
            public void start() {}

            @Override
            public void stop() {}
        });
        admin = CertificateAuthority.create("NorthMSP", "north.test", EPOCH).issue("admin@north", "admin", EPOCH);
    }

    @Test
    void the_shims_metadata_lists_every_transaction_function_of_every_listed_contract() throws Exception {
        Response response = router.invoke(stub(List.of("org.hyperledger.fabric:GetMetadata")));
        assertThat(response.getStatus()).isEqualTo(Response.Status.SUCCESS);
        JsonNode contracts = new ObjectMapper().readTree(response.getPayload()).path("contracts");
        for (Class<? extends ContractInterface> type : Contracts.ALL) {
            String name = type.getAnnotation(Contract.class).name();
            TreeSet<String> listed = new TreeSet<>();
            contracts
                    .path(name)
                    .path("transactions")
                    .forEach(t -> listed.add(t.path("name").asText()));
            assertThat(listed).as(name).isEqualTo(functionNames(type));
        }
    }

    @Test
    void every_transaction_function_takes_the_context_its_contract_creates_through_the_shims_router() {
        for (Class<? extends ContractInterface> type : Contracts.ALL) {
            assertThat(MetroContract.class).as(type.getName()).isAssignableFrom(type);
            String contract = type.getAnnotation(Contract.class).name();
            for (Method function : functions(type)) {
                assertThat(function.getParameterTypes()[0])
                        .as("%s.%s", type.getSimpleName(), function.getName())
                        .isEqualTo(TransactionContext.class);
                List<String> args = new ArrayList<>(List.of(contract + ":" + function.getName()));
                if (function.getParameterCount() == 2) {
                    args.add("{}");
                }
                Response response = router.invoke(stub(args));
                // Answered, or refused by the function itself with one of the chaincode's codes: the
                // router built its context and called it (a context of the wrong type is a fault).
                if (response.getStatus() != Response.Status.SUCCESS) {
                    assertThat(Fail.codeOf(response.getPayload(), response.getMessage()))
                            .as("%s %s", args, response.getMessage())
                            .isPresent();
                }
            }
        }
    }

    private static List<Method> functions(Class<?> type) {
        List<Method> functions = new ArrayList<>();
        for (Method method : type.getMethods()) {
            if (method.getAnnotation(Transaction.class) != null) {
                functions.add(method);
            }
        }
        return functions;
    }

    private static TreeSet<String> functionNames(Class<?> type) {
        TreeSet<String> names = new TreeSet<>();
        functions(type).forEach(m -> names.add(m.getName()));
        return names;
    }

    private static SimulatedStub stub(List<String> args) {
        List<byte[]> bytes = new ArrayList<>();
        args.forEach(a -> bytes.add(a.getBytes(StandardCharsets.UTF_8)));
        return new SimulatedStub(
                new InMemoryWorldState(),
                new Proposal(
                        "metrology",
                        "tx-1",
                        Instant.parse("2025-06-01T08:00:00Z"),
                        admin.serializedIdentity(),
                        admin.mspId(),
                        bytes,
                        Map.of()));
    }
}
