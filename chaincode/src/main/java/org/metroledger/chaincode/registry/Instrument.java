package org.metroledger.chaincode.registry;

/** A measuring instrument (计量器具); {@code mandatory} marks compulsory verification (强制检定). */
public record Instrument(
        String id,
        String owner,
        String type,
        String manufacturer,
        String model,
        String serial,
        String location,
        boolean mandatory,
        String category,
        String recordedAt,
        String txId) {
    public static final String TYPE = "Instrument";
    public static final String BY_OWNER = "instrument~owner";
}
