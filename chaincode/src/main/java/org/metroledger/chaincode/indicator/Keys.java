package org.metroledger.chaincode.indicator;

/**
 * State keys of the indicator tallies. They are simple keys, not composite ones, because a tally
 * is read over a range of days and Fabric refuses range reads ({@code getStateByRange}) of
 * composite keys; the parts are joined with U+0001, a control character that no id, province or
 * category may contain (the contracts refuse control characters), so no two part lists join alike.
 */
final class Keys {
    static final String SEP = "\u0001";
    private static final String ROOT = "indicator" + SEP;

    private Keys() {}

    /** The key of the parts joined. */
    static String of(String... parts) {
        return ROOT + String.join(SEP, parts);
    }

    /** Every key that starts with the parts, then a separator: the range's start. */
    static String prefix(String... parts) {
        return of(parts) + SEP;
    }

    /** The first key after every key with that prefix. */
    static String after(String prefix) {
        return prefix.substring(0, prefix.length() - 1) + "\u0002";
    }
}
