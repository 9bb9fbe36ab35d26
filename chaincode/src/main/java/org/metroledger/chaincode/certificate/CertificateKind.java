package org.metroledger.chaincode.certificate;

/** Legal verification (检定, pass/fail) or calibration (校准, results with uncertainty). */
public enum CertificateKind {
    VERIFICATION,
    CALIBRATION
}
