package org.metroledger.chaincode.credit;

/** A rating policy version's place in governance: awaiting approvals, in force, or replaced. */
public enum PolicyStatus {
    PROPOSED,
    ACTIVE,
    RETIRED
}
