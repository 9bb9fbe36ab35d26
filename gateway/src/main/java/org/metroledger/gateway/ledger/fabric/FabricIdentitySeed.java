package org.metroledger.gateway.ledger.fabric;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.metroledger.gateway.identity.IdentityStore;

/**
 * Puts each Fabric organisation's signing CA where the gateway's {@link IdentityStore} keeps CAs,
 * so members the gateway enrols (demo users, new staff) chain to the network's own MSPs.
 */
public final class FabricIdentitySeed {
    private FabricIdentitySeed() {}

    /** Copies the CAs named in the connection file into {@code <dataDir>/msp/<MSP>/}, once. */
    public static void seed(Path dataDir, FabricNetwork network) throws IOException {
        for (FabricNetwork.Organization org : network.organizations()) {
            if (org.ca() == null) {
                throw new IOException(
                        "the connection file names no CA for " + org.mspId() + "; rerun scripts/network.sh up");
            }
            Path mspDir = dataDir.resolve("msp").resolve(org.mspId());
            Files.createDirectories(mspDir);
            copyOnce(Path.of(org.ca().certificatePath()), mspDir.resolve("ca.pem"));
            copyOnce(Path.of(org.ca().privateKeyPath()), mspDir.resolve("ca.key"));
            Files.setPosixFilePermissions(mspDir.resolve("ca.key"), PosixFilePermissions.fromString("rw-------"));
        }
    }

    private static void copyOnce(Path from, Path to) throws IOException {
        if (Files.exists(to)) {
            if (Files.mismatch(from, to) != -1) {
                throw new IOException(
                        to + " holds another CA than " + from + ": this data directory belongs to another network");
            }
            return;
        }
        Files.copy(from, to);
    }
}
