package org.metroledger.simulation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Committed world state and key history, as a peer's state database holds them. Keys are ordered
 * by their UTF-8 bytes (code point order), as LevelDB and RocksDB order them, so composite-key range
 * ends such as U+10FFFF work.
 */
public interface WorldState {
    /** Orders keys by code point, which is the order of their UTF-8 bytes. */
    Comparator<String> KEY_ORDER = (a, b) -> {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    };

    /** The committed value of a key, or null. */
    VersionedValue get(String key);

    /**
     * Keys from start (inclusive) to end (exclusive; empty means unbounded) in key order, read
     * lazily as the scan is advanced; the caller closes it.
     */
    StateScan scan(String start, String end);

    /** The first keys of {@link #scan}, at most limit of them, in a list. */
    default List<StateEntry> range(String start, String end, int limit) {
        List<StateEntry> entries = new ArrayList<>();
        try (StateScan scan = scan(start, end)) {
            while (entries.size() < limit && scan.hasNext()) {
                entries.add(scan.next());
            }
        }
        return entries;
    }

    /** Every committed change of a key, oldest first. */
    List<KeyChange> history(String key);
}
