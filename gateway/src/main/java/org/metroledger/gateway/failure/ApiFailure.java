package org.metroledger.gateway.failure;

import org.hyperledger.fabric.shim.ChaincodeException;
import org.metroledger.chaincode.error.Fail;

/** A refusal decided by the gateway itself (not the chaincode), carrying the error code to answer. */
public final class ApiFailure extends RuntimeException implements CodedFailure {
    private static final long serialVersionUID = 1L;

    private final ApiCode code;

    private ApiFailure(ApiCode code, String message, Throwable cause) {
        super(message, cause, false, false);
        this.code = code;
    }

    public static ApiFailure of(ApiCode code, String message) {
        return new ApiFailure(code, message, null);
    }

    public static ApiFailure invalid(String field, String problem) {
        return of(ApiCode.INVALID_ARGUMENT, field + " " + problem);
    }

    /**
     * The refusal of chaincode code the gateway runs itself (Canonical's reading of a request, a
     * lab key's check), with its code and its message without the code prefix.
     */
    public static ApiFailure of(ChaincodeException refusal) {
        return new ApiFailure(ApiCode.of(refusal), Fail.messageOf(refusal.getMessage()), refusal);
    }

    @Override
    public ApiCode code() {
        return code;
    }
}
