package org.metroledger.chaincode.identity;

/** What a registered identity may do on the ledger. Consumers have no role: they never write. */
public enum Role {
    CENTRE_ADMIN,
    LAB,
    INSPECTOR,
    ENTITY
}
