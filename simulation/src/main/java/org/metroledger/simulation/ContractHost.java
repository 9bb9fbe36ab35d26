package org.metroledger.simulation;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.shim.Chaincode.Response;

/**
 * Runs a chaincode's contracts in-process through the shim's routing, serialisation and error
 * handling, as {@link org.hyperledger.fabric.contract.ContractRouter} does on a peer, with no gRPC
 * in between and no classpath scan (see {@link InProcessRouter}).
 */
public final class ContractHost {
    /**
     * The shim sets explicit levels on its package loggers, which override a parent's, so each is
     * silenced by name. Held strongly: java.util.logging forgets the level of a logger nobody
     * references.
     */
    private static final List<Logger> FABRIC_LOGGERS = Stream.of(
                    "org.hyperledger",
                    "org.hyperledger.fabric",
                    "org.hyperledger.fabric.contract",
                    "org.hyperledger.fabric.shim")
            .map(Logger::getLogger)
            .toList();

    private final InProcessRouter router;

    /** Hosts these contract classes, as a peer's router hosts those its classpath scan finds. */
    public ContractHost(List<Class<? extends ContractInterface>> contracts) {
        // The router logs each contract and its metadata at INFO as it is built (some 60 lines),
        // every request at INFO and every refusal at SEVERE with a stack trace; in-process all of it
        // is noise on the hot path, and callers get every error in the response anyway. So it is
        // silenced before the router is built, unless the process chose the shim's level itself
        // (the gateway's serve --debug).
        if (FABRIC_LOGGERS.get(0).getLevel() == null) {
            FABRIC_LOGGERS.forEach(logger -> logger.setLevel(Level.OFF));
        }
        router = new InProcessRouter(contracts);
    }

    /**
     * Simulates a proposal for endorsement against committed state; nothing is committed. Its
     * read/write set holds what MVCC validation needs, every range's keys included.
     */
    public Simulation simulate(WorldState state, Proposal proposal) {
        return run(new SimulatedStub(state, proposal));
    }

    /**
     * Simulates a proposal whose answer is only read (an evaluation): its read/write set names the
     * keys read one by one and says whether it queried a range, but keeps no range's keys, so a
     * range of millions costs no memory. It cannot be validated.
     */
    public Simulation evaluate(WorldState state, Proposal proposal) {
        return run(SimulatedStub.evaluating(state, proposal));
    }

    private Simulation run(SimulatedStub stub) {
        try (stub) {
            Response response = router.invoke(stub);
            return new Simulation(
                    response.getStatusCode(), response.getMessage(), response.getPayload(), stub.readWriteSet());
        }
    }

    /** The chaincode's answer to a simulated proposal, with its read/write set. */
    public record Simulation(int status, String message, byte[] payload, ReadWriteSet readWriteSet) {
        /** Fabric treats statuses below 400 as success (200, or 3xx warnings). */
        public boolean succeeded() {
            return status < 400;
        }

        public String payloadText() {
            return payload == null ? "" : new String(payload, java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
