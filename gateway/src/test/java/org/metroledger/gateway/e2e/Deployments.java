package org.metroledger.gateway.e2e;

import java.nio.file.Path;

/**
 * Chooses the deployment the scenarios run against: {@code -Dmetroledger.deployment=in-process}
 * (the default: a fresh gateway and ledger per class), {@code shared-in-process} (one gateway and
 * ledger for every class of the JVM) or {@code fabric} (a network started by
 * {@code scripts/network.sh up}, shared by every class).
 */
public final class Deployments {
    private Deployments() {}

    public static Deployment start(Path dataDir) {
        String kind = System.getProperty("metroledger.deployment", "in-process");
        return switch (kind) {
            case "in-process" -> new InProcessDeployment(dataDir);
            case "shared-in-process" -> SharedInProcessDeployment.get();
            case "fabric" -> new FabricDeployment(dataDir);
            default -> throw new IllegalArgumentException("unknown metroledger.deployment " + kind);
        };
    }
}
