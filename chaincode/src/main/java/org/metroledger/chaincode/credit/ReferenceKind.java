package org.metroledger.chaincode.credit;

/** The kind of ledger record a credit event rests on. */
public enum ReferenceKind {
    INSPECTION,
    CERTIFICATE,
    DRAW,
    COMMITMENT
}
