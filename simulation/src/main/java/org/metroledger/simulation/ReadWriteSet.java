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
    /** False for an evaluation's set, which notes that it queried a range but not what it saw. */
    private final boolean keepsRangeKeys;

    private boolean queriedRange;
    private ChaincodeEventRecord event;

    ReadWriteSet(boolean keepsRangeKeys) {
        this.keepsRangeKeys = keepsRangeKeys;
    }

    /**
     * Rebuilds a read/write set that a block stored, so a committer or a chain verifier can
     * validate it again; a null read version means the key was absent, a null write deletes.
     */
    public static ReadWriteSet of(
            Map<String, Version> reads,
            List<RangeRead> rangeReads,
            Map<String, byte[]> writes,
            ChaincodeEventRecord event) {
        ReadWriteSet rwset = new ReadWriteSet(true);
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
        queriedRange = true;
        rangeReads.add(range);
    }

    void recordRangeQuery() {
        queriedRange = true;
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

    /** Range queries with the keys they saw, for validation; an evaluation records none. */
    public List<RangeRead> rangeReads() {
        return Collections.unmodifiableList(rangeReads);
    }

    /**
     * Whether the simulation queried a range (paginated or not), recorded key by key or not: an
     * answer that read a range depends on keys that {@link #reads()} does not name.
     */
    public boolean queriedRange() {
        return queriedRange;
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
     * transaction is still valid against this state. Each range is read again only as far as it
     * was read in simulation (to its end if the chaincode exhausted it).
     *
     * @throws IllegalStateException for an evaluation's set, which kept no range keys to compare
     */
    public Optional<String> conflictWith(WorldState committed) {
        if (!keepsRangeKeys && queriedRange) {
            throw new IllegalStateException("an evaluation's read set kept no range keys and cannot be validated");
        }
        for (Map.Entry<String, Version> read : reads.entrySet()) {
            VersionedValue now = committed.get(read.getKey());
            if (!Objects.equals(read.getValue(), now == null ? null : now.version())) {
                return Optional.of(read.getKey());
            }
        }
        for (RangeRead range : rangeReads) {
            Optional<String> phantom = phantomIn(range, committed);
            if (phantom.isPresent()) {
                return phantom;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> phantomIn(RangeRead range, WorldState committed) {
        try (StateScan now = committed.scan(range.start(), range.end())) {
            for (RangeRead.KeyRead seen : range.seen()) {
                if (!now.hasNext()) {
                    return Optional.of(seen.key());
                }
                StateEntry current = now.next();
                if (!seen.key().equals(current.key())
                        || !seen.version().equals(current.value().version())) {
                    return Optional.of(current.key());
                }
            }
            if (range.exhausted() && now.hasNext()) {
                return Optional.of(now.next().key());
            }
        }
        return Optional.empty();
    }
}
