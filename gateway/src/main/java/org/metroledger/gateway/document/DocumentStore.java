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
import org.metroledger.gateway.failure.ApiFailure;

/**
 * Certificate documents (DCC XML, PDF) kept by their SHA-256 in {@code <data-dir>/documents/ab/cdef…}:
 * write-once, written atomically, read back byte for byte. The ledger holds the digest; this store
 * holds the bytes behind it.
 *
 * <p>A document whose certificate is not recorded yet is {@linkplain #stage staged} in {@code
 * documents/staged/}: kept under its digest once the certificate is committed, discarded when the
 * ledger refuses it, so a refused write leaves no file behind.
 */
public final class DocumentStore {
    private static final String STAGED = "staged";

    private final Path root;

    public DocumentStore(Path dataDir) {
        this.root = dataDir.resolve("documents");
    }

    /** A staged document: written durably, not yet under its digest. */
    public final class Staged {
        private final String digest;
        private final Path file;

        private Staged(String digest, Path file) {
            this.digest = digest;
            this.file = file;
        }

        /** Moves it under its digest, where the same bytes may be already: its certificate is committed. */
        public void keep() {
            moveIntoPlace(digest, file);
        }

        /** Deletes it: its certificate was refused. The same bytes stored for another stay. */
        public void discard() {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot discard staged document " + digest, e);
            }
        }
    }

    /** Stores the bytes and answers their digest; storing the same bytes again changes nothing. */
    public String put(byte[] bytes) {
        String digest = DocumentDigest.of(bytes);
        put(digest, bytes);
        return digest;
    }

    /** Stores bytes the caller names by digest, refusing them when they do not hash to it. */
    public void put(String digest, byte[] bytes) {
        stage(digest, bytes).keep();
    }

    /**
     * Writes bytes the caller names by digest to the staging area, refusing them when they do not
     * hash to it; {@link Staged#keep} or {@link Staged#discard} them once the ledger has answered.
     */
    public Staged stage(String digest, byte[] bytes) {
        checkWellFormed(digest);
        String actual = DocumentDigest.of(bytes);
        if (!actual.equals(digest)) {
            throw ApiFailure.invalid("documentDigest", "is " + digest + " but the document hashes to " + actual);
        }
        try {
            Path dir = Files.createDirectories(root.resolve(STAGED));
            Path file = Files.createTempFile(dir, digest + ".", ".staged");
            try {
                writeDurably(file, bytes);
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(file);
                throw e;
            }
            return new Staged(digest, file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stage document " + digest, e);
        }
    }

    /**
     * The stored bytes, or empty when none are stored under this digest. A document still staged is
     * kept first: the ledger names a digest only once its certificate is committed, so a staged one
     * asked for is a committed import whose keep a crash or a disk error interrupted.
     */
    public Optional<byte[]> get(String digest) {
        checkWellFormed(digest);
        byte[] bytes;
        try {
            if (!Files.isRegularFile(path(digest))) {
                Optional<Path> staged = staged(digest);
                if (staged.isEmpty()) {
                    return Optional.empty();
                }
                moveIntoPlace(digest, staged.get());
            }
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

    /** Renames a staged file under its digest, or deletes it where the same bytes are stored already. */
    private void moveIntoPlace(String digest, Path staged) {
        Path target = path(digest);
        try {
            if (Files.isRegularFile(target)) {
                Files.deleteIfExists(staged);
                return;
            }
            Path dir = Files.createDirectories(target.getParent());
            // No REPLACE_EXISTING needed: a concurrent writer of this digest wrote the same bytes.
            Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
            // Makes the rename itself survive a crash.
            try (FileChannel directory = FileChannel.open(dir, StandardOpenOption.READ)) {
                directory.force(true);
            }
        } catch (NoSuchFileException e) {
            // Kept already by a reader that found it staged (see get).
            if (!Files.isRegularFile(target)) {
                throw new UncheckedIOException("staged document " + digest + " is gone", e);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store document " + digest, e);
        }
    }

    /** A staged copy of the digest's bytes, if one is left. */
    private Optional<Path> staged(String digest) throws IOException {
        Path dir = root.resolve(STAGED);
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (var files = Files.newDirectoryStream(dir, digest + ".*.staged")) {
            var first = files.iterator();
            return first.hasNext() ? Optional.of(first.next()) : Optional.empty();
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
            throw ApiFailure.invalid("documentDigest", "must be 64 lowercase hex characters of a SHA-256 digest");
        }
    }
}
