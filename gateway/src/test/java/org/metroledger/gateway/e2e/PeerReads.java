package org.metroledger.gateway.e2e;

import io.grpc.ManagedChannel;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.hyperledger.fabric.client.Gateway;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.client.Network;
import org.hyperledger.fabric.client.identity.Identities;
import org.hyperledger.fabric.client.identity.Signers;
import org.hyperledger.fabric.client.identity.X509Identity;
import org.hyperledger.fabric.protos.common.BlockchainInfo;
import org.metroledger.gateway.ledger.fabric.FabricLedger;
import org.metroledger.gateway.ledger.fabric.FabricNetwork;

/**
 * Reads straight from each centre's own peer, as that centre's admin, bypassing the MetroLedger
 * gateway: what every peer holds, not what the gateway says.
 */
final class PeerReads implements AutoCloseable {
    private final Map<String, ManagedChannel> channels = new LinkedHashMap<>();
    private final Map<String, Gateway> gateways = new LinkedHashMap<>();
    private final FabricNetwork network;

    PeerReads(FabricNetwork network) {
        this.network = network;
        for (FabricNetwork.Organization org : network.organizations()) {
            ManagedChannel channel = FabricLedger.channel(org.peer());
            channels.put(org.mspId(), channel);
            FabricNetwork.IdentityFiles admin = org.identities().stream()
                    .filter(FabricNetwork.IdentityFiles::isAdmin)
                    .findFirst()
                    .orElseThrow();
            gateways.put(
                    org.mspId(),
                    Gateway.newInstance()
                            .identity(new X509Identity(org.mspId(), certificate(admin.certificatePath())))
                            .signer(Signers.newPrivateKeySigner(privateKey(admin.privateKeyPath())))
                            .connection(channel)
                            .connect());
        }
    }

    List<String> msps() {
        return List.copyOf(gateways.keySet());
    }

    /** One peer's height and the hash of its newest block. */
    record ChainInfo(long height, String currentBlockHash) {}

    ChainInfo chainInfo(String msp) throws GatewayException {
        byte[] bytes = network(msp)
                .getContract("qscc")
                .newProposal("GetChainInfo")
                .addArguments(network.channel())
                .setEndorsingOrganizations(msp)
                .build()
                .evaluate();
        try {
            BlockchainInfo info = BlockchainInfo.parseFrom(bytes);
            return new ChainInfo(
                    info.getHeight(),
                    HexFormat.of().formatHex(info.getCurrentBlockHash().toByteArray()));
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            throw new IllegalStateException("unreadable chain info from " + msp, e);
        }
    }

    /**
     * Evaluates a contract function on that centre's peer alone (Fabric's gateway would move the
     * call to another centre's peer when this one's chaincode fails); answers the chaincode's JSON.
     */
    String evaluate(String msp, String function, String request) throws GatewayException {
        byte[] answer = network(msp)
                .getContract(network.chaincode())
                .newProposal(function)
                .addArguments(request)
                .setEndorsingOrganizations(msp)
                .build()
                .evaluate();
        return new String(answer, java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * True when a write through that centre's own peer commits: its gateway can plan an endorsement
     * (gossip has told it of the other centres again, after a restart) and its chaincode answers.
     * Writes the centre's probe record ({@code probe:Write}), which conflicts with nothing.
     */
    boolean endorses(String msp) {
        try {
            return network(msp)
                    .getContract(network.chaincode())
                    .newProposal("probe:Write")
                    .build()
                    .endorse()
                    .submitAsync()
                    .getStatus()
                    .isSuccessful();
        } catch (GatewayException e) {
            return false;
        }
    }

    /** True when the instrument is recorded on that centre's peer, false when the chaincode says NOT_FOUND. */
    boolean hasInstrument(String msp, String id) throws GatewayException {
        try {
            evaluate(msp, "registry:GetInstrument", "{\"id\":\"" + id + "\"}");
            return true;
        } catch (GatewayException e) {
            if (String.valueOf(e.getMessage()).contains("NOT_FOUND")
                    || e.getDetails().stream().anyMatch(d -> d.getMessage().contains("NOT_FOUND"))) {
                return false;
            }
            throw e;
        }
    }

    private Network network(String msp) {
        return gateways.get(msp).getNetwork(network.channel());
    }

    @Override
    public void close() {
        gateways.values().forEach(Gateway::close);
        for (ManagedChannel channel : channels.values()) {
            channel.shutdownNow();
            try {
                channel.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static java.security.cert.X509Certificate certificate(String path) {
        try (Reader reader = Files.newBufferedReader(Path.of(path))) {
            return Identities.readX509Certificate(reader);
        } catch (IOException | CertificateException e) {
            throw new IllegalStateException("cannot read " + path, e);
        }
    }

    private static java.security.PrivateKey privateKey(String path) {
        try (Reader reader = Files.newBufferedReader(Path.of(path))) {
            return Identities.readPrivateKey(reader);
        } catch (IOException | java.security.InvalidKeyException e) {
            throw new IllegalStateException("cannot read " + path, e);
        }
    }
}
