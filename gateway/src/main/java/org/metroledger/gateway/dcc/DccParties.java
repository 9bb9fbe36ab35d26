package org.metroledger.gateway.dcc;

/**
 * Who a generated DCC names besides the certificate's own fields: the laboratory's name, the
 * customer (the subject's owner) and the country code. A null falls back to the certificate's ids.
 */
public record DccParties(String laboratoryName, String customerName, String countryCode) {
    /** No registry details at hand: the DCC names parties by their ledger ids. */
    public static DccParties fromLedgerIds() {
        return new DccParties(null, null, null);
    }
}
