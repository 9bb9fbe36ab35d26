package org.metroledger.chaincode.registry;

/**
 * Where a recognition agreement stands. EXPIRED is never stored: an ACTIVE agreement reads as
 * EXPIRED once its validity has ended.
 */
public enum AgreementStatus {
    PROPOSED,
    ACTIVE,
    EXPIRED,
    TERMINATED
}
