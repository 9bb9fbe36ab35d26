package org.metroledger.gateway.ledger.fabric;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.metroledger.chaincode.json.Canonical;

/**
 * The connection settings `scripts/network.sh up` writes to {@code gateway-connection.json}: the
 * channel, the chaincode, and per organisation its peer, orderer and identities.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FabricNetwork(
        int formatVersion, String channel, String chaincode, String runDir, List<Organization> organizations) {

    /** One regional centre: its MSP, its peer and the identities the gateway may act as. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Organization(
            String name, String mspId, Node peer, Node orderer, Authority ca, List<IdentityFiles> identities) {
        public Optional<IdentityFiles> identity(String identityName) {
            return identities.stream()
                    .filter(i -> i.name().equals(identityName))
                    .findFirst();
        }
    }

    /** A peer or orderer endpoint with the TLS root that signs its certificate. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Node(String name, String endpoint, String tlsRootCertPath, String tlsServerNameOverride) {}

    /**
     * The organisation's Fabric CA: its name in the server, its REST URL, its certificate (the
     * MSP's root and the TLS root of the CA server), and which of the identities is its registrar.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Authority(String name, String url, String certificatePath, String registrar) {}

    /** A member's certificate and key files. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record IdentityFiles(
            String name, String fullName, boolean isAdmin, String certificatePath, String privateKeyPath) {}

    public static FabricNetwork read(Path file) throws IOException {
        FabricNetwork network = Canonical.mapper()
                .readerFor(FabricNetwork.class)
                .without(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .readValue(Files.readAllBytes(file));
        if (network.organizations() == null || network.organizations().isEmpty()) {
            throw new IOException(file + " names no organisations");
        }
        return network;
    }

    public Optional<Organization> organization(String mspId) {
        return organizations.stream().filter(o -> o.mspId().equals(mspId)).findFirst();
    }
}
