package org.metroledger.gateway.identity;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;

/**
 * An X.509 member of an MSP with its private key, as the gateway holds it (from its wallet, Fabric
 * CA or, embedded, the simulated CA): what signs the proposals it submits in that member's name.
 */
public record Member(String mspId, X509Certificate certificate, PrivateKey privateKey) {
    public String certificatePem() {
        return pem(certificate);
    }

    public String privateKeyPem() {
        return pem(privateKey);
    }

    /** Fabric's SerializedIdentity: the MSP id and the PEM certificate, as a proposal's creator. */
    public byte[] serializedIdentity() {
        return SerializedIdentity.newBuilder()
                .setMspid(mspId)
                .setIdBytes(com.google.protobuf.ByteString.copyFrom(certificatePem(), StandardCharsets.UTF_8))
                .build()
                .toByteArray();
    }

    static String pem(Object object) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            // PKCS#8 ("PRIVATE KEY"): the SEC1 form BC would write for a JDK EC key omits the curve,
            // so neither BC nor Fabric could read it back.
            writer.writeObject(object instanceof PrivateKey key ? new JcaPKCS8Generator(key, null) : object);
        } catch (IOException e) {
            throw new IllegalStateException(
                    "cannot PEM-encode " + object.getClass().getSimpleName(), e);
        }
        return out.toString();
    }
}
