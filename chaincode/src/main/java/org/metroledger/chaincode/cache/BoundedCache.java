package org.metroledger.chaincode.cache;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A bounded map of pure results, shared by all transactions. Only values that are a function of
 * the key go in, so a hit and a miss give peers the same answer.
 *
 * <p>No global lock: a hit is a {@link ConcurrentHashMap} read that marks the entry used; a miss
 * computes outside any lock and inserts into one of a few segments (chosen by the key's hash),
 * each evicting by CLOCK (second chance: the hand passes over entries used since it last came by).
 * Every verification reads through several of these, so they must not serialise the readers.
 */
public final class BoundedCache<K, V> {
    /** Entries per segment at least, so small caches keep one segment and an exact bound. */
    private static final int MIN_SEGMENT = 1024;

    private static final int MAX_SEGMENTS = 16;

    private final int capacity;
    private final Segment<K, V>[] segments;

    @SuppressWarnings({"unchecked", "rawtypes"})
    public BoundedCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, not " + capacity);
        }
        this.capacity = capacity;
        int count = Integer.highestOneBit(Math.max(1, Math.min(MAX_SEGMENTS, capacity / MIN_SEGMENT)));
        this.segments = new Segment[count];
        for (int i = 0; i < count; i++) {
            // The first segments take the remainder, so the capacities add up to capacity.
            segments[i] = new Segment<>(capacity / count + (i < capacity % count ? 1 : 0));
        }
    }

    /** The cached value, computed outside any lock on a miss (two threads may both compute it). */
    public V get(K key, Function<K, V> compute) {
        Segment<K, V> segment = segmentOf(key);
        V value = segment.peek(key);
        return value != null ? value : segment.insert(key, compute.apply(key));
    }

    /** The cached value, or null. */
    public V peek(K key) {
        return segmentOf(key).peek(key);
    }

    public int capacity() {
        return capacity;
    }

    public int size() {
        int size = 0;
        for (Segment<K, V> segment : segments) {
            size += segment.entries.size();
        }
        return size;
    }

    private Segment<K, V> segmentOf(K key) {
        int h = key.hashCode();
        return segments[(h ^ (h >>> 16)) & (segments.length - 1)];
    }

    private static final class Entry<V> {
        final V value;
        volatile boolean used;

        Entry(V value) {
            this.value = value;
        }
    }

    private static final class Segment<K, V> {
        final ConcurrentHashMap<K, Entry<V>> entries;
        /** The keys in insertion slots; guarded by {@code this}, as are {@code filled} and {@code hand}. */
        final Object[] ring;

        int filled;
        int hand;

        Segment(int capacity) {
            this.entries = new ConcurrentHashMap<>(capacity * 4 / 3 + 1);
            this.ring = new Object[capacity];
        }

        V peek(K key) {
            Entry<V> entry = entries.get(key);
            if (entry == null) {
                return null;
            }
            if (!entry.used) {
                entry.used = true;
            }
            return entry.value;
        }

        /** Keeps {@code value} unless another thread kept one first (then answers that one, equal). */
        synchronized V insert(K key, V value) {
            Entry<V> present = entries.get(key);
            if (present != null) {
                return present.value;
            }
            int slot;
            if (filled < ring.length) {
                slot = filled++;
            } else {
                // Ends within two turns: every entry passed over loses its mark.
                while (true) {
                    @SuppressWarnings("unchecked")
                    Entry<V> candidate = entries.get((K) ring[hand]);
                    if (candidate == null || !candidate.used) {
                        break;
                    }
                    candidate.used = false;
                    hand = (hand + 1) % ring.length;
                }
                entries.remove(ring[hand]);
                slot = hand;
                hand = (hand + 1) % ring.length;
            }
            ring[slot] = key;
            entries.put(key, new Entry<>(value));
            return value;
        }
    }
}
