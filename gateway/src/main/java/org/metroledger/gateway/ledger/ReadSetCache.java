package org.metroledger.gateway.ledger;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Answers kept until a committed block writes a key they read: reuse survives unrelated commits.
 * The ledger hands every committed block's write set to {@link #committed} in block order; an
 * answer is kept only when no block applied since the state it read wrote one of its keys, and
 * found only while every block the ledger reports committed has been applied.
 *
 * @param <K> what identifies an answer (e.g. a certificate and digest)
 * @param <V> the answer kept
 */
public final class ReadSetCache<K, V> {
    private final int maxEntries;
    private final int loggedBlocks;
    private final ConcurrentHashMap<K, V> entries = new ConcurrentHashMap<>();
    /** For each key read, the answers that read it. Guarded by {@code this}. */
    private final Map<String, Set<K>> readers = new HashMap<>();
    /** The write sets of the last blocks applied, oldest first. Guarded by {@code this}. */
    private final ArrayDeque<BlockWrites> log = new ArrayDeque<>();
    /**
     * Every block below this one has been applied. Until {@link #start}, no height: blocks are
     * ignored and nothing is kept.
     */
    private volatile long applied = Long.MAX_VALUE;

    /**
     * @param maxEntries answers kept at most (all are dropped when full)
     * @param loggedBlocks write sets remembered to check answers that were read before the last blocks
     */
    public ReadSetCache(int maxEntries, int loggedBlocks) {
        if (maxEntries < 1 || loggedBlocks < 1) {
            throw new IllegalArgumentException("maxEntries and loggedBlocks must be at least 1");
        }
        this.maxEntries = maxEntries;
        this.loggedBlocks = loggedBlocks;
    }

    /**
     * Follows a ledger: listens to its write sets and starts from the height it delivers them from.
     * Blocks delivered before that height is known are below it, and ignored.
     *
     * @return false when the ledger does not follow write sets (then nothing is ever kept)
     */
    public boolean follow(Ledger ledger) {
        return ledger.onWrites(this::committed)
                .map(follower -> {
                    start(follower.fromHeight());
                    return true;
                })
                .orElse(false);
    }

    private synchronized void start(long height) {
        applied = height;
    }

    /**
     * The answer kept for {@code key}, provided every block below {@code ledgerHeight} (the height
     * the ledger reported before this call) has been applied.
     */
    public Optional<V> find(K key, long ledgerHeight) {
        if (applied < ledgerHeight) {
            return Optional.empty();
        }
        return Optional.ofNullable(entries.get(key));
    }

    /** Drops every answer that read a key the block writes. Blocks come in order; a gap drops all. */
    public synchronized void committed(BlockWrites writes) {
        if (writes.block() < applied) {
            return;
        }
        if (writes.block() > applied) {
            clear();
            log.clear();
        }
        for (String written : writes.keys()) {
            Set<K> stale = readers.remove(written);
            if (stale != null) {
                stale.forEach(entries::remove);
            }
        }
        log.addLast(writes);
        if (log.size() > loggedBlocks) {
            log.removeFirst();
        }
        applied = writes.block() + 1;
    }

    /**
     * Keeps {@code value}, the answer {@code read} gave, unless a block applied since the state it
     * read wrote one of its keys, or the blocks since then are no longer known, or its read set is
     * incomplete.
     */
    public synchronized void remember(K key, ReadAnswer read, V value) {
        if (!read.complete()) {
            return;
        }
        long known = log.isEmpty() ? applied : log.peekFirst().block();
        if (read.fromHeight() < known) {
            return;
        }
        for (BlockWrites writes : log) {
            if (writes.block() >= read.fromHeight() && !Collections.disjoint(writes.keys(), read.keys())) {
                return;
            }
        }
        if (entries.size() >= maxEntries) {
            clear();
        }
        entries.put(key, value);
        for (String k : read.keys()) {
            readers.computeIfAbsent(k, x -> new HashSet<>()).add(key);
        }
    }

    /** How many answers are kept now. */
    public int size() {
        return entries.size();
    }

    private void clear() {
        entries.clear();
        readers.clear();
    }
}
