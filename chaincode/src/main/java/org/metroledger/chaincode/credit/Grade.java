package org.metroledger.chaincode.credit;

/** Credit grade, best first; a later constant is a worse grade. */
public enum Grade {
    A,
    B,
    C,
    D;

    public Grade worse(Grade other) {
        return other != null && other.ordinal() > ordinal() ? other : this;
    }
}
