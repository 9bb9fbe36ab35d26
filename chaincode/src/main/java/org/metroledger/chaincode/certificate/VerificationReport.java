package org.metroledger.chaincode.certificate;

import java.util.List;

/**
 * The verification of one certificate as of an instant: every check, the verdict, the certificate
 * itself (absent when NOT_FOUND), the ledger evidence and, once superseded, the successor.
 * {@code stableUntil}: until that instant (forever when absent) every later {@code at} gets the
 * same verdict and checks, as long as the ledger's state does not change.
 */
public record VerificationReport(
        String id,
        String at,
        String digest,
        Verdict verdict,
        List<VerificationCheck> checks,
        Certificate certificate,
        LedgerEvidence evidence,
        String successor,
        String stableUntil) {

    public boolean valid() {
        return verdict == Verdict.VALID;
    }
}
