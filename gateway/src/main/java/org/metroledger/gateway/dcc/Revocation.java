package org.metroledger.gateway.dcc;

import static org.metroledger.gateway.dcc.Elements.XADES;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.cert.CRLReason;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.metroledger.gateway.dcc.DccSignatureVerifier.Refusal;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The revocation status of a DCC's signer at the signing time, from the evidence a long-term
 * signature carries ({@code xades:RevocationValues}: OCSP responses, read and checked with Bouncy
 * Castle, and CRLs, read and checked with the JDK's {@link X509CRL}), else from the CRLs of the trust
 * store. Evidence counts only when its issuer's signature verifies: an OCSP response signed by the
 * signer's CA, or by a responder certificate that CA issued for OCSP signing; a CRL signed by the
 * CA. A status is known at the signing time S when a revocation at or before S is stated (revoked),
 * or when evidence states none and was produced at or after S, or was current at S (thisUpdate
 * before S, nextUpdate after it, as PKIX takes a CRL): good. A
 * revocation after S for key or CA compromise counts as revoked all the same, because without a
 * signature time-stamp S is only the signer's own claim, and a stolen key can claim any time.
 */
final class Revocation {
    private final List<byte[]> ocspResponses;
    private final List<X509CRL> crls;
    private final List<String> ignored = new ArrayList<>();

    private Revocation(List<byte[]> ocspResponses, List<X509CRL> crls) {
        this.ocspResponses = ocspResponses;
        this.crls = crls;
    }

    /** The status as known at {@code at}, or why it is not. */
    sealed interface Status {
        String describe();
    }

    record Good(String source) implements Status {
        @Override
        public String describe() {
            return "GOOD (" + source + ")";
        }
    }

    record Revoked(Instant at, String reason, String source) implements Status {
        @Override
        public String describe() {
            return "REVOKED at " + at + ", reason " + reason + " (" + source + ")";
        }
    }

    record Unknown(String why) implements Status {
        @Override
        public String describe() {
            return "UNKNOWN (" + why + ")";
        }
    }

    /**
     * The OCSP responses and CRLs of a signature's {@code xades:RevocationValues} (wherever they sit
     * in its unsigned properties), then the CRLs given.
     */
    static Revocation evidence(Element signature, List<X509CRL> trustStoreCrls) throws Refusal {
        List<byte[]> ocsp = new ArrayList<>();
        for (Element value : encapsulated(signature, "EncapsulatedOCSPValue")) {
            ocsp.add(decode(value, "xades:EncapsulatedOCSPValue"));
        }
        List<X509CRL> crls = new ArrayList<>();
        for (Element value : encapsulated(signature, "EncapsulatedCRLValue")) {
            crls.add(crl(decode(value, "xades:EncapsulatedCRLValue"), "xades:EncapsulatedCRLValue"));
        }
        crls.addAll(trustStoreCrls);
        return new Revocation(ocsp, crls);
    }

    /** The certificates of the signature's {@code xades:CertificateValues}, for building the chain. */
    static List<X509Certificate> certificateValues(Element signature) throws Refusal {
        List<X509Certificate> certificates = new ArrayList<>();
        for (Element value : encapsulated(signature, "EncapsulatedX509Certificate")) {
            try {
                certificates.addAll(TrustedCertificates.parse(decode(value, "xades:EncapsulatedX509Certificate")));
            } catch (CertificateException e) {
                throw new Refusal("xades:EncapsulatedX509Certificate is no X.509 certificate: " + e.getMessage());
            }
        }
        return certificates;
    }

    /** Reads a CRL (DER or PEM) with the JDK. */
    static X509CRL crl(byte[] encoded, String where) throws Refusal {
        try {
            return (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(encoded));
        } catch (GeneralSecurityException e) {
            throw new Refusal(where + " is no X.509 CRL: " + e.getMessage());
        }
    }

    Status of(X509Certificate signer, X509Certificate issuer, Instant at) {
        List<Status> found = new ArrayList<>();
        for (byte[] response : ocspResponses) {
            ocsp(response, signer, issuer, at).ifPresent(found::add);
        }
        for (X509CRL crl : crls) {
            crl(crl, signer, issuer, at).ifPresent(found::add);
        }
        Optional<Status> revoked =
                found.stream().filter(s -> s instanceof Revoked).findFirst();
        if (revoked.isPresent()) {
            return revoked.get();
        }
        Optional<Status> good = found.stream().filter(s -> s instanceof Good).findFirst();
        if (good.isPresent()) {
            return good.get();
        }
        String why = "no OCSP response or CRL from the signer's issuer, produced at or after " + at
                + ", or current then, states it; " + ocspResponses.size() + " OCSP response(s) and " + crls.size()
                + " CRL(s) looked at";
        return new Unknown(ignored.isEmpty() ? why : why + "; ignored: " + String.join("; ", ignored));
    }

    private Optional<Status> ocsp(byte[] encoded, X509Certificate signer, X509Certificate issuer, Instant at) {
        try {
            OCSPResp response = new OCSPResp(encoded);
            if (response.getStatus() != OCSPResp.SUCCESSFUL) {
                ignored.add("an OCSP response of status " + response.getStatus());
                return Optional.empty();
            }
            BasicOCSPResp basic = (BasicOCSPResp) response.getResponseObject();
            Optional<String> responder = verifiedResponder(basic, issuer);
            if (responder.isEmpty()) {
                ignored.add("an OCSP response whose signature is not the signer's CA's or its OCSP responder's");
                return Optional.empty();
            }
            DigestCalculatorProvider digests = new JcaDigestCalculatorProviderBuilder().build();
            X509CertificateHolder issuerHolder = new JcaX509CertificateHolder(issuer);
            BigInteger serial = signer.getSerialNumber();
            for (SingleResp single : basic.getResponses()) {
                CertificateID id = single.getCertID();
                if (!id.getSerialNumber().equals(serial) || !id.matchesIssuer(issuerHolder, digests)) {
                    continue;
                }
                String source = "OCSP response by " + responder.get() + " of "
                        + single.getThisUpdate().toInstant();
                Instant next = single.getNextUpdate() == null
                        ? null
                        : single.getNextUpdate().toInstant();
                return Optional.ofNullable(judge(
                        single.getCertStatus(), covers(single.getThisUpdate().toInstant(), next, at), at, source));
            }
            return Optional.empty();
        } catch (IOException | OCSPException | OperatorCreationException | CertificateException e) {
            ignored.add("an unreadable OCSP response (" + e.getMessage() + ")");
            return Optional.empty();
        }
    }

    /** Who signed the response, when it is the CA itself or a responder the CA delegated OCSP signing to. */
    private static Optional<String> verifiedResponder(BasicOCSPResp basic, X509Certificate issuer)
            throws OperatorCreationException, OCSPException, CertificateException {
        if (basic.isSignatureValid(new JcaContentVerifierProviderBuilder().build(issuer.getPublicKey()))) {
            return Optional.of(issuer.getSubjectX500Principal().getName());
        }
        for (X509CertificateHolder holder : basic.getCerts()) {
            X509Certificate responder = new JcaX509CertificateConverter().getCertificate(holder);
            try {
                responder.verify(issuer.getPublicKey());
                List<String> usages = responder.getExtendedKeyUsage();
                if (usages != null
                        && usages.contains(KeyPurposeId.id_kp_OCSPSigning.getId())
                        && basic.isSignatureValid(
                                new JcaContentVerifierProviderBuilder().build(responder.getPublicKey()))) {
                    return Optional.of(responder.getSubjectX500Principal().getName());
                }
            } catch (GeneralSecurityException e) {
                // Not issued by the signer's CA: this certificate vouches for nothing here.
            }
        }
        return Optional.empty();
    }

    private Optional<Status> crl(X509CRL crl, X509Certificate signer, X509Certificate issuer, Instant at) {
        if (!crl.getIssuerX500Principal().equals(signer.getIssuerX500Principal())) {
            return Optional.empty();
        }
        try {
            crl.verify(issuer.getPublicKey());
        } catch (GeneralSecurityException e) {
            ignored.add("a CRL of " + crl.getIssuerX500Principal().getName() + " whose signature does not verify");
            return Optional.empty();
        }
        Instant thisUpdate = crl.getThisUpdate().toInstant();
        boolean covers = covers(
                thisUpdate,
                crl.getNextUpdate() == null ? null : crl.getNextUpdate().toInstant(),
                at);
        String source = "CRL of " + crl.getIssuerX500Principal().getName() + " of " + thisUpdate;
        X509CRLEntry entry = crl.getRevokedCertificate(signer);
        if (entry == null) {
            return Optional.ofNullable(covers ? new Good(source) : null);
        }
        CRLReason reason = entry.getRevocationReason();
        Instant revokedAt = entry.getRevocationDate().toInstant();
        if (reason == CRLReason.REMOVE_FROM_CRL) {
            return Optional.ofNullable(covers ? new Good(source) : null);
        }
        return Optional.ofNullable(revoked(revokedAt, reason == null ? "unspecified" : name(reason), at, source));
    }

    /** An OCSP single response's status, as known at {@code at}; null when it says nothing of then. */
    private static Status judge(CertificateStatus status, boolean covers, Instant at, String source) {
        if (status == CertificateStatus.GOOD) {
            return covers ? new Good(source) : null;
        }
        if (status instanceof RevokedStatus revoked) {
            int code = revoked.hasRevocationReason() ? revoked.getRevocationReason() : 0;
            String reason =
                    code > 0 && code < CRLReason.values().length ? name(CRLReason.values()[code]) : "unspecified";
            return revoked(revoked.getRevocationTime().toInstant(), reason, at, source);
        }
        return null;
    }

    /**
     * Whether evidence of {@code thisUpdate} (valid until {@code nextUpdate}) tells the status at
     * {@code at}: produced then or later, or current then, as PKIX takes a CRL in its validity period.
     */
    private static boolean covers(Instant thisUpdate, Instant nextUpdate, Instant at) {
        return !thisUpdate.isBefore(at) || (nextUpdate != null && nextUpdate.isAfter(at));
    }

    private static Status revoked(Instant revokedAt, String reason, Instant at, String source) {
        boolean compromise = reason.equals("keyCompromise") || reason.equals("cACompromise");
        if (!revokedAt.isAfter(at) || compromise) {
            return new Revoked(revokedAt, reason, source);
        }
        // Revoked only after signing, for a reason that does not cast doubt on earlier signatures.
        return new Good(source + ": revoked only at " + revokedAt + " (" + reason + ")");
    }

    /** RFC 5280's name of a reason: keyCompromise, cACompromise, superseded, ... */
    private static String name(CRLReason reason) {
        return switch (reason) {
            case KEY_COMPROMISE -> "keyCompromise";
            case CA_COMPROMISE -> "cACompromise";
            case AFFILIATION_CHANGED -> "affiliationChanged";
            case SUPERSEDED -> "superseded";
            case CESSATION_OF_OPERATION -> "cessationOfOperation";
            case CERTIFICATE_HOLD -> "certificateHold";
            case REMOVE_FROM_CRL -> "removeFromCRL";
            case PRIVILEGE_WITHDRAWN -> "privilegeWithdrawn";
            case AA_COMPROMISE -> "aACompromise";
            default -> "unspecified";
        };
    }

    private static List<Element> encapsulated(Element signature, String localName) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = signature.getElementsByTagNameNS(XADES, localName);
        for (int i = 0; i < nodes.getLength(); i++) {
            found.add((Element) nodes.item(i));
        }
        return found;
    }

    private static byte[] decode(Element value, String where) throws Refusal {
        try {
            return Base64.getMimeDecoder().decode(value.getTextContent().strip());
        } catch (IllegalArgumentException e) {
            throw new Refusal(where + " is not base64: " + e.getMessage());
        }
    }
}
