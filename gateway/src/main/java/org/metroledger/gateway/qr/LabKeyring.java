package org.metroledger.gateway.qr;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Optional;
import java.util.TreeMap;
import org.metroledger.chaincode.json.Canonical;

/**
 * Private keys of the demo labs, kept in {@code demo-lab-keys.json} of the data directory so the
 * gateway can sign their QR tokens. A real lab keeps its key to itself and registers its tokens.
 */
public final class LabKeyring {
    public static final String FILE = "demo-lab-keys.json";

    private final Path file;

    private LabKeyring(Path file) {
        this.file = file;
    }

    public static LabKeyring in(Path dataDir) {
        return new LabKeyring(dataDir.resolve(FILE));
    }

    /** Keeps a demo lab's key (PKCS#8 PEM); the file is readable by its owner only. */
    public synchronized void add(String labId, PrivateKey key) {
        TreeMap<String, String> keys = read();
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(key.getEncoded());
        keys.put(labId, "-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n");
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temporary = file.resolveSibling(FILE + ".tmp");
            Files.writeString(temporary, Canonical.json(keys), StandardCharsets.UTF_8);
            restrict(temporary);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** The key of a lab the gateway signs for, or empty for every real lab. */
    public synchronized Optional<PrivateKey> key(String labId) {
        String pem = read().get(labId);
        if (pem == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(privateKey(pem));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(FILE + " holds an unreadable key for lab '" + labId + "'", e);
        }
    }

    /** An EC private key from its PKCS#8 PEM ("BEGIN PRIVATE KEY"), as labs keep theirs. */
    public static PrivateKey privateKey(String pem) {
        String base64 = pem.replace("-----BEGIN PRIVATE KEY-----", "")
                .replace("-----END PRIVATE KEY-----", "")
                .replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("EC")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not a PKCS#8 PEM EC private key", e);
        }
    }

    private TreeMap<String, String> read() {
        if (!Files.exists(file)) {
            return new TreeMap<>();
        }
        try {
            return Canonical.mapper().readValue(file.toFile(), new TypeReference<TreeMap<String, String>>() {});
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static void restrict(Path path) throws IOException {
        try {
            Files.setPosixFilePermissions(path, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: the data directory's own permissions are all there is.
        }
    }
}
