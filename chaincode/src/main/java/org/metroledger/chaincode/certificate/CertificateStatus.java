package org.metroledger.chaincode.certificate;

/** A certificate's lifecycle: it leaves ACTIVE at most once, to SUPERSEDED or REVOKED. */
public enum CertificateStatus {
    ACTIVE,
    SUPERSEDED,
    REVOKED
}
