package org.metroledger.gateway.ledger;

import org.metroledger.chaincode.error.ErrorCode;

/**
 * A ledger call that did not succeed, with the error code the chaincode (or the backend) gave
 * and, where one was assigned, the transaction id.
 */
public final class LedgerException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final String txId;

    public LedgerException(ErrorCode code, String message, String txId, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.txId = txId;
    }

    public LedgerException(ErrorCode code, String message) {
        this(code, message, null, null);
    }

    public ErrorCode code() {
        return code;
    }

    /** The transaction id, or null when the call failed before one was assigned. */
    public String txId() {
        return txId;
    }
}
