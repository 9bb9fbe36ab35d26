package org.metroledger.gateway.dcc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The public DCC samples and their signer chain, kept in the test resources beside this package
 * ({@code org/metroledger/gateway/dcc/}, sources and licences in the README there).
 */
public final class DccSamples {
    public static final String SIGNED_320 = "dcc_gp_temperature_typical_v12_v3.2.0_signed.xml";
    public static final String MANIPULATED = "dcc_gp_temperature_typical_v12_signed_manipulated.xml";
    public static final String TYPICAL = "dcc_gp_temperature_typical_v12.xml";
    public static final String SIMPLIFIED = "dcc_gp_temperature_simplified_v12.xml";

    private DccSamples() {}

    /** The directory holding {@code examples/} and {@code trust/}. */
    public static Path dir() {
        URL readme = DccSamples.class.getResource("README.md");
        if (readme == null) {
            throw new IllegalStateException("the DCC test fixtures are not on the test classpath");
        }
        try {
            return Path.of(readme.toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The directory of the sample signer's chain: {@code root.crt}, {@code sub.crt}, {@code signer.crt}. */
    public static Path trustDir() {
        return dir().resolve("trust");
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
        return TrustedCertificates.fromPemFiles(
                List.of(trustDir().resolve("root.crt"), trustDir().resolve("sub.crt")));
    }
}
