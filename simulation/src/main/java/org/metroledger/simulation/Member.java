package org.metroledger.simulation;

import com.google.protobuf.ByteString;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;

/**
 * An X.509 member of a simulated MSP with its private key: what signs a simulated proposal. The
 * gateway holds its members as its own type; this one is the simulation's and the tests'.
 */
public record Member(String mspId, X509Certificate certificate, PrivateKey privateKey) {
    /** Fabric's SerializedIdentity: the MSP id and the PEM certificate, as a proposal's creator. */
    public byte[] serializedIdentity() {
        SerializedIdentity creator = SerializedIdentity.newBuilder()
                .setMspid(mspId)
                .setIdBytes(ByteString.copyFromUtf8(certificatePem()))
                .build();
        return creator.toByteArray();
    }

    public String certificatePem() {
        try {
            return pem("CERTIFICATE", certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("cannot encode a certificate of " + mspId, e);
        }
    }

    /**
     * RFC 7468 text laid out as Bouncy Castle's PEM writer lays it out (64 columns, LF), so the
     * creator bytes match those of the gateway's members. A private key is PKCS#8 ("PRIVATE KEY").
     */
    static String pem(String label, byte[] der) {
        String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
    }
}
