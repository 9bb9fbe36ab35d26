package org.metroledger.chaincode.error;

import java.util.Optional;

/**
 * The codes the chaincode refuses with, carried in a {@code ChaincodeException}'s payload and message
 * prefix (see {@link Fail}). The gateway answers these and codes of its own (unauthenticated, the
 * network refusing an identity, a read conflict, an unavailable ledger, ...): its
 * {@code gateway.failure.ApiCode} holds them all, under the same names.
 */
public enum ErrorCode {
    /** A field is missing, malformed, of the wrong type or out of range. */
    INVALID_ARGUMENT,
    /** The caller's role or organisation does not allow the action. */
    FORBIDDEN,
    /** The record named does not exist. */
    NOT_FOUND,
    /** The record exists already, or its state does not allow the action. */
    CONFLICT,
    /** A document or token signature does not verify. */
    SIGNATURE_INVALID;

    /** The code named {@code text}, or empty when it names none. */
    public static Optional<ErrorCode> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (ErrorCode code : values()) {
            if (code.name().equals(text.trim())) {
                return Optional.of(code);
            }
        }
        return Optional.empty();
    }
}
