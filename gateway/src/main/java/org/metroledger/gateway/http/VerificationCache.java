package org.metroledger.gateway.http;

import java.time.Instant;
import java.util.Optional;
import org.metroledger.gateway.ledger.Ledger;
import org.metroledger.gateway.ledger.ReadAnswer;
import org.metroledger.gateway.ledger.ReadSetCache;

/**
 * Verification answers reused only while they are certainly still true: the same certificate and
 * digest, no block committed since the answer was read wrote a key it read (its read set, see
 * {@link ReadSetCache}), and an instant no earlier than the one verified and before the answer's
 * {@code stableUntil} (the chaincode's word for when the verdict could next change with time). The
 * answer is the one the chaincode would give, with its {@code at}.
 */
final class VerificationCache {
    private static final int MAX_ENTRIES = 100_000;
    /** Write sets kept to check an answer read before the last blocks: seconds of commits. */
    private static final int LOGGED_BLOCKS = 4_096;

    private static final String AT_PREFIX = "{\"at\":\"";

    private record Key(String id, String digest) {}

    /** An answer as JSON text whose leading {@code at} value is cut out, to be put back per request. */
    private record Entry(Instant at, Instant stableUntil, String afterAt) {}

    private final ReadSetCache<Key, Entry> entries = new ReadSetCache<>(MAX_ENTRIES, LOGGED_BLOCKS);
    private final boolean following;

    VerificationCache(Ledger ledger) {
        this.following = entries.follow(ledger);
    }

    /** False when the ledger does not follow write sets: then every verification runs the chaincode. */
    boolean following() {
        return following;
    }

    /**
     * The answer for {@code at}, if one still holds then and every block below {@code height} (the
     * ledger's height read before this call) has been applied.
     */
    Optional<String> find(String id, String digest, Instant at, long height) {
        return entries.find(key(id, digest), height)
                .filter(entry ->
                        !at.isBefore(entry.at()) && (entry.stableUntil() == null || at.isBefore(entry.stableUntil())))
                .map(entry -> AT_PREFIX + at + entry.afterAt());
    }

    /**
     * Keeps the answer {@code json} to {@code read} for instant {@code at}; an answer not in the
     * expected shape is simply not kept.
     */
    void remember(String id, String digest, Instant at, String stableUntil, ReadAnswer read, String json) {
        String head = AT_PREFIX + at + "\"";
        if (!json.startsWith(head)) {
            return;
        }
        entries.remember(
                key(id, digest),
                read,
                new Entry(
                        at,
                        stableUntil == null ? null : Instant.parse(stableUntil),
                        json.substring(head.length() - 1)));
    }

    private static Key key(String id, String digest) {
        return new Key(id, digest == null ? "" : digest);
    }
}
