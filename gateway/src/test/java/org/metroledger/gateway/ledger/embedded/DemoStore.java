package org.metroledger.gateway.ledger.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.stream.Stream;
import org.metroledger.gateway.auth.TokenBook;
import org.metroledger.gateway.contracts.Contracts;
import org.metroledger.gateway.demo.DemoData;
import org.metroledger.gateway.identity.IdentityStore;

/** A demo world's data directory for the damage tests: built once, copied for each damage done to it. */
final class DemoStore {
    static final Instant NOW = Instant.parse("2025-06-01T08:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private DemoStore() {}

    /**
     * Creates the demo world in {@code dataDir}, stops its ledger, starts and stops it once more (so
     * its data are in tables however a stop leaves them), and answers its identities.
     */
    static IdentityStore build(Path dataDir) {
        IdentityStore identities = IdentityStore.open(dataDir, CLOCK);
        try (EmbeddedLedger ledger = EmbeddedLedger.open(dataDir, identities, CLOCK)) {
            DemoData.create(
                    new Contracts(ledger),
                    identities,
                    TokenBook.open(dataDir),
                    dataDir,
                    NOW,
                    DemoData.Extent.NAMED_RECORDS);
        }
        EmbeddedLedger.open(dataDir, identities, CLOCK).close();
        return identities;
    }

    static Path copy(Path from, Path to) {
        try (Stream<Path> tree = Files.walk(from)) {
            for (Path source : tree.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return to;
    }

    static void delete(Path directory) {
        try (Stream<Path> tree = Files.walk(directory)) {
            for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** XORs the byte at {@code offset} of {@code file} with a non-zero {@code mask}. */
    static void flip(Path file, long offset, int mask) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer one = ByteBuffer.allocate(1);
            if (channel.read(one, offset) != 1) {
                throw new IllegalArgumentException(file + " has no byte at " + offset);
            }
            one.put(0, (byte) (one.get(0) ^ mask)).rewind();
            channel.write(one, offset);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
