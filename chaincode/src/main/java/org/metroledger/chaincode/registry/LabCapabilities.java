package org.metroledger.chaincode.registry;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.metroledger.chaincode.state.RecordStore;

/**
 * The capability catalogue's indexes (DESIGN §4 "Capability catalogue"), written with a lab's
 * accreditation scope: one key per scope line by category and one by quantity, each naming the lab
 * and the line's position in its scope. A search reads the keys of one category or quantity and
 * then only the labs they name, never every lab.
 */
public final class LabCapabilities {
    /** Index {@code (category, lab, scope line)}. */
    public static final String BY_CATEGORY = "capability~category";
    /** Index {@code (quantity as searched, lab, scope line)}: see {@link #quantityKey}. */
    public static final String BY_QUANTITY = "capability~quantity";

    private LabCapabilities() {}

    /**
     * How a quantity is searched: trimmed, runs of white space as one space, lower case, so "Mass",
     * " mass " and "MASS" find the same lines.
     */
    public static String quantityKey(String quantity) {
        return quantity.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /**
     * Rewrites a lab's catalogue keys from what it offered before (null for a new lab) to what it
     * offers now (null once WITHDRAWN): keys no longer true are deleted, new ones written.
     */
    public static void reindex(RecordStore store, Lab before, Lab after) {
        Set<List<String>> old = keys(before);
        Set<List<String>> now = keys(after);
        for (List<String> key : old) {
            if (!now.contains(key)) {
                store.unindex(key.get(0), key.subList(1, key.size()).toArray(String[]::new));
            }
        }
        for (List<String> key : now) {
            if (!old.contains(key)) {
                store.index(key.get(0), key.subList(1, key.size()).toArray(String[]::new));
            }
        }
    }

    private static Set<List<String>> keys(Lab lab) {
        Set<List<String>> keys = new HashSet<>();
        if (lab == null || lab.status() == LabStatus.WITHDRAWN) {
            return keys;
        }
        List<ScopeItem> scope = lab.accreditation().scope();
        for (int i = 0; i < scope.size(); i++) {
            String line = Integer.toString(i);
            keys.add(List.of(BY_CATEGORY, scope.get(i).category(), lab.id(), line));
            keys.add(List.of(BY_QUANTITY, quantityKey(scope.get(i).quantity()), lab.id(), line));
        }
        return keys;
    }
}
