package org.metroledger.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.hyperledger.fabric.client.GatewayException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.metroledger.gateway.ledger.fabric.FabricNetwork;

/**
 * Faults on the real three-centre network ({@code -Pfabric} only: Failsafe runs *IT classes): each
 * test sends a bounded stream of writes through the gateway while a node fails, and checks that
 * every write the gateway acknowledged (201) is on the ledger of every peer, read there directly.
 * Every node a test stops is started again before the next test.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FabricFaultIT extends Scenario {
    private static final List<String> ORDERERS = List.of("orderer1.north", "orderer1.east", "orderer1.centralsouth");
    private static final Duration RECOVERY = Duration.ofSeconds(90);

    private FabricNetwork network;
    private FabricNodes nodes;
    private PeerReads peers;
    private String entity;
    private final List<String> acknowledged = new ArrayList<>();
    private int written;

    @Override
    void prepare() {
        try {
            network = FabricNetwork.read(Path.of(System.getProperty("metroledger.fabric.connection")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        nodes = new FabricNodes(network);
        peers = new PeerReads(network);
        HttpWorld world = registerWorld();
        entity = world.entityNorth;
    }

    @AfterAll
    void closePeers() {
        if (peers != null) {
            peers.close();
        }
    }

    @Test
    @Order(1)
    void writesContinueAfterTheRaftLeaderStops() throws Exception {
        String leader = nodes.awaitLeader(ORDERERS, RECOVERY);
        writes(5, true);
        nodes.stop(leader);
        try {
            List<String> others =
                    ORDERERS.stream().filter(o -> !o.equals(leader)).toList();
            String next = nodes.awaitLeader(others, RECOVERY);
            assertThat(next).isNotEqualTo(leader);
            // Writes during the election may be refused (503 with a code); once a leader is elected they commit.
            awaitWrite();
            writes(5, true);
        } finally {
            nodes.start(leader);
        }
        assertAcknowledgedOnEveryPeer();
    }

    @Test
    @Order(2)
    void writesFailFastWithoutAnOrdererQuorumAndResumeWithIt() throws Exception {
        List<String> stopped = ORDERERS.subList(0, 2);
        String survivor = ORDERERS.get(2);
        stopped.forEach(nodes::stop);
        List<String> refused = new ArrayList<>();
        try {
            // The survivor steps down once it cannot hear a quorum (CheckQuorum); from then on no orderer
            // accepts a transaction, and none can be half-written.
            waitUntil(
                    "orderer " + survivor + " to step down",
                    () -> nodes.leaderOrderer(List.of(survivor)).isEmpty());
            for (int i = 0; i < 3; i++) {
                String id = nextId();
                long started = System.nanoTime();
                Http.Answer answer = registerInstrument(id);
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                assertThat(answer.status()).as(answer.toString()).isEqualTo(503);
                assertThat(answer.errorCode()).isEqualTo("UNAVAILABLE");
                assertThat(took).as("a refused write answers fast").isLessThan(Duration.ofSeconds(30));
                refused.add(id);
            }
        } finally {
            stopped.forEach(nodes::start);
        }
        awaitWrite();
        writes(3, true);
        assertAcknowledgedOnEveryPeer();
        for (String msp : peers.msps()) {
            for (String id : refused) {
                assertThat(peers.hasInstrument(msp, id))
                        .as("refused %s absent on %s", id, msp)
                        .isFalse();
            }
        }
    }

    @Test
    @Order(3)
    void theOwnPeerStopsAndTheOtherCentresServeUntilItCatchesUp() throws Exception {
        String ownPeer = "peer0.north";
        nodes.stop(ownPeer);
        try {
            Http.Answer health = http.get("/health", null);
            assertThat(health.status()).as(health.toString()).isEqualTo(503);
            assertThat(health.json().getBoolean("ready")).isFalse();
            assertThat(health.errorCode()).isEqualTo("UNAVAILABLE");
            // Endorsement (two of three centres) and reads move to East's and Central-South's peers.
            writes(5, true);
            Http.Answer read = http.get("/api/v1/entities/" + entity, null);
            assertThat(read.status()).as(read.toString()).isEqualTo(200);
        } finally {
            nodes.start(ownPeer);
        }
        waitUntil("/health ready again", () -> http.get("/health", null).status() == 200);
        // Caught up: it endorses and commits through itself again, not only through the others.
        waitUntil("North's own peer to commit a write again", () -> peers.endorses(Cast.NORTH));
        assertAcknowledgedOnEveryPeer();
    }

    @Test
    @Order(4)
    void aKilledChaincodeServerFailsItsPeersCallsClearlyUntilItIsBack() throws Exception {
        String chaincode = "chaincode.north";
        nodes.kill(chaincode);
        try {
            GatewayException refused = null;
            try {
                peers.evaluate(Cast.NORTH, "registry:GetEntity", "{\"id\":\"" + entity + "\"}");
            } catch (GatewayException e) {
                refused = e;
            }
            assertThat(refused)
                    .as("North's peer answered without its chaincode")
                    .isNotNull();
            assertThat(refused.getMessage() + refused.getDetails())
                    .as("the peer names the chaincode it cannot reach")
                    .containsIgnoringCase("chaincode");
            // The gateway moves to the other centres' peers, whose chaincode answers: writes commit.
            writes(3, true);
        } finally {
            nodes.start(chaincode);
        }
        waitUntil("North's peer to reach its chaincode again", () -> {
            try {
                peers.evaluate(Cast.NORTH, "registry:GetEntity", "{\"id\":\"" + entity + "\"}");
                return true;
            } catch (GatewayException e) {
                return false;
            }
        });
        writes(3, true);
        assertAcknowledgedOnEveryPeer();
    }

    @Test
    @Order(5)
    void afterTheFaultsEveryPeerHoldsTheSameChain() {
        waitUntil("the peers to agree on height and newest block", () -> {
            try {
                List<PeerReads.ChainInfo> infos = new ArrayList<>();
                for (String msp : peers.msps()) {
                    infos.add(peers.chainInfo(msp));
                }
                return infos.stream().distinct().count() == 1;
            } catch (GatewayException e) {
                return false;
            }
        });
    }

    /** Sends n writes one after another; each must commit when {@code mustCommit}. */
    private void writes(int n, boolean mustCommit) {
        for (int i = 0; i < n; i++) {
            String id = nextId();
            Http.Answer answer = registerInstrument(id);
            if (mustCommit) {
                assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
            }
            if (answer.status() == 201) {
                acknowledged.add(id);
            } else {
                assertThat(answer.status()).as(answer.toString()).isEqualTo(503);
                assertThat(answer.errorCode()).isNotBlank();
            }
        }
    }

    /** Retries one write until it commits: a refusal must be a 503 with a code. */
    private void awaitWrite() {
        waitUntil("a write to commit", () -> {
            String id = nextId();
            Http.Answer answer = registerInstrument(id);
            if (answer.status() == 201) {
                acknowledged.add(id);
                return true;
            }
            assertThat(answer.status()).as(answer.toString()).isEqualTo(503);
            assertThat(answer.errorCode()).as(answer.toString()).isNotBlank();
            return false;
        });
    }

    private Http.Answer registerInstrument(String id) {
        return http.post(
                "/api/v1/instruments",
                token(Cast.NORTH_ADMIN),
                HttpWorld.instrumentRegistration(id, entity, "fuel-dispenser"));
    }

    private String nextId() {
        return id("FT-" + (++written));
    }

    /** Every acknowledged write is on every centre's peer (waiting for a restarted peer to catch up). */
    private void assertAcknowledgedOnEveryPeer() {
        for (String msp : peers.msps()) {
            waitUntil("every acknowledged write on " + msp, () -> {
                try {
                    for (String id : acknowledged) {
                        if (!peers.hasInstrument(msp, id)) {
                            return false;
                        }
                    }
                    return true;
                } catch (GatewayException e) {
                    return false;
                }
            });
        }
    }

    private static void waitUntil(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + RECOVERY.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + RECOVERY + " waiting for " + what);
            }
            FabricNodes.sleep(Duration.ofMillis(500));
        }
    }
}
