package org.metroledger.chaincode.certificate;

import java.security.PublicKey;
import org.metroledger.chaincode.cache.BoundedCache;
import org.metroledger.chaincode.signature.LabSignature;

/**
 * Parsed lab public keys by PEM text. Verification is the consumers' hot path and parsing a key
 * costs more than hashing its text; the PEM is the key, so an entry never goes stale.
 */
final class LabKeys {
    static final BoundedCache<String, PublicKey> KEYS = new BoundedCache<>(256);

    private LabKeys() {}

    static PublicKey of(String pem) {
        return KEYS.get(pem, p -> LabSignature.publicKey("publicKey", p));
    }
}
