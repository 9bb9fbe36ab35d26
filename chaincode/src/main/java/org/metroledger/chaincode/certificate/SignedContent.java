package org.metroledger.chaincode.certificate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.metroledger.chaincode.cache.BoundedCache;
import org.metroledger.chaincode.json.Canonical;
import org.metroledger.chaincode.signature.LabSignature;

/**
 * What a lab's certificate signature covers: the canonical JSON (sorted keys, no whitespace,
 * absent fields omitted, never written as null) of its request without the signature, that is of
 * the certificate's fields that are {@link CertificateRequest} components other than
 * {@code signature}. Issue and Verify both check through here, so they cannot disagree.
 */
public final class SignedContent {
    /** Derived from the request type, so a field added to requests is signed without further change. */
    static final List<String> FIELDS = Arrays.stream(CertificateRequest.class.getRecordComponents())
            .map(java.lang.reflect.RecordComponent::getName)
            .filter(name -> !name.equals("signature"))
            .sorted()
            .toList();

    /**
     * Outcomes by a 64-character digest: about 150 bytes each, so 262,144 take about 40 MB of a
     * peer's heap and spare the ECDSA check for a quarter of a million certificates.
     */
    static final BoundedCache<String, Boolean> OUTCOMES = new BoundedCache<>(262_144);
    /** Signed content by certificate: a pure function of the record's values, costly to serialise. */
    private static final BoundedCache<Certificate, byte[]> CONTENT = new BoundedCache<>(4096);

    private SignedContent() {}

    public static byte[] bytes(Certificate certificate) {
        ObjectNode tree = Canonical.mapper().valueToTree(certificate);
        // The mapper writes properties sorted, and retain keeps that order.
        tree.retain(FIELDS);
        return Canonical.bytes(tree);
    }

    /**
     * True when the certificate's signature verifies under the lab's PEM public key. The outcome is
     * remembered by a digest of key, content and signature: consumers verify the same certificates
     * over and over, and the ECDSA check costs far more than the rest of a verification.
     */
    public static boolean verifies(String labPublicKeyPem, Certificate certificate) {
        // Shared between callers: only hashed and verified, never changed.
        byte[] content = CONTENT.get(certificate, SignedContent::bytes);
        String signature = certificate.signature();
        return OUTCOMES.get(
                outcomeKey(labPublicKeyPem, content, signature),
                k -> LabSignature.verify(LabKeys.of(labPublicKeyPem), content, signature));
    }

    private static String outcomeKey(String pem, byte[] content, String signature) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            // Lengths first, so no two different triples run together into the same bytes.
            byte[] pemBytes = pem.getBytes(StandardCharsets.UTF_8);
            byte[] signatureBytes = String.valueOf(signature).getBytes(StandardCharsets.UTF_8);
            sha256.update(ByteBuffer.allocate(12)
                    .putInt(pemBytes.length)
                    .putInt(content.length)
                    .putInt(signatureBytes.length)
                    .array());
            sha256.update(pemBytes);
            sha256.update(content);
            sha256.update(signatureBytes);
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
