package org.metroledger.gateway.ledger.embedded;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.metroledger.simulation.KeyChange;
import org.metroledger.simulation.StateEntry;
import org.metroledger.simulation.Version;
import org.metroledger.simulation.VersionedValue;
import org.metroledger.simulation.WorldState;

/**
 * Committed state plus the writes of the block being validated, so each transaction is validated
 * against the state as of just before it: a later transaction of the same block that read a key an
 * earlier one wrote, or a range an earlier one changed, conflicts.
 */
final class BlockOverlay implements WorldState {
    private final WorldState committed;
    /** Keys written earlier in this block; a null value is a delete. */
    private final TreeMap<String, VersionedValue> written = new TreeMap<>(KEY_ORDER);

    BlockOverlay(WorldState committed) {
        this.committed = committed;
    }

    void write(String key, byte[] value, Version version) {
        written.put(key, value == null ? null : new VersionedValue(value, version));
    }

    @Override
    public VersionedValue get(String key) {
        return written.containsKey(key) ? written.get(key) : committed.get(key);
    }

    @Override
    public List<StateEntry> range(String start, String end, int limit) {
        SortedMap<String, VersionedValue> local = end.isEmpty() ? written.tailMap(start) : written.subMap(start, end);
        if (local.isEmpty()) {
            return committed.range(start, end, limit);
        }
        // Each local delete can hide at most one committed key, so this many committed keys suffice.
        int wanted = limit > Integer.MAX_VALUE - local.size() ? Integer.MAX_VALUE : limit + local.size();
        TreeMap<String, VersionedValue> merged = new TreeMap<>(KEY_ORDER);
        for (StateEntry entry : committed.range(start, end, wanted)) {
            merged.put(entry.key(), entry.value());
        }
        for (Map.Entry<String, VersionedValue> entry : local.entrySet()) {
            if (entry.getValue() == null) {
                merged.remove(entry.getKey());
            } else {
                merged.put(entry.getKey(), entry.getValue());
            }
        }
        List<StateEntry> entries = new ArrayList<>();
        for (Map.Entry<String, VersionedValue> entry : merged.entrySet()) {
            if (entries.size() >= limit) {
                break;
            }
            entries.add(new StateEntry(entry.getKey(), entry.getValue()));
        }
        return entries;
    }

    /** Validation never reads history; the block's own changes are not history until committed. */
    @Override
    public List<KeyChange> history(String key) {
        return committed.history(key);
    }
}
