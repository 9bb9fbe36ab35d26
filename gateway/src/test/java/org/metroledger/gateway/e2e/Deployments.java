package org.metroledger.gateway.e2e;

import java.nio.file.Path;

/**
 * Chooses the deployment the scenarios run against: {@code -Dmetroledger.deployment=in-process}
 * (the default) or {@code fabric} (a network started by {@code scripts/network.sh up}).
 */
public final class Deployments {
    private Deployments() {}

    public static Deployment start(Path dataDir) {
        String kind = System.getProperty("metroledger.deployment", "in-process");
        return switch (kind) {
            case "in-process" -> new InProcessDeployment(dataDir);
            case "fabric" -> new FabricDeployment(dataDir);
            default -> throw new IllegalArgumentException("unknown metroledger.deployment " + kind);
        };
    }
}
