package org.metroledger.gateway.http;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Verification answers reused only while they are certainly still true: the same certificate and
 * digest, no block committed since the answer was read, and an instant no earlier than the one
 * verified and before the answer's {@code stableUntil} (the chaincode's word for when the verdict
 * could next change with time). The answer is the one the chaincode would give, with its {@code at}.
 */
final class VerificationCache {
    private static final int MAX_ENTRIES = 10_000;
    private static final String AT_PREFIX = "{\"at\":\"";

    private record Key(String id, String digest) {}

    /** An answer as JSON text whose leading {@code at} value is cut out, to be put back per request. */
    private record Entry(long height, Instant at, Instant stableUntil, String afterAt) {}

    private final ConcurrentHashMap<Key, Entry> entries = new ConcurrentHashMap<>();

    /** The answer for {@code at}, if one read at this height still holds then. */
    Optional<String> find(String id, String digest, Instant at, long height) {
        Entry entry = entries.get(new Key(id, digest == null ? "" : digest));
        if (entry == null
                || entry.height() != height
                || at.isBefore(entry.at())
                || (entry.stableUntil() != null && !at.isBefore(entry.stableUntil()))) {
            return Optional.empty();
        }
        return Optional.of(AT_PREFIX + at + entry.afterAt());
    }

    /**
     * Keeps an answer read at {@code height} (the height seen before reading) for instant {@code at};
     * an answer not in the expected shape is simply not kept.
     */
    void remember(String id, String digest, long height, Instant at, String stableUntil, String json) {
        String head = AT_PREFIX + at + "\"";
        if (!json.startsWith(head)) {
            return;
        }
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(
                new Key(id, digest == null ? "" : digest),
                new Entry(
                        height,
                        at,
                        stableUntil == null ? null : Instant.parse(stableUntil),
                        json.substring(head.length() - 1)));
    }
}
