package org.metroledger.chaincode.signature;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import org.metroledger.chaincode.error.Fail;

/**
 * ECDSA P-256 (SHA-256) signatures by laboratories, over certificates and QR payloads. Keys travel
 * as PEM SubjectPublicKeyInfo; signatures as base64url (no padding) of the DER encoding.
 */
public final class LabSignature {
    private static final String ALGORITHM = "SHA256withECDSA";
    private static final int P256_BITS = 256;

    private LabSignature() {}

    /** Parses a lab's PEM public key, refusing anything but an EC P-256 key. */
    public static PublicKey publicKey(String field, String pem) {
        if (pem == null || pem.isBlank()) {
            throw Fail.invalid(field, "is required");
        }
        if (pem.length() > 4096) {
            throw Fail.invalid(field, "is longer than 4096 characters");
        }
        String base64 = pem.replace("-----BEGIN PUBLIC KEY-----", "")
                .replace("-----END PUBLIC KEY-----", "")
                .replaceAll("\\s", "");
        try {
            PublicKey key = KeyFactory.getInstance("EC")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
            if (!(key instanceof ECPublicKey ec)
                    || ec.getParams().getCurve().getField().getFieldSize() != P256_BITS) {
                throw Fail.invalid(field, "must be an EC P-256 public key");
            }
            return key;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw Fail.invalid(field, "is not a PEM EC public key");
        }
    }

    /** A key's fingerprint, its id in a lab's key history: SHA-256 hex of its DER SubjectPublicKeyInfo. */
    public static String fingerprint(String pem) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(publicKey("publicKey", pem).getEncoded()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** The PEM form of a public key. */
    public static String pem(PublicKey key) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(key.getEncoded());
        return "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n";
    }

    public static String sign(PrivateKey key, byte[] data) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(der(key, data));
    }

    /** The DER-encoded SHA256withECDSA signature of the data, for callers with their own encoding. */
    public static byte[] der(PrivateKey key, byte[] data) {
        return P256.sign(key, data).orElseGet(() -> signedByJdk(key, data));
    }

    private static byte[] signedByJdk(PrivateKey key, byte[] data) {
        try {
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(key);
            signer.update(data);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with " + ALGORITHM, e);
        }
    }

    /** True only when the signature is well-formed and verifies; never throws for bad input. */
    public static boolean verify(PublicKey key, byte[] data, String signature) {
        if (signature == null || signature.isEmpty() || signature.length() > 200) {
            return false;
        }
        byte[] der;
        try {
            der = Base64.getUrlDecoder().decode(signature);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return P256.verify(key, data, der).orElseGet(() -> verifiedByJdk(key, data, der));
    }

    /**
     * Whether the base64url DER signature is well-formed with S in its low form. Where a signature
     * must have one spelling (QR tokens), check this beside {@link #verify}: (r, n - s) verifies too.
     */
    public static boolean isLowS(String signature) {
        if (signature == null || signature.isEmpty() || signature.length() > 200) {
            return false;
        }
        try {
            return P256.isLowS(Base64.getUrlDecoder().decode(signature));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean verifiedByJdk(PublicKey key, byte[] data, byte[] der) {
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(key);
            verifier.update(data);
            return verifier.verify(der);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
