package org.metroledger.chaincode.certificate;

/** The conformity statement; NONE only for a calibration that states no decision. */
public enum Conformity {
    PASS,
    FAIL,
    NONE
}
