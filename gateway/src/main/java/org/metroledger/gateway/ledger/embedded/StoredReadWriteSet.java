package org.metroledger.gateway.ledger.embedded;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.metroledger.simulation.ChaincodeEventRecord;
import org.metroledger.simulation.RangeRead;
import org.metroledger.simulation.ReadWriteSet;
import org.metroledger.simulation.Version;

/**
 * A read/write set as a block stores it: lists in key order (as simulation recorded them), values
 * base64 so the exact bytes survive JSON. It converts both ways, so the committer and the chain
 * verifier validate the very same read/write set.
 */
record StoredReadWriteSet(List<Read> reads, List<Range> ranges, List<Write> writes) {
    StoredReadWriteSet {
        reads = List.copyOf(reads);
        ranges = List.copyOf(ranges);
        writes = List.copyOf(writes);
    }

    /** A key read with the version seen; block and tx are null when the key was absent. */
    record Read(String key, Long block, Integer tx) {
        static Read of(String key, Version version) {
            return version == null ? new Read(key, null, null) : new Read(key, version.block(), version.tx());
        }

        Version version() {
            return block == null ? null : new Version(block, tx);
        }
    }

    /** A range query and the keys it saw. */
    record Range(String start, String end, boolean exhausted, List<Read> seen) {
        Range {
            seen = List.copyOf(seen);
        }
    }

    /** A write; a null value deletes the key. */
    record Write(String key, String value) {
        byte[] bytes() {
            return value == null ? null : Base64.getDecoder().decode(value);
        }
    }

    static StoredReadWriteSet of(ReadWriteSet rwset) {
        List<Read> reads = new ArrayList<>();
        rwset.reads().forEach((key, version) -> reads.add(Read.of(key, version)));
        List<Range> ranges = new ArrayList<>();
        for (RangeRead range : rwset.rangeReads()) {
            ranges.add(new Range(
                    range.start(),
                    range.end(),
                    range.exhausted(),
                    range.seen().stream()
                            .map(r -> Read.of(r.key(), r.version()))
                            .toList()));
        }
        List<Write> writes = new ArrayList<>();
        rwset.writes()
                .forEach((key, value) -> writes.add(new Write(
                        key, value == null ? null : Base64.getEncoder().encodeToString(value))));
        return new StoredReadWriteSet(reads, ranges, writes);
    }

    ReadWriteSet toReadWriteSet(ChaincodeEventRecord event) {
        Map<String, Version> readVersions = new LinkedHashMap<>();
        reads.forEach(r -> readVersions.put(r.key(), r.version()));
        List<RangeRead> rangeReads = ranges.stream()
                .map(r -> new RangeRead(
                        r.start(),
                        r.end(),
                        r.seen().stream()
                                .map(s -> new RangeRead.KeyRead(s.key(), s.version()))
                                .toList(),
                        r.exhausted()))
                .toList();
        Map<String, byte[]> writeValues = new LinkedHashMap<>();
        writes.forEach(w -> writeValues.put(w.key(), w.bytes()));
        return ReadWriteSet.of(readVersions, rangeReads, writeValues, event);
    }
}
