package org.metroledger.chaincode.error;

/** Machine-readable error codes shared by the chaincode and the gateway. */
public enum ErrorCode {
    /** A field is missing, malformed, of the wrong type or out of range. */
    INVALID_ARGUMENT,
    /** No credentials, or credentials that map to no identity (gateway only). */
    UNAUTHENTICATED,
    /** The caller's role or organisation does not allow the action. */
    FORBIDDEN,
    /**
     * The network refuses the caller's identity: its certificate is on its organisation's CRL (the
     * participant was revoked), or was not issued by its organisation's CA (network, not chaincode).
     */
    IDENTITY_REFUSED,
    /** The record named does not exist. */
    NOT_FOUND,
    /** The record exists already, or its state does not allow the action. */
    CONFLICT,
    /** A concurrent transaction changed what this one read; retry with a fresh proposal. */
    MVCC_READ_CONFLICT,
    /** A document or token signature does not verify. */
    SIGNATURE_INVALID,
    /** The request body is larger than the gateway accepts (gateway only). */
    PAYLOAD_TOO_LARGE,
    /** The request's media type is not the one the endpoint takes (gateway only). */
    UNSUPPORTED_MEDIA_TYPE,
    /** The caller holds as many of a bounded resource (event streams) as it may (gateway only). */
    TOO_MANY_REQUESTS,
    /** The ledger could not be reached or did not answer in time. */
    UNAVAILABLE,
    /**
     * The gateway's embedded ledger store failed a checksum or consistency check: it answers
     * nothing until it is restored (gateway only).
     */
    STORE_CORRUPTED,
    /** A fault of ours; never the caller's input. */
    INTERNAL;

    /** Parses a code, answering {@link #INTERNAL} for anything unknown. */
    public static ErrorCode parse(String text) {
        if (text == null) {
            return INTERNAL;
        }
        for (ErrorCode code : values()) {
            if (code.name().equals(text.trim())) {
                return code;
            }
        }
        return INTERNAL;
    }
}
