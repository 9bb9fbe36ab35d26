package org.metroledger.chaincode.registry;

/** Whether an engagement may still be used by a certificate. */
public enum EngagementStatus {
    OPEN,
    USED,
    WITHDRAWN
}
