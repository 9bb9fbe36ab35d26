package org.metroledger.gateway.dcc;

import java.time.Instant;

/**
 * The outcome of checking a DCC's enveloped XML signature.
 *
 * @param signer the signer certificate's subject (VALID only)
 * @param signedAt the time the chain was validated at: the signed XAdES SigningTime, else the check time
 * @param reason why the signature failed (INVALID only)
 * @param revocation the signer's revocation status at signedAt as established (VALID only), e.g.
 *     {@code GOOD (OCSP response by ...)}, or UNKNOWN with why and that the operator allows it
 */
public record SignatureCheck(Status status, String signer, Instant signedAt, String reason, String revocation) {
    /** Whether a document carries a signature, and whether it holds. */
    public enum Status {
        UNSIGNED,
        VALID,
        INVALID
    }

    static SignatureCheck unsigned() {
        return new SignatureCheck(Status.UNSIGNED, null, null, null, null);
    }

    static SignatureCheck valid(String signer, Instant signedAt, String revocation) {
        return new SignatureCheck(Status.VALID, signer, signedAt, null, revocation);
    }

    static SignatureCheck invalid(String reason) {
        return new SignatureCheck(Status.INVALID, null, null, reason, null);
    }

    public boolean isInvalid() {
        return status == Status.INVALID;
    }
}
