package org.metroledger.chaincode.registry;

/** Whether a lab may issue certificates. */
public enum LabStatus {
    ACTIVE,
    SUSPENDED,
    WITHDRAWN
}
