package org.metroledger.chaincode.certificate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.List;
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

    private SignedContent() {}

    public static byte[] bytes(Certificate certificate) {
        ObjectNode tree = Canonical.mapper().valueToTree(certificate);
        // The mapper writes properties sorted, and retain keeps that order.
        tree.retain(FIELDS);
        return Canonical.bytes(tree);
    }

    /** True when the certificate's signature verifies under the lab's PEM public key. */
    public static boolean verifies(String labPublicKeyPem, Certificate certificate) {
        return LabSignature.verify(LabKeys.of(labPublicKeyPem), bytes(certificate), certificate.signature());
    }
}
