package org.metroledger.chaincode.registry;

/** A market entity (经营者), identified by its unified social credit code. */
public record Entity(
        String id,
        String name,
        String region,
        String province,
        EntityCategory category,
        String recordedAt,
        String txId) {
    public static final String TYPE = "Entity";
    public static final String BY_REGION = "entity~region";
}
