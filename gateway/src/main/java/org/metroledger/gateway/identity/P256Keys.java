package org.metroledger.gateway.identity;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;

/** Fresh P-256 key pairs: the curve of Fabric's MSP identities and of the labs' signing keys. */
public final class P256Keys {
    /** A generator is not thread-safe; one per thread skips the provider lookup on every key. */
    private static final ThreadLocal<KeyPairGenerator> GENERATORS = ThreadLocal.withInitial(P256Keys::generator);

    private P256Keys() {}

    public static KeyPair generate() {
        return GENERATORS.get().generateKeyPair();
    }

    private static KeyPairGenerator generator() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
            return generator;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("P-256 is not available", e);
        }
    }
}
