package org.metroledger.gateway.qr;

import org.metroledger.chaincode.registry.Lab;

/**
 * The offline judgement of a QR token: whether the issuing lab's signature holds over what the
 * token says. It says nothing about the certificate's status on the ledger.
 *
 * @param payload what the token asserts, or null when it could not be read at all
 * @param issuer the signing lab as the trust list has it, or null when unknown
 * @param detail why the token is or is not genuine, for people
 */
public record TokenCheck(boolean genuine, QrPayload payload, Lab issuer, String detail) {
    /** The verdict a token whose signature fails carries, whatever the ledger says. */
    public static final String SIGNATURE_INVALID = "SIGNATURE_INVALID";

    static TokenCheck forged(QrPayload payload, Lab issuer, String detail) {
        return new TokenCheck(false, payload, issuer, detail);
    }
}
