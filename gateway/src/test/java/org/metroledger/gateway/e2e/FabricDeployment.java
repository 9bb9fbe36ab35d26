package org.metroledger.gateway.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.metroledger.gateway.identity.IdentityStore;
import org.metroledger.gateway.identity.NodeOu;
import org.metroledger.gateway.ledger.fabric.Deadlines;
import org.metroledger.gateway.ledger.fabric.FabricCas;
import org.metroledger.gateway.ledger.fabric.FabricLedger;
import org.metroledger.gateway.ledger.fabric.FabricNetwork;

/**
 * The gateway in this JVM over the real Fabric network that {@code scripts/network.sh up} started
 * ({@code -Dmetroledger.deployment=fabric}; connection file from {@code metroledger.fabric.connection}).
 * The cast is enrolled at the network's own Fabric CAs, so the peers accept its signatures.
 */
public final class FabricDeployment extends ServedDeployment {
    public FabricDeployment(Path dataDir) {
        super(served(dataDir));
    }

    private static ServedGateway served(Path dataDir) {
        Path connection =
                Path.of(System.getProperty("metroledger.fabric.connection", "../.network/gateway-connection.json"));
        FabricNetwork network;
        try {
            network = FabricNetwork.read(connection);
        } catch (IOException e) {
            throw new UncheckedIOException("no Fabric network at " + connection + ": run scripts/network.sh up", e);
        }
        IdentityStore identities = FabricCas.wallet(dataDir, network);
        FabricLedger ledger = FabricLedger.connect(
                network, identities.findOrIssue(Cast.NORTH, "gateway", NodeOu.CLIENT), Deadlines.standard());
        return new ServedGateway(dataDir, identities, ledger);
    }
}
