package org.metroledger.chaincode.inspection;

import org.metroledger.chaincode.credit.CreditEventType;

/** What an inspection of a drawn entity found, and the credit event each finding records. */
public enum InspectionOutcome {
    PASSED(CreditEventType.INSPECTION_PASSED),
    FAILED(CreditEventType.INSPECTION_FAILED),
    SHORT_WEIGHT(CreditEventType.SHORT_WEIGHT),
    OVERDUE_VERIFICATION(CreditEventType.OVERDUE_VERIFICATION),
    CHEATING_DEVICE(CreditEventType.CHEATING_DEVICE),
    FORGED_DATA(CreditEventType.FORGED_DATA);

    private final CreditEventType creditEvent;

    InspectionOutcome(CreditEventType creditEvent) {
        this.creditEvent = creditEvent;
    }

    public CreditEventType creditEvent() {
        return creditEvent;
    }
}
