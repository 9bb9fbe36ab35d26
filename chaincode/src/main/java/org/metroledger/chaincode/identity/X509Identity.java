package org.metroledger.chaincode.identity;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import org.metroledger.chaincode.error.Fail;

/** The parts of an X.509 member certificate the ledger uses to recognise a caller. */
public record X509Identity(String subject, String issuer, boolean hasAdminOu) {
    public static X509Identity of(X509Certificate certificate) {
        String subject = certificate.getSubjectX500Principal().getName();
        return new X509Identity(subject, certificate.getIssuerX500Principal().getName(), hasOu(subject, "admin"));
    }

    /** Parses a PEM certificate given by a caller; INVALID_ARGUMENT naming the field otherwise. */
    public static X509Identity fromPem(String field, String pem) {
        return of(certificate(field, pem));
    }

    /** The PEM certificate a caller gave; INVALID_ARGUMENT naming the field otherwise. */
    public static X509Certificate certificate(String field, String pem) {
        if (pem == null || pem.isBlank()) {
            throw Fail.invalid(field, "is required");
        }
        if (pem.length() > 16_384) {
            throw Fail.invalid(field, "is longer than 16384 characters");
        }
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            return (X509Certificate)
                    factory.generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.UTF_8)));
        } catch (CertificateException | RuntimeException e) {
            throw Fail.invalid(field, "is not a PEM X.509 certificate");
        }
    }

    /** Fabric's client id form: x509::subject::issuer. */
    public String id() {
        return "x509::" + subject + "::" + issuer;
    }

    /** A short, key-safe fingerprint of the id, for the participant index. */
    public String key() {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(id().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean hasOu(String subject, String ou) {
        try {
            for (Rdn rdn : new LdapName(subject).getRdns()) {
                if ("OU".equalsIgnoreCase(rdn.getType()) && ou.equalsIgnoreCase(String.valueOf(rdn.getValue()))) {
                    return true;
                }
            }
            return false;
        } catch (InvalidNameException e) {
            return false;
        }
    }
}
