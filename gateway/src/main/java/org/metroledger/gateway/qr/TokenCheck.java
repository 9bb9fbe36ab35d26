package org.metroledger.gateway.qr;

import org.metroledger.chaincode.registry.Lab;
import org.metroledger.chaincode.registry.LabKey;

/**
 * The offline judgement of a QR token: whether the issuing lab's signature holds over what the
 * token says. It says nothing about the certificate's status on the ledger.
 *
 * @param payload what the token asserts, or null when it could not be read at all
 * @param issuer the signing lab as the trust list has it, or null when unknown
 * @param detail why the token is or is not genuine, for people
 * @param key the lab's key the signature verifies under, or null when it verifies under none; a
 *     token that is not genuine yet names a key was signed with a key the lab reported
 *     compromised: offline it cannot be told from a forgery, the ledger can tell whether what it
 *     says was recorded before the compromise
 */
public record TokenCheck(boolean genuine, QrPayload payload, Lab issuer, String detail, LabKey key) {
    /** The verdict a token whose signature fails carries, whatever the ledger says. */
    public static final String SIGNATURE_INVALID = "SIGNATURE_INVALID";

    public TokenCheck(boolean genuine, QrPayload payload, Lab issuer, String detail) {
        this(genuine, payload, issuer, detail, null);
    }

    static TokenCheck forged(QrPayload payload, Lab issuer, String detail) {
        return new TokenCheck(false, payload, issuer, detail, null);
    }

    /** True when the signature verifies, but under a key its lab reported compromised. */
    public boolean underCompromisedKey() {
        return !genuine && key != null;
    }
}
