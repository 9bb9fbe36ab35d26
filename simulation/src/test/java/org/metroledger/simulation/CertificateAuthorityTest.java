package org.metroledger.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.time.Instant;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.junit.jupiter.api.Test;

/** The certificates our CAs issue are ones Fabric's MSP keeps as they are. */
class CertificateAuthorityTest {
    private static final BigInteger HALF_ORDER =
            new BigInteger("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", 16).shiftRight(1);

    @Test
    void everyCertificateSignatureIsLowSAndVerifies() throws Exception {
        CertificateAuthority ca =
                CertificateAuthority.create("NorthMSP", "north", Instant.parse("2025-01-01T00:00:00Z"));
        X509Certificate root = ca.certificate();
        assertThat(isLowS(root)).isTrue();
        // Half of all ECDSA signatures are high-S before normalising: 64 in a row low-S cannot be luck.
        for (int i = 0; i < 64; i++) {
            X509Certificate member = ca.issue("user" + i, "client", Instant.parse("2025-01-01T00:00:00Z"))
                    .certificate();
            member.verify(root.getPublicKey());
            assertThat(isLowS(member)).as("certificate %d", i).isTrue();
        }
    }

    private static boolean isLowS(X509Certificate certificate) {
        ASN1Sequence rs = ASN1Sequence.getInstance(certificate.getSignature());
        BigInteger s = ASN1Integer.getInstance(rs.getObjectAt(1)).getValue();
        return s.compareTo(HALF_ORDER) <= 0;
    }
}
