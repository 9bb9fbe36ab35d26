package org.metroledger.chaincode.error;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.hyperledger.fabric.shim.ChaincodeException;

/**
 * Builds the chaincode's exceptions: the code is the payload, and it also prefixes the message
 * because Fabric's gateway service passes the message on but not the payload.
 */
public final class Fail {
    private static final String SEPARATOR = ": ";
    /**
     * Longest message kept. A message may quote the request, and Fabric returns it in gRPC trailers,
     * which clients cap (8 KiB by default): a longer one reset the whole stream instead of refusing.
     */
    static final int MAX_MESSAGE = 1000;

    private Fail() {}

    public static ChaincodeException with(ErrorCode code, String message) {
        return new ChaincodeException(
                code.name() + SEPARATOR + bounded(message), code.name().getBytes(StandardCharsets.UTF_8));
    }

    private static String bounded(String message) {
        if (message == null || message.length() <= MAX_MESSAGE) {
            return message;
        }
        int cut = Character.isHighSurrogate(message.charAt(MAX_MESSAGE - 1)) ? MAX_MESSAGE - 1 : MAX_MESSAGE;
        return message.substring(0, cut) + "... (" + (message.length() - cut) + " more characters)";
    }

    public static ChaincodeException invalid(String field, String problem) {
        return with(ErrorCode.INVALID_ARGUMENT, field + " " + problem);
    }

    public static ChaincodeException notFound(String what, String id) {
        return with(ErrorCode.NOT_FOUND, what + " '" + id + "' does not exist");
    }

    public static ChaincodeException forbidden(String message) {
        return with(ErrorCode.FORBIDDEN, message);
    }

    public static ChaincodeException conflict(String message) {
        return with(ErrorCode.CONFLICT, message);
    }

    /**
     * The code of a chaincode error, from its payload or else from its message prefix; empty when it
     * carries none (the contract failed on a fault, not a refusal).
     */
    public static Optional<ErrorCode> codeOf(byte[] payload, String message) {
        if (payload != null && payload.length > 0) {
            Optional<ErrorCode> code = ErrorCode.parse(new String(payload, StandardCharsets.UTF_8));
            if (code.isPresent()) {
                return code;
            }
        }
        if (message != null) {
            for (ErrorCode code : ErrorCode.values()) {
                if (message.contains(code.name() + SEPARATOR)) {
                    return Optional.of(code);
                }
            }
        }
        return Optional.empty();
    }

    /** The human part of a chaincode error message, without the code prefix or Fabric's wrapping. */
    public static String messageOf(String message) {
        if (message == null) {
            return "";
        }
        for (ErrorCode code : ErrorCode.values()) {
            int at = message.indexOf(code.name() + SEPARATOR);
            if (at >= 0) {
                return message.substring(at + code.name().length() + SEPARATOR.length());
            }
        }
        return message;
    }
}
