package org.metroledger.chaincode.certificate;

import java.util.List;

/**
 * The verification of one certificate as of an instant: every check, the verdict, the certificate
 * itself (absent when NOT_FOUND), the ledger evidence and, once superseded, the successor.
 */
public record VerificationReport(
        String id,
        String at,
        String digest,
        Verdict verdict,
        List<VerificationCheck> checks,
        Certificate certificate,
        LedgerEvidence evidence,
        String successor) {

    public boolean valid() {
        return verdict == Verdict.VALID;
    }
}
