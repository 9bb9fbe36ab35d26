package org.metroledger.gateway.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes files that hold credentials (tokens, token hashes): owner-only (0600) from the moment they
 * exist, replaced atomically, so no reader ever sees them readable by others or half written.
 */
public final class SecretFile {
    private SecretFile() {}

    public static void write(Path file, String text) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temporary =
                    FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                            ? Files.createTempFile(
                                    file.toAbsolutePath().getParent(),
                                    ".tmp-",
                                    ".part",
                                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                            // Not a POSIX file system: the data directory's own permissions are all there is.
                            : Files.createTempFile(file.toAbsolutePath().getParent(), ".tmp-", ".part");
            try {
                Files.writeString(temporary, text, StandardCharsets.UTF_8);
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
