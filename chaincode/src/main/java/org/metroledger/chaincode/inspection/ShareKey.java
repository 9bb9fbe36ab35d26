package org.metroledger.chaincode.inspection;

/**
 * A centre's public key (PEM, P-256) that other centres encrypt its shares of their draw seeds to;
 * one per centre, replaced by registering another (the key's history keeps the earlier ones).
 */
public record ShareKey(String msp, String publicKey, String fingerprint, String recordedAt, String txId) {
    public static final String TYPE = "DrawShareKey";
}
