package org.metroledger.chaincode.certificate;

/**
 * The answer to "is this certificate good?". A report's verdict is the first failing check in
 * declaration order, or VALID; each failing verdict names the check that produces it.
 */
public enum Verdict {
    NOT_FOUND("exists"),
    DIGEST_MISMATCH("digest"),
    SIGNATURE_INVALID("signature"),
    REVOKED("revocation"),
    SUPERSEDED("supersession"),
    EXPIRED("validity"),
    ISSUER_NOT_ACCREDITED("accreditation"),
    TRACEABILITY_BROKEN("traceability"),
    VALID(null);

    private final String check;

    Verdict(String check) {
        this.check = check;
    }

    /** The name of the check whose failure gives this verdict. */
    public String check() {
        return check;
    }
}
