package org.metroledger.simulation;

import java.util.List;

/**
 * A range query made during simulation with what it saw, so validation can detect phantoms: a key
 * added, removed or changed inside the range by a transaction committed in between.
 */
public record RangeRead(String start, String end, List<KeyRead> seen, boolean exhausted) {
    /** A key a transaction read, with the version it saw (null: the key did not exist). */
    public record KeyRead(String key, Version version) {}
}
