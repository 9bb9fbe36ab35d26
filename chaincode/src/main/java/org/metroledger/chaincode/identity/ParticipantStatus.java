package org.metroledger.chaincode.identity;

/** A participant acts while ACTIVE; REVOKED is final (its certificate is on its CA's CRL). */
public enum ParticipantStatus {
    ACTIVE,
    REVOKED
}
