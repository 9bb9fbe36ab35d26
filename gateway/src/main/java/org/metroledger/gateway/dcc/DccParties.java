package org.metroledger.gateway.dcc;

/**
 * What a generated DCC says beyond the certificate's own fields, from the registry: the
 * laboratory's name, the customer (the instrument's owner), the country and the calibrated item.
 * A null falls back to the certificate's ledger ids.
 */
public record DccParties(String laboratoryName, String customerName, String countryCode, Item item) {
    /** The calibrated item as the registry describes it; any part may be null. */
    public record Item(String name, String manufacturer, String model, String serial) {}

    /** No registry details at hand: the DCC names parties by their ledger ids. */
    public static DccParties fromLedgerIds() {
        return new DccParties(null, null, null, null);
    }
}
