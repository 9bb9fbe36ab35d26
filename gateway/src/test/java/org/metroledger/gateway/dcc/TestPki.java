package org.metroledger.gateway.dcc;

import java.security.PrivateKey;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v2CRLBuilder;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.metroledger.simulation.CertificateAuthority;

/** Revocation evidence a test CA issues at test time: CRLs and OCSP responses, good or revoked. */
public final class TestPki {
    private TestPki() {}

    /**
     * A CRL of the CA, issued at {@code thisUpdate} for a week, listing the certificate given (or
     * none) as revoked at {@code revokedAt} for the RFC 5280 reason code.
     */
    public static X509CRL crl(
            CertificateAuthority ca, X509Certificate revoked, Instant revokedAt, int reason, Instant thisUpdate) {
        try {
            JcaX509v2CRLBuilder builder = new JcaX509v2CRLBuilder(ca.certificate(), Date.from(thisUpdate));
            builder.setNextUpdate(Date.from(thisUpdate.plus(Duration.ofDays(7))));
            if (revoked != null) {
                builder.addCRLEntry(revoked.getSerialNumber(), Date.from(revokedAt), reason);
            }
            return new JcaX509CRLConverter()
                    .getCRL(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(ca.privateKey())));
        } catch (Exception e) {
            throw new IllegalStateException("cannot issue a test CRL", e);
        }
    }

    /** A CRL of the CA listing no certificate. */
    public static X509CRL emptyCrl(CertificateAuthority ca, Instant thisUpdate) {
        return crl(ca, null, null, 0, thisUpdate);
    }

    /** An OCSP response (DER) signed by the CA: good, or revoked at the time for the reason. */
    public static byte[] ocsp(
            CertificateAuthority ca, X509Certificate subject, Instant revokedAt, int reason, Instant producedAt) {
        return ocsp(ca.certificate(), ca.privateKey(), ca.certificate(), subject, revokedAt, reason, producedAt);
    }

    /** An OCSP response about {@code subject} of {@code issuer}, signed by whichever key is given. */
    public static byte[] ocsp(
            X509Certificate issuer,
            PrivateKey responderKey,
            X509Certificate responder,
            X509Certificate subject,
            Instant revokedAt,
            int reason,
            Instant producedAt) {
        try {
            X509CertificateHolder issuerHolder = new JcaX509CertificateHolder(issuer);
            CertificateID id = new CertificateID(
                    new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1),
                    issuerHolder,
                    subject.getSerialNumber());
            BasicOCSPRespBuilder builder =
                    new BasicOCSPRespBuilder(new RespID(new JcaX509CertificateHolder(responder).getSubject()));
            CertificateStatus status =
                    revokedAt == null ? CertificateStatus.GOOD : new RevokedStatus(Date.from(revokedAt), reason);
            builder.addResponse(id, status, Date.from(producedAt), null, null);
            return new OCSPRespBuilder()
                    .build(
                            OCSPRespBuilder.SUCCESSFUL,
                            builder.build(
                                    new JcaContentSignerBuilder("SHA256withECDSA").build(responderKey),
                                    new X509CertificateHolder[] {new JcaX509CertificateHolder(responder)},
                                    Date.from(producedAt)))
                    .getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException("cannot issue a test OCSP response", e);
        }
    }

    /** RFC 5280 reason codes the tests use. */
    public static final int KEY_COMPROMISE = CRLReason.keyCompromise;

    public static final int SUPERSEDED = CRLReason.superseded;
}
