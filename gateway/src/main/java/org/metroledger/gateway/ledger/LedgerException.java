package org.metroledger.gateway.ledger;

import org.metroledger.gateway.failure.ApiCode;
import org.metroledger.gateway.failure.CodedFailure;

/**
 * A ledger call that did not succeed, with the error code the chaincode (or the backend) gave
 * and, where one was assigned, the transaction id.
 */
public final class LedgerException extends RuntimeException implements CodedFailure {
    private static final long serialVersionUID = 1L;

    private final ApiCode code;
    private final String txId;

    public LedgerException(ApiCode code, String message, String txId, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.txId = txId;
    }

    public LedgerException(ApiCode code, String message) {
        this(code, message, null, null);
    }

    @Override
    public ApiCode code() {
        return code;
    }

    /** The transaction id, or null when the call failed before one was assigned. */
    public String txId() {
        return txId;
    }
}
