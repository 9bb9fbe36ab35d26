package org.metroledger.gateway.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * One in-process gateway and ledger for every scenario class of the JVM
 * ({@code -Dmetroledger.deployment=shared-in-process}), as the classes share one Fabric network in
 * CI: started by the first class, closed when the JVM exits. It proves without Fabric that each
 * class keeps to its {@link Namespace}.
 */
final class SharedInProcessDeployment extends InProcessDeployment {
    private static SharedInProcessDeployment shared;

    private SharedInProcessDeployment(Path dataDir) {
        super(dataDir);
    }

    static synchronized Deployment get() {
        if (shared == null) {
            Path dataDir;
            try {
                dataDir = Files.createTempDirectory("metroledger-shared-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            SharedInProcessDeployment deployment = new SharedInProcessDeployment(dataDir);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                deployment.stop();
                delete(dataDir);
            }));
            shared = deployment;
        }
        return shared;
    }

    /**
     * Refused, as on Fabric: the clock dates every class's transactions, and moving it for one class
     * (to a validity's end in 2030, or back) would refuse or misdate the next class's writes.
     */
    @Override
    public boolean setClock(Instant instant) {
        return false;
    }

    /** Stays up for the next class; the JVM's exit closes it. */
    @Override
    public void close() {}

    private void stop() {
        super.close();
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            System.err.println("left " + dir + " behind: " + e);
        }
    }
}
