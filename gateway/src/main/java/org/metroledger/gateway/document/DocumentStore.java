package org.metroledger.gateway.document;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.metroledger.chaincode.error.Fail;

/**
 * Certificate documents (DCC XML, PDF) kept by their SHA-256 in {@code <data-dir>/documents/ab/cdef…}:
 * write-once, written atomically, read back byte for byte. The ledger holds the digest; this store
 * holds the bytes behind it.
 */
public final class DocumentStore {
    private final Path root;

    public DocumentStore(Path dataDir) {
        this.root = dataDir.resolve("documents");
    }

    /** Stores the bytes and answers their digest; storing the same bytes again changes nothing. */
    public String put(byte[] bytes) {
        String digest = DocumentDigest.of(bytes);
        write(digest, bytes);
        return digest;
    }

    /** Stores bytes the caller names by digest, refusing them when they do not hash to it. */
    public void put(String digest, byte[] bytes) {
        checkWellFormed(digest);
        String actual = DocumentDigest.of(bytes);
        if (!actual.equals(digest)) {
            throw Fail.invalid("documentDigest", "is " + digest + " but the document hashes to " + actual);
        }
        write(digest, bytes);
    }

    /** The stored bytes, or empty when none are stored under this digest. */
    public Optional<byte[]> get(String digest) {
        checkWellFormed(digest);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path(digest));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read document " + digest, e);
        }
        // A file that no longer matches its name was damaged on disk: never serve it as the original.
        if (!DocumentDigest.of(bytes).equals(digest)) {
            throw new IllegalStateException("stored document " + digest + " is corrupt");
        }
        return Optional.of(bytes);
    }

    public boolean contains(String digest) {
        checkWellFormed(digest);
        return Files.isRegularFile(path(digest));
    }

    private void write(String digest, byte[] bytes) {
        Path target = path(digest);
        if (Files.isRegularFile(target)) {
            return;
        }
        Path dir = target.getParent();
        try {
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, digest.substring(2, 10) + ".", ".tmp");
            try {
                writeDurably(temp, bytes);
                // No REPLACE_EXISTING needed: a concurrent writer of this digest wrote the same bytes.
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(temp);
                throw e;
            }
            // Makes the rename itself survive a crash.
            try (FileChannel directory = FileChannel.open(dir, StandardOpenOption.READ)) {
                directory.force(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store document " + digest, e);
        }
    }

    private static void writeDurably(Path file, byte[] bytes) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
    }

    private Path path(String digest) {
        return root.resolve(digest.substring(0, 2)).resolve(digest.substring(2));
    }

    private static void checkWellFormed(String digest) {
        if (!DocumentDigest.isWellFormed(digest)) {
            throw Fail.invalid("documentDigest", "must be 64 lowercase hex characters of a SHA-256 digest");
        }
    }
}
