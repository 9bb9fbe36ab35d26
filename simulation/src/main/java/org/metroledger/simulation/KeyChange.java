package org.metroledger.simulation;

import java.time.Instant;

/** One committed change of a key, for getHistoryForKey; a null value is a delete. */
public record KeyChange(String txId, Instant timestamp, byte[] value) {
    public boolean deleted() {
        return value == null;
    }
}
