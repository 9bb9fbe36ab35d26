package org.metroledger.chaincode.registry;

/** What a certificate is about: a market entity's instrument or a lab's measurement standard. */
public enum SubjectType {
    INSTRUMENT,
    STANDARD
}
