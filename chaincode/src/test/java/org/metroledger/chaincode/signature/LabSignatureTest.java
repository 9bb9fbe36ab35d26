package org.metroledger.chaincode.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.Random;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;
import org.junit.jupiter.api.Test;

/** Lab signatures verify exactly as the JDK's SHA256withECDSA does, on P-256 and on other curves. */
class LabSignatureTest {
    static final KeyPair P256 = keyPair("secp256r1");
    static final BigInteger N = CustomNamedCurves.getByName("secp256r1").getN();

    static KeyPair keyPair(String curve) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec(curve));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean jdkVerifies(PublicKey key, byte[] data, String signature) {
        try {
            Signature verifier = Signature.getInstance("SHA256withECDSA");
            verifier.initVerify(key);
            verifier.update(data);
            return verifier.verify(Base64.getUrlDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    static String encode(byte[] der) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(der);
    }

    @Test
    void a_signature_verifies_over_its_content_only() {
        byte[] content = "{\"id\":\"C-1\"}".getBytes(StandardCharsets.UTF_8);
        String signature = LabSignature.sign(P256.getPrivate(), content);
        assertThat(LabSignature.verify(P256.getPublic(), content, signature)).isTrue();
        assertThat(LabSignature.verify(
                        P256.getPublic(), "{\"id\":\"C-2\"}".getBytes(StandardCharsets.UTF_8), signature))
                .isFalse();
        assertThat(LabSignature.verify(keyPair("secp256r1").getPublic(), content, signature))
                .isFalse();
        assertThat(LabSignature.verify(P256.getPublic(), content, "not base64!"))
                .isFalse();
        assertThat(LabSignature.verify(P256.getPublic(), content, encode(new byte[] {0x30, 0x00})))
                .isFalse();
    }

    @Test
    void our_signatures_verify_with_the_jdk_and_depend_only_on_key_and_content() {
        byte[] content = "{\"block\":7}".getBytes(StandardCharsets.UTF_8);
        String signature = LabSignature.sign(P256.getPrivate(), content);
        assertThat(jdkVerifies(P256.getPublic(), content, signature)).isTrue();
        assertThat(LabSignature.sign(P256.getPrivate(), content)).isEqualTo(signature);
        assertThat(LabSignature.sign(P256.getPrivate(), "other".getBytes(StandardCharsets.UTF_8)))
                .isNotEqualTo(signature);
    }

    @Test
    void every_tampered_signature_gets_the_jdks_answer() throws Exception {
        Random random = new Random(7);
        for (int i = 0; i < 200; i++) {
            byte[] content = new byte[1 + random.nextInt(500)];
            random.nextBytes(content);
            byte[] der = Base64.getUrlDecoder().decode(LabSignature.sign(P256.getPrivate(), content));
            if (i % 2 == 1) {
                der[random.nextInt(der.length)] ^= (byte) (1 << random.nextInt(8));
            }
            String signature = encode(der);
            assertThat(LabSignature.verify(P256.getPublic(), content, signature))
                    .as("case %d", i)
                    .isEqualTo(jdkVerifies(P256.getPublic(), content, signature));
        }
    }

    @Test
    void the_high_s_twin_and_non_canonical_encodings_get_the_jdks_answer() throws Exception {
        byte[] content = "twin".getBytes(StandardCharsets.UTF_8);
        byte[] der = Base64.getUrlDecoder().decode(LabSignature.sign(P256.getPrivate(), content));
        BigInteger[] rs = StandardDSAEncoding.INSTANCE.decode(N, der);
        String twin = encode(StandardDSAEncoding.INSTANCE.encode(N, rs[0], N.subtract(rs[1])));
        assertThat(LabSignature.verify(P256.getPublic(), content, twin))
                .isEqualTo(jdkVerifies(P256.getPublic(), content, twin));
        byte[] trailing = java.util.Arrays.copyOf(der, der.length + 1);
        assertThat(LabSignature.verify(P256.getPublic(), content, encode(trailing)))
                .isEqualTo(jdkVerifies(P256.getPublic(), content, encode(trailing)))
                .isFalse();
        String outOfRange =
                encode(new DERSequence(new ASN1Integer[] {new ASN1Integer(rs[0]), new ASN1Integer(N)}).getEncoded());
        assertThat(LabSignature.verify(P256.getPublic(), content, outOfRange)).isFalse();
    }

    @Test
    void a_key_of_another_curve_is_verified_by_the_jdk() {
        KeyPair p384 = keyPair("secp384r1");
        byte[] content = "other curve".getBytes(StandardCharsets.UTF_8);
        String signature = LabSignature.sign(p384.getPrivate(), content);
        assertThat(LabSignature.verify(p384.getPublic(), content, signature)).isTrue();
        assertThat(LabSignature.verify(p384.getPublic(), "tampered".getBytes(StandardCharsets.UTF_8), signature))
                .isFalse();
    }
}
