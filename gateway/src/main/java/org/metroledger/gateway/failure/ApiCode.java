package org.metroledger.gateway.failure;

import java.util.Optional;
import org.hyperledger.fabric.shim.ChaincodeException;
import org.metroledger.chaincode.error.ErrorCode;
import org.metroledger.chaincode.error.Fail;

/**
 * The error codes the API answers with, {@code {"error":{"code": ...}}}: the chaincode's refusals
 * under their own names, and the codes the gateway and the network decide. Clients depend on the
 * names; {@link HttpStatuses} gives each its status.
 */
public enum ApiCode {
    /** A field is missing, malformed, of the wrong type or out of range. */
    INVALID_ARGUMENT,
    /** No credentials, or credentials that map to no identity. */
    UNAUTHENTICATED,
    /** The caller's role or organisation does not allow the action. */
    FORBIDDEN,
    /**
     * The network refuses the caller's identity: its certificate is on its organisation's CRL (the
     * participant was revoked), or was not issued by its organisation's CA.
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
    /** The request body is larger than the gateway accepts. */
    PAYLOAD_TOO_LARGE,
    /** The request's media type is not the one the endpoint takes. */
    UNSUPPORTED_MEDIA_TYPE,
    /** The caller holds as many of a bounded resource (event streams) as it may. */
    TOO_MANY_REQUESTS,
    /** The ledger could not be reached or did not answer in time. */
    UNAVAILABLE,
    /**
     * The embedded ledger store failed a checksum or consistency check: it answers nothing until it
     * is restored.
     */
    STORE_CORRUPTED,
    /** A fault of ours; never the caller's input. */
    INTERNAL;

    /** The chaincode's code under its API name. */
    public static ApiCode of(ErrorCode chaincode) {
        return valueOf(chaincode.name());
    }

    /**
     * The code of a chaincode error from its payload or message, or INTERNAL when it has none (the
     * contract failed on a fault of its own).
     */
    public static ApiCode ofChaincode(byte[] payload, String message) {
        return Fail.codeOf(payload, message).map(ApiCode::of).orElse(INTERNAL);
    }

    /** A code as the chaincode spelled it in an answer (a batch item's), INTERNAL when unknown. */
    public static ApiCode parse(String text) {
        return Optional.ofNullable(text)
                .flatMap(ErrorCode::parse)
                .map(ApiCode::of)
                .orElse(INTERNAL);
    }

    /** The code of a refusal raised by chaincode code the gateway runs itself (parsing, checks). */
    static ApiCode of(ChaincodeException refusal) {
        return ofChaincode(refusal.getPayload(), refusal.getMessage());
    }
}
