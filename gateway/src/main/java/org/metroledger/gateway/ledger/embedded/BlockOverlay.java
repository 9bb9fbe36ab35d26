package org.metroledger.gateway.ledger.embedded;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.SortedMap;
import java.util.TreeMap;
import org.metroledger.simulation.KeyChange;
import org.metroledger.simulation.StateEntry;
import org.metroledger.simulation.StateScan;
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
    public StateScan scan(String start, String end) {
        SortedMap<String, VersionedValue> local = end.isEmpty() ? written.tailMap(start) : written.subMap(start, end);
        StateScan stored = committed.scan(start, end);
        return local.isEmpty() ? stored : new Merged(stored, local.entrySet().iterator());
    }

    /** Committed keys merged in key order with the block's writes, which win; a delete hides a key. */
    private static final class Merged implements StateScan {
        private final StateScan stored;
        private final Iterator<Map.Entry<String, VersionedValue>> local;
        private StateEntry storedHead;
        private Map.Entry<String, VersionedValue> localHead;
        private StateEntry next;

        Merged(StateScan stored, Iterator<Map.Entry<String, VersionedValue>> local) {
            this.stored = stored;
            this.local = local;
        }

        @Override
        public boolean hasNext() {
            while (next == null) {
                if (storedHead == null && stored.hasNext()) {
                    storedHead = stored.next();
                }
                if (localHead == null && local.hasNext()) {
                    localHead = local.next();
                }
                if (storedHead == null && localHead == null) {
                    return false;
                }
                int order = storedHead == null
                        ? 1
                        : localHead == null ? -1 : KEY_ORDER.compare(storedHead.key(), localHead.getKey());
                if (order < 0) {
                    next = storedHead;
                    storedHead = null;
                } else {
                    if (order == 0) {
                        storedHead = null;
                    }
                    if (localHead.getValue() != null) {
                        next = new StateEntry(localHead.getKey(), localHead.getValue());
                    }
                    localHead = null;
                }
            }
            return true;
        }

        @Override
        public StateEntry next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            StateEntry entry = next;
            next = null;
            return entry;
        }

        @Override
        public void close() {
            stored.close();
        }
    }

    /** Validation never reads history; the block's own changes are not history until committed. */
    @Override
    public List<KeyChange> history(String key) {
        return committed.history(key);
    }
}
