package org.metroledger.chaincode.inspection;

/** What an inspection of a drawn entity found. */
public enum InspectionOutcome {
    PASSED,
    FAILED,
    SHORT_WEIGHT,
    OVERDUE_VERIFICATION,
    CHEATING_DEVICE,
    FORGED_DATA
}
