package org.metroledger.gateway.dcc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds the shared DCC reference data (schemas, examples, trust chain) that lives beside the
 * checkout and is never copied into it: the {@code metroledger.shared} property when it points at
 * an existing directory, else the nearest {@code shared/dcc} above the working directory.
 */
public final class SharedDcc {
    public static final String SIGNED_320 = "dcc_gp_temperature_typical_v12_v3.2.0_signed.xml";
    public static final String MANIPULATED = "dcc_gp_temperature_typical_v12_signed_manipulated.xml";
    public static final String TYPICAL = "dcc_gp_temperature_typical_v12.xml";
    public static final String SIMPLIFIED = "dcc_gp_temperature_simplified_v12.xml";

    private SharedDcc() {}

    public static Path dir() {
        String configured = System.getProperty("metroledger.shared");
        if (configured != null && Files.isDirectory(Path.of(configured, "dcc"))) {
            return Path.of(configured, "dcc").normalize();
        }
        for (Path at = Path.of("").toAbsolutePath(); at != null; at = at.getParent()) {
            Path candidate = at.resolve("shared").resolve("dcc");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no shared/dcc directory above "
                + Path.of("").toAbsolutePath() + "; set -Dmetroledger.shared=<dir holding dcc/>");
    }

    public static Path schemas() {
        return dir().resolve("schemas");
    }

    public static byte[] example(String name) {
        try {
            return Files.readAllBytes(dir().resolve("examples").resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<Path> examples() {
        try (Stream<Path> files = Files.list(dir().resolve("examples"))) {
            return files.filter(f -> f.toString().endsWith(".xml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static TrustedCertificates trust() {
        Path trust = dir().resolve("trust");
        return TrustedCertificates.fromPemFiles(List.of(trust.resolve("root.crt"), trust.resolve("sub.crt")));
    }
}
