package org.metroledger.chaincode.credit;

import java.util.Collections;
import java.util.Comparator;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Enum-keyed maps ordered by constant name. Jackson orders enum keys by declaration, but canonical
 * JSON sorts keys as text; a map that is already sorted is written in its own order.
 */
final class ByName {
    private ByName() {}

    /** An unmodifiable copy sorted by key name; a missing map stays null for the validator to name. */
    static <K extends Enum<K>, V> SortedMap<K, V> sorted(Map<K, V> map) {
        if (map == null) {
            return null;
        }
        SortedMap<K, V> sorted = new TreeMap<>(Comparator.comparing(Enum::name));
        sorted.putAll(map);
        return Collections.unmodifiableSortedMap(sorted);
    }
}
