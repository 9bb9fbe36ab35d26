package org.metroledger.gateway.ledger;

/**
 * A transaction committed valid: the chaincode's answer and where the ledger holds it; or, from
 * {@link Ledger#submitUnless}, an endorsed answer that was not ordered (no txId, block -1).
 */
public record Committed(String payload, String txId, long blockNumber) {
    /** An endorsed answer that writes nothing and was not ordered. */
    public static Committed notOrdered(String payload) {
        return new Committed(payload, null, -1);
    }

    /** Whether a transaction was ordered and committed. */
    public boolean ordered() {
        return txId != null;
    }
}
