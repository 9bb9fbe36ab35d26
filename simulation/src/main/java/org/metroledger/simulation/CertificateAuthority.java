package org.metroledger.simulation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;
import org.bouncycastle.operator.ContentSigner;

/**
 * An organisation's certificate authority (ECDSA P-256), issuing member certificates with Fabric's
 * NodeOU organisational units (admin, client, peer, orderer).
 */
public final class CertificateAuthority {
    private static final Duration VALIDITY = Duration.ofDays(3650);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String mspId;
    private final X509Certificate certificate;
    private final PrivateKey privateKey;

    private CertificateAuthority(String mspId, X509Certificate certificate, PrivateKey privateKey) {
        this.mspId = mspId;
        this.certificate = certificate;
        this.privateKey = privateKey;
    }

    /** Creates a new self-signed CA for an MSP. */
    public static CertificateAuthority create(String mspId, String organisation, Instant notBefore) {
        KeyPair keys = newKeyPair();
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, "CN")
                .addRDN(BCStyle.O, organisation)
                .addRDN(BCStyle.CN, "ca." + organisation)
                .build();
        try {
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                            subject,
                            serial(),
                            Date.from(notBefore),
                            Date.from(notBefore.plus(VALIDITY)),
                            subject,
                            keys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                    .addExtension(
                            Extension.keyUsage,
                            true,
                            new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature));
            return new CertificateAuthority(mspId, sign(builder, keys.getPrivate()), keys.getPrivate());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot build CA certificate", e);
        }
    }

    /** Restores a CA from its stored certificate and key. */
    public static CertificateAuthority of(String mspId, X509Certificate certificate, PrivateKey privateKey) {
        return new CertificateAuthority(mspId, certificate, privateKey);
    }

    /** Issues a member certificate; {@code nodeOu} is admin, client, peer or orderer. */
    public Member issue(String commonName, String nodeOu, Instant notBefore) {
        KeyPair keys = newKeyPair();
        X500Name issuer =
                X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, "CN")
                .addRDN(BCStyle.OU, nodeOu)
                .addRDN(BCStyle.CN, commonName)
                .build();
        try {
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                            issuer,
                            serial(),
                            Date.from(notBefore),
                            Date.from(notBefore.plus(VALIDITY)),
                            subject,
                            keys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            return new Member(mspId, sign(builder, privateKey), keys.getPrivate());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot build member certificate", e);
        }
    }

    public String mspId() {
        return mspId;
    }

    public X509Certificate certificate() {
        return certificate;
    }

    public PrivateKey privateKey() {
        return privateKey;
    }

    public String certificatePem() {
        return new Member(mspId, certificate, privateKey).certificatePem();
    }

    public String privateKeyPem() {
        return Member.pem("PRIVATE KEY", privateKey.getEncoded());
    }

    /** A fresh ECDSA P-256 key pair, the curve Fabric and our certificate signatures use. */
    public static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("P-256 is not available", e);
        }
    }

    private static BigInteger serial() {
        return new BigInteger(128, RANDOM);
    }

    /**
     * Signs low-S: Fabric's MSP accepts a high-S certificate signature only by rewriting the
     * certificate, so certificates we issue carry the form it keeps.
     */
    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey key) {
        try {
            return new JcaX509CertificateConverter().getCertificate(builder.build(new LowSSigner(key)));
        } catch (java.security.cert.CertificateException e) {
            throw new IllegalStateException("cannot sign certificate", e);
        }
    }

    /** SHA256withECDSA over what the certificate builder writes, signed once it has all of it. */
    private static final class LowSSigner implements ContentSigner {
        private static final AlgorithmIdentifier SHA256_WITH_ECDSA =
                new AlgorithmIdentifier(X9ObjectIdentifiers.ecdsa_with_SHA256);
        private final PrivateKey key;
        private final ByteArrayOutputStream content = new ByteArrayOutputStream();

        LowSSigner(PrivateKey key) {
            this.key = key;
        }

        @Override
        public AlgorithmIdentifier getAlgorithmIdentifier() {
            return SHA256_WITH_ECDSA;
        }

        @Override
        public OutputStream getOutputStream() {
            return content;
        }

        /** The JDK's signature with S folded to its low form: (r, n - s) verifies as (r, s) does. */
        @Override
        public byte[] getSignature() {
            try {
                Signature signature = Signature.getInstance("SHA256withECDSA");
                signature.initSign(key);
                signature.update(content.toByteArray());
                BigInteger order = ((ECPrivateKey) key).getParams().getOrder();
                BigInteger[] rs = StandardDSAEncoding.INSTANCE.decode(order, signature.sign());
                BigInteger low = rs[1].min(order.subtract(rs[1]));
                return StandardDSAEncoding.INSTANCE.encode(order, rs[0], low);
            } catch (GeneralSecurityException | IOException e) {
                throw new IllegalStateException("cannot sign a certificate with a P-256 key", e);
            }
        }
    }
}
