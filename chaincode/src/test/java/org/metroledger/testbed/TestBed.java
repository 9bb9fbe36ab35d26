package org.metroledger.testbed;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.metroledger.chaincode.Contracts;
import org.metroledger.chaincode.error.ErrorCode;
import org.metroledger.chaincode.error.Fail;
import org.metroledger.simulation.CertificateAuthority;
import org.metroledger.simulation.ContractHost;
import org.metroledger.simulation.ContractHost.Simulation;
import org.metroledger.simulation.InMemoryWorldState;
import org.metroledger.simulation.Member;
import org.metroledger.simulation.Proposal;
import org.metroledger.simulation.Version;

/**
 * The contracts through the real ContractRouter against in-memory state, with real X.509
 * identities of the three demo regions. Each successful submit commits as its own block; the
 * transaction clock is set by the test, never read from the wall.
 */
public final class TestBed {
    public static final String NORTH = "NorthMSP";
    public static final String EAST = "EastMSP";
    public static final String CENTRAL_SOUTH = "CentralSouthMSP";
    public static final List<String> REGIONS = List.of(NORTH, EAST, CENTRAL_SOUTH);
    private static final Instant CA_EPOCH = Instant.parse("2020-01-01T00:00:00Z");
    private static final ContractHost HOST = new ContractHost(Contracts.ALL);

    private final Map<String, CertificateAuthority> authorities = new HashMap<>();
    private final InMemoryWorldState state = new InMemoryWorldState();
    private Instant now = Instant.parse("2025-06-01T08:00:00Z");
    private long block;
    private long txCounter;

    public TestBed() {
        for (String msp : REGIONS) {
            authorities.put(
                    msp,
                    CertificateAuthority.create(
                            msp, msp.replace("MSP", "").toLowerCase() + ".metroledger.test", CA_EPOCH));
        }
    }

    /** A centre admin (admin OU) of a region: the bootstrap identity. */
    public Member admin(String msp) {
        return authorities.get(msp).issue("Admin@" + msp, "admin", CA_EPOCH);
    }

    /** A plain client identity of a region, not registered yet. */
    public Member client(String msp, String name) {
        return authorities.get(msp).issue(name, "client", CA_EPOCH);
    }

    public Instant now() {
        return now;
    }

    public void at(Instant instant) {
        now = instant;
    }

    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    public InMemoryWorldState state() {
        return state;
    }

    /** Submits and, when the chaincode succeeds, commits; answers the payload or throws {@link Refusal}. */
    public String submit(Member caller, String function, String... args) {
        Simulation sim = simulate(caller, function, args);
        if (!sim.succeeded()) {
            throw Refusal.of(sim);
        }
        block++;
        state.apply(sim.readWriteSet(), new Version(block, 0), lastTxId(), now);
        return sim.payloadText();
    }

    /** Evaluates without committing. */
    public String evaluate(Member caller, String function, String... args) {
        Simulation sim = simulate(caller, function, args);
        if (!sim.succeeded()) {
            throw Refusal.of(sim);
        }
        return sim.payloadText();
    }

    public Simulation simulate(Member caller, String function, String... args) {
        txCounter++;
        List<byte[]> bytes = new java.util.ArrayList<>();
        bytes.add(function.getBytes(StandardCharsets.UTF_8));
        for (String arg : args) {
            bytes.add(arg.getBytes(StandardCharsets.UTF_8));
        }
        Proposal proposal = new Proposal(
                "metrology", lastTxId(), now, caller.serializedIdentity(), caller.mspId(), bytes, Map.of());
        return HOST.simulate(state, proposal);
    }

    private String lastTxId() {
        return String.format("tx%06d", txCounter);
    }

    /** A chaincode refusal with its error code. */
    public static final class Refusal extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final ErrorCode code;

        private Refusal(ErrorCode code, String message) {
            super(code + ": " + message);
            this.code = code;
        }

        static Refusal of(Simulation sim) {
            return new Refusal(Fail.codeOf(sim.payload(), sim.message()).orElse(null), Fail.messageOf(sim.message()));
        }

        public ErrorCode code() {
            return code;
        }
    }
}
