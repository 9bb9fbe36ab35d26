package org.metroledger.simulation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What simulating one proposal read and would write. Validation against the state as committed
 * just before this transaction decides whether it commits (Fabric's MVCC check).
 */
public final class ReadWriteSet {
    private final Map<String, Version> reads = new TreeMap<>(WorldState.KEY_ORDER);
    private final List<RangeRead> rangeReads = new ArrayList<>();
    private final TreeMap<String, byte[]> writes = new TreeMap<>(WorldState.KEY_ORDER);
    private ChaincodeEventRecord event;

    /**
     * Rebuilds a read/write set that a block stored, so a committer or a chain verifier can
     * validate it again; a null read version means the key was absent, a null write deletes.
     */
    public static ReadWriteSet of(
            Map<String, Version> reads,
            List<RangeRead> rangeReads,
            Map<String, byte[]> writes,
            ChaincodeEventRecord event) {
        ReadWriteSet rwset = new ReadWriteSet();
        reads.forEach(rwset::recordRead);
        rangeReads.forEach(rwset::recordRangeRead);
        writes.forEach(rwset::recordWrite);
        rwset.event = event;
        return rwset;
    }

    void recordRead(String key, Version version) {
        reads.putIfAbsent(key, version);
    }

    void recordRangeRead(RangeRead range) {
        rangeReads.add(range);
    }

    void recordWrite(String key, byte[] value) {
        writes.put(key, value == null ? null : value.clone());
    }

    void recordEvent(ChaincodeEventRecord event) {
        this.event = event;
    }

    /** Keys read, with the version seen (null: absent). */
    public Map<String, Version> reads() {
        return Collections.unmodifiableMap(reads);
    }

    public List<RangeRead> rangeReads() {
        return Collections.unmodifiableList(rangeReads);
    }

    /** Keys written in key order; a null value deletes the key. */
    public Map<String, byte[]> writes() {
        return Collections.unmodifiableMap(writes);
    }

    public Optional<ChaincodeEventRecord> event() {
        return Optional.ofNullable(event);
    }

    public boolean isReadOnly() {
        return writes.isEmpty();
    }

    /**
     * The first key whose committed version differs from what simulation saw, or empty when the
     * transaction is still valid against this state.
     */
    public Optional<String> conflictWith(WorldState committed) {
        for (Map.Entry<String, Version> read : reads.entrySet()) {
            VersionedValue now = committed.get(read.getKey());
            if (!Objects.equals(read.getValue(), now == null ? null : now.version())) {
                return Optional.of(read.getKey());
            }
        }
        for (RangeRead range : rangeReads) {
            int limit = range.exhausted() ? Integer.MAX_VALUE : range.seen().size();
            List<StateEntry> now = committed.range(range.start(), range.end(), limit);
            if (now.size() != range.seen().size()) {
                return Optional.of(range.start());
            }
            for (int i = 0; i < now.size(); i++) {
                RangeRead.KeyRead seen = range.seen().get(i);
                StateEntry current = now.get(i);
                if (!seen.key().equals(current.key())
                        || !seen.version().equals(current.value().version())) {
                    return Optional.of(current.key());
                }
            }
        }
        return Optional.empty();
    }
}
