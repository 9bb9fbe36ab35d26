package org.metroledger.simulation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;

/** World state and history in memory, for tests; the embedded ledger keeps its own in RocksDB. */
public final class InMemoryWorldState implements WorldState {
    private final ConcurrentSkipListMap<String, VersionedValue> state = new ConcurrentSkipListMap<>(KEY_ORDER);
    private final Map<String, List<KeyChange>> history = new HashMap<>();

    @Override
    public VersionedValue get(String key) {
        return state.get(key);
    }

    /** Weakly consistent, as the skip list's views are: a simulation here runs between commits. */
    @Override
    public StateScan scan(String start, String end) {
        NavigableMap<String, VersionedValue> slice =
                end.isEmpty() ? state.tailMap(start, true) : state.subMap(start, true, end, false);
        return StateScan.over(slice.entrySet().iterator());
    }

    @Override
    public synchronized List<KeyChange> history(String key) {
        return List.copyOf(history.getOrDefault(key, List.of()));
    }

    /** Every key that was ever written or deleted, in no particular order. */
    public synchronized Set<String> keysWithHistory() {
        return Set.copyOf(history.keySet());
    }

    /** Applies a validated transaction's writes at the given version. */
    public synchronized void apply(ReadWriteSet rwset, Version version, String txId, Instant timestamp) {
        for (Map.Entry<String, byte[]> write : rwset.writes().entrySet()) {
            byte[] value = write.getValue();
            if (value == null) {
                state.remove(write.getKey());
            } else {
                state.put(write.getKey(), new VersionedValue(value, version));
            }
            history.computeIfAbsent(write.getKey(), k -> new ArrayList<>()).add(new KeyChange(txId, timestamp, value));
        }
    }
}
