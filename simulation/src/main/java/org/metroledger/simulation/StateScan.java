package org.metroledger.simulation;

import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * A range read of world state in progress: its entries in key order, each read from the state only
 * when asked for, so a reader that stops early reads no further and a large range never sits in
 * memory. Close it once done; a closed scan has no more entries.
 */
public interface StateScan extends Iterator<StateEntry>, AutoCloseable {
    /** Releases what the scan holds in the state (an iterator, a snapshot's pin); no exception. */
    @Override
    void close();

    /** The entries of a sorted map's view, read as the map's own iterator reads them. */
    static StateScan over(Iterator<Map.Entry<String, VersionedValue>> entries) {
        return new StateScan() {
            private boolean closed;

            @Override
            public boolean hasNext() {
                return !closed && entries.hasNext();
            }

            @Override
            public StateEntry next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Map.Entry<String, VersionedValue> entry = entries.next();
                return new StateEntry(entry.getKey(), entry.getValue());
            }

            @Override
            public void close() {
                closed = true;
            }
        };
    }
}
