package org.metroledger.gateway.failure;

import org.metroledger.chaincode.error.ErrorCode;

/** A refusal decided by the gateway itself (not the chaincode), carrying the error code to answer. */
public final class ApiFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    private ApiFailure(ErrorCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public static ApiFailure of(ErrorCode code, String message) {
        return new ApiFailure(code, message);
    }

    public static ApiFailure invalid(String field, String problem) {
        return new ApiFailure(ErrorCode.INVALID_ARGUMENT, field + " " + problem);
    }

    public ErrorCode code() {
        return code;
    }
}
