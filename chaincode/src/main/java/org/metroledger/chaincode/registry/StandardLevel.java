package org.metroledger.chaincode.registry;

/** Where a measurement standard stands in the traceability hierarchy; PRIMARY is the national root. */
public enum StandardLevel {
    PRIMARY,
    REFERENCE,
    WORKING
}
