package org.metroledger.chaincode.registry;

/** A measurement standard (计量标准) held by a lab. */
public record Standard(
        String id,
        String holder,
        String description,
        StandardLevel level,
        String category,
        String recordedAt,
        String txId) {
    public static final String TYPE = "Standard";
}
