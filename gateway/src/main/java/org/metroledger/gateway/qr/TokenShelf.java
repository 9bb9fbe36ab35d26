package org.metroledger.gateway.qr;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The QR tokens this gateway serves, one file per certificate under {@code qr-tokens/} of the data
 * directory. Tokens verify on their own, so the shelf needs no protection beyond durability.
 */
public final class TokenShelf {
    public static final String DIRECTORY = "qr-tokens";

    private final Path directory;

    private TokenShelf(Path directory) {
        this.directory = directory;
    }

    public static TokenShelf in(Path dataDir) {
        return new TokenShelf(dataDir.resolve(DIRECTORY));
    }

    public Optional<String> token(String certificateId) {
        Path file = fileOf(certificateId);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(file, StandardCharsets.US_ASCII).trim());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    public void put(String certificateId, String token) {
        Path file = fileOf(certificateId);
        try {
            Files.createDirectories(directory);
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(temporary, token, StandardCharsets.US_ASCII);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Certificate ids may hold '/' and ':'; their hash makes a safe, fixed-length file name. */
    private Path fileOf(String certificateId) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(certificateId.getBytes(StandardCharsets.UTF_8));
            return directory.resolve(HexFormat.of().formatHex(hash) + ".token");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
