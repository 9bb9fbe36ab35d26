package org.metroledger.gateway.auth;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.metroledger.chaincode.json.Canonical;

/**
 * The bearer tokens the gateway accepts, each naming one ledger identity. Only SHA-256 hashes are
 * kept (in {@code tokens.json} of the data directory), so a copy of the file grants nothing.
 */
public final class TokenBook {
    /** The file name inside the data directory. */
    public static final String FILE = "tokens.json";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int TOKEN_BYTES = 32;
    private static final int MAX_TOKEN_LENGTH = 256;

    /** One accepted token: the identity it names (MSP and member name) and the hash of the token. */
    public record Entry(String msp, String name, String sha256) {}

    /** The ledger identity a token stands for. */
    public record Holder(String msp, String name) {}

    private final Path file;
    private volatile List<Entry> entries;

    private TokenBook(Path file, List<Entry> entries) {
        this.file = file;
        this.entries = List.copyOf(entries);
    }

    /** Opens the book of a data directory; an absent file is an empty book. */
    public static TokenBook open(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        if (!Files.exists(file)) {
            return new TokenBook(file, List.of());
        }
        try {
            ObjectMapper mapper = Canonical.mapper();
            List<Entry> entries = mapper.readValue(file.toFile(), new TypeReference<List<Entry>>() {});
            return new TokenBook(file, entries);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Creates a new token for an identity, stores its hash and answers the token (shown once). */
    public synchronized String issue(String msp, String name) {
        byte[] secret = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(secret);
        String token = "ml_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        List<Entry> next = new ArrayList<>(entries);
        next.add(new Entry(msp, name, HexFormat.of().formatHex(sha256(token))));
        save(next);
        entries = List.copyOf(next);
        return token;
    }

    /**
     * The identity a token names. Every stored hash is compared in constant time, with no early
     * exit, so timing tells nothing about which hashes exist.
     */
    public Optional<Holder> holderOf(String token) {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        byte[] presented = sha256(token);
        Holder match = null;
        for (Entry entry : entries) {
            byte[] stored = HexFormat.of().parseHex(entry.sha256());
            if (MessageDigest.isEqual(presented, stored) && match == null) {
                match = new Holder(entry.msp(), entry.name());
            }
        }
        return Optional.ofNullable(match);
    }

    private void save(List<Entry> next) {
        try {
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling(FILE + ".tmp");
            Files.writeString(temporary, Canonical.json(next), StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
