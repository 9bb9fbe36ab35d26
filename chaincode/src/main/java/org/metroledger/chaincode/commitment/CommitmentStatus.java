package org.metroledger.chaincode.commitment;

/** Where a commitment stands: in force, withdrawn by its entity, or broken (a breach was recorded). */
public enum CommitmentStatus {
    ACTIVE,
    WITHDRAWN,
    BREACHED
}
