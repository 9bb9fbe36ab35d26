package org.metroledger.chaincode.certificate;

import java.security.PublicKey;
import java.util.LinkedHashMap;
import java.util.Map;
import org.metroledger.chaincode.signature.LabSignature;

/**
 * Parsed lab public keys by PEM text. Verification is the consumers' hot path and parsing a key
 * costs more than checking a signature with it; the PEM is the key, so an entry never goes stale.
 */
final class LabKeys {
    static final int CAPACITY = 256;

    private static final Map<String, PublicKey> KEYS = new LinkedHashMap<>(CAPACITY, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PublicKey> eldest) {
            return size() > CAPACITY;
        }
    };

    private LabKeys() {}

    static PublicKey of(String pem) {
        synchronized (KEYS) {
            PublicKey key = KEYS.get(pem);
            if (key == null) {
                key = LabSignature.publicKey("publicKey", pem);
                KEYS.put(pem, key);
            }
            return key;
        }
    }

    static int size() {
        synchronized (KEYS) {
            return KEYS.size();
        }
    }
}
