package org.metroledger.chaincode.certificate;

import java.time.Instant;
import java.util.Locale;
import org.metroledger.chaincode.json.Check;
import org.metroledger.chaincode.state.RecordStore;

/**
 * The verification verdict of a certificate, for the certificate contract and for any other
 * contract that must judge one (cross-recognition). Reads only; NOT_FOUND is a verdict, not an error.
 */
public final class CertificateVerification {
    private CertificateVerification() {}

    /**
     * Verifies a certificate as of an instant.
     *
     * @param digest the SHA-256 hex of the document in hand (any case), or null to skip the comparison
     * @throws org.hyperledger.fabric.shim.ChaincodeException INVALID_ARGUMENT for a malformed id or digest
     */
    public static VerificationReport verify(RecordStore store, String id, String digest, Instant at) {
        return verify(new StoreLookup(store), id, digest, at);
    }

    /** The same over any lookup, so other contracts' rules can be tested without Fabric. */
    public static VerificationReport verify(CertificateLookup lookup, String id, String digest, Instant at) {
        Check.id("id", id);
        String normalised = digest == null ? null : Check.sha256("digest", digest.toLowerCase(Locale.ROOT));
        Check.required("at", at);
        return new Verifier(lookup).verify(id, normalised, at);
    }
}
