package org.metroledger.gateway.auth;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.metroledger.chaincode.json.Canonical;

/**
 * The bearer tokens the gateway accepts, each naming one ledger identity until it expires or is
 * revoked. Only SHA-256 hashes are kept (in {@code tokens.json} of the data directory, mode 0600),
 * so a copy of the file grants nothing. The file is read again when it changes, so a revocation by
 * {@code metroledger revoke-token} takes effect in a running gateway at its next request.
 */
public final class TokenBook {
    /** The file name inside the data directory. */
    public static final String FILE = "tokens.json";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int TOKEN_BYTES = 32;
    private static final int MAX_TOKEN_LENGTH = 256;

    /** How long a token issued without a stated lifetime is accepted. */
    public static final Duration DEFAULT_LIFETIME = Duration.ofDays(90);

    /**
     * One accepted token: the identity it names (MSP and member name), the hash of the token and
     * when it stops being accepted (absent in books written before tokens expired: until revoked).
     */
    public record Entry(String msp, String name, String sha256, String expiresAt) {}

    /** The ledger identity a token stands for. */
    public record Holder(String msp, String name) {}

    private final Path file;
    private final Clock clock;
    private volatile List<Entry> entries;
    /** The entries with their SHA-256 decoded once, for the check on every request. */
    private volatile List<Known> known = List.of();

    private record Known(Entry entry, byte[] sha256, Instant expiresAt) {
        static Known of(Entry entry) {
            return new Known(
                    entry,
                    HexFormat.of().parseHex(entry.sha256()),
                    entry.expiresAt() == null ? null : Instant.parse(entry.expiresAt()));
        }
    }
    /** The file's modification time and size when last read, to notice another process's change. */
    private volatile String readVersion;

    private TokenBook(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
        reload();
    }

    /** Opens the book of a data directory; an absent file is an empty book. */
    public static TokenBook open(Path dataDir) {
        return open(dataDir, Clock.systemUTC());
    }

    /** As {@link #open(Path)}, judging expiry by the clock given. */
    public static TokenBook open(Path dataDir, Clock clock) {
        return new TokenBook(dataDir.resolve(FILE), clock);
    }

    /** Creates a new token for an identity, valid for {@link #DEFAULT_LIFETIME}; answers the token (shown once). */
    public String issue(String msp, String name) {
        return issue(msp, name, DEFAULT_LIFETIME);
    }

    /** Creates a new token for an identity, stores its hash and answers the token (shown once). */
    public synchronized String issue(String msp, String name, Duration lifetime) {
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("a token's lifetime must be positive: " + lifetime);
        }
        byte[] secret = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(secret);
        String token = "ml_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        refresh();
        List<Entry> next = new ArrayList<>(entries);
        next.add(new Entry(
                msp,
                name,
                HexFormat.of().formatHex(sha256(token)),
                clock.instant().plus(lifetime).truncatedTo(ChronoUnit.SECONDS).toString()));
        save(next);
        return token;
    }

    /** Stops accepting a token; answers whether the book held it. */
    public synchronized boolean revoke(String token) {
        refresh();
        String hash = token == null ? "" : HexFormat.of().formatHex(sha256(token.trim()));
        return keepOnly(entry -> !entry.sha256().equals(hash)) > 0;
    }

    /** Stops accepting every token of an identity; answers how many there were. */
    public synchronized int revokeAll(String msp, String name) {
        refresh();
        return keepOnly(entry -> !(entry.msp().equals(msp) && entry.name().equals(name)));
    }

    private int keepOnly(java.util.function.Predicate<Entry> kept) {
        List<Entry> next = entries.stream().filter(kept).toList();
        int removed = entries.size() - next.size();
        if (removed > 0) {
            save(next);
        }
        return removed;
    }

    /**
     * The identity a token names. Every stored hash is compared in constant time, with no early
     * exit, so timing tells nothing about which hashes exist.
     */
    public Optional<Holder> holderOf(String token) {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        return holderOfDigest(digest(token));
    }

    /** The SHA-256 of a token, which is all a holder of it (a web session) need keep to check it again. */
    public static byte[] digest(String token) {
        return sha256(token);
    }

    /** The identity the token of this SHA-256 names, while it is neither expired nor revoked. */
    public Optional<Holder> holderOfDigest(byte[] presented) {
        refresh();
        Instant now = clock.instant();
        Holder match = null;
        for (Known k : known) {
            boolean current = k.expiresAt() == null || now.isBefore(k.expiresAt());
            if (MessageDigest.isEqual(presented, k.sha256()) && current && match == null) {
                match = new Holder(k.entry().msp(), k.entry().name());
            }
        }
        return Optional.ofNullable(match);
    }

    /** Reads the file again when it changed since it was last read (a revocation by another process). */
    private void refresh() {
        if (!version().equals(readVersion)) {
            synchronized (this) {
                if (!version().equals(readVersion)) {
                    reload();
                }
            }
        }
    }

    private void reload() {
        String version = version();
        if (!Files.exists(file)) {
            use(List.of());
            readVersion = version;
            return;
        }
        try {
            ObjectMapper mapper = Canonical.mapper();
            use(mapper.readValue(file.toFile(), new TypeReference<List<Entry>>() {}));
            readVersion = version;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private String version() {
        try {
            return Files.exists(file) ? Files.getLastModifiedTime(file) + "/" + Files.size(file) : "absent";
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private void save(List<Entry> next) {
        SecretFile.write(file, Canonical.json(next));
        use(next);
        readVersion = version();
    }

    private void use(List<Entry> next) {
        entries = List.copyOf(next);
        known = entries.stream().map(Known::of).toList();
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
