package org.metroledger.chaincode.credit;

/** What happened to an entity that bears on its metrology credit; the points come from the policy. */
public enum CreditEventType {
    INSPECTION_PASSED,
    /** One instrument under mandatory verification (强制检定) found overdue. */
    OVERDUE_VERIFICATION,
    INSPECTION_FAILED,
    /** Short weight (缺斤短两). */
    SHORT_WEIGHT,
    COMMITMENT_BREACHED,
    ADMINISTRATIVE_PENALTY,
    /** Forged measurement data (伪造数据). */
    FORGED_DATA,
    /** A false certificate issued (出具虚假证书). */
    FALSE_CERTIFICATE,
    /** A cheating device (作弊器具). */
    CHEATING_DEVICE
}
