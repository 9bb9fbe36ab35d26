package org.metroledger.chaincode.cache;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A least-recently-used map of pure results, shared by all transactions. Only values that are a
 * function of the key go in, so a hit and a miss give peers the same answer.
 */
public final class BoundedCache<K, V> {
    private final int capacity;
    private final Map<K, V> entries;

    public BoundedCache(int capacity) {
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(capacity, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > BoundedCache.this.capacity;
            }
        };
    }

    /** The cached value, computed outside the lock on a miss (two threads may both compute it). */
    public V get(K key, Function<K, V> compute) {
        synchronized (entries) {
            V value = entries.get(key);
            if (value != null) {
                return value;
            }
        }
        V value = compute.apply(key);
        synchronized (entries) {
            entries.put(key, value);
        }
        return value;
    }

    /** The cached value, or null. */
    public V peek(K key) {
        synchronized (entries) {
            return entries.get(key);
        }
    }

    public int capacity() {
        return capacity;
    }

    public int size() {
        synchronized (entries) {
            return entries.size();
        }
    }
}
