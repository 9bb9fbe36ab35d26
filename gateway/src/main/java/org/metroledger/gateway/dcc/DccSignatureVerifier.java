package org.metroledger.gateway.dcc;

import static org.metroledger.gateway.dcc.Elements.DS;

import java.security.GeneralSecurityException;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertStore;
import java.security.cert.CertificateException;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXCertPathBuilderResult;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.xml.security.Init;
import org.apache.xml.security.exceptions.XMLSecurityException;
import org.apache.xml.security.signature.Reference;
import org.apache.xml.security.signature.SignedInfo;
import org.apache.xml.security.signature.VerifiedReference;
import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.transforms.Transforms;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Verifies the enveloped XML-DSig/XAdES signatures of a DCC: every reference digest, the signature
 * value, and the signer's chain to the trusted certificates at the signed XAdES signing time (the
 * long-term validation rule: a signer whose certificate has expired since still signed validly),
 * and the signer's revocation status at that time ({@link Revocation}): revoked then is INVALID,
 * and a status that cannot be established is INVALID unless the operator allows it.
 */
public final class DccSignatureVerifier {
    static {
        Init.init();
    }

    private final TrustedCertificates trust;
    private final Clock clock;
    private final String signedOnly;
    private final String unknownRevocationAllowed;

    /**
     * @param clock gives the time to validate the chain at when a signature carries no signed
     *     signing time
     */
    public DccSignatureVerifier(TrustedCertificates trust, Clock clock) {
        this(trust, clock, null, null);
    }

    /**
     * @param signedOnly why an unsigned document is INVALID here, or null when it is acceptable
     * @param unknownRevocationAllowed why a signer of unknown revocation status is accepted here (the
     *     operator's switch), or null when it is refused
     */
    DccSignatureVerifier(TrustedCertificates trust, Clock clock, String signedOnly, String unknownRevocationAllowed) {
        this.trust = trust;
        this.clock = clock;
        this.signedOnly = signedOnly;
        this.unknownRevocationAllowed = unknownRevocationAllowed;
    }

    /**
     * UNSIGNED when the document has no ds:Signature (INVALID where signatures are required);
     * INVALID when any signature fails.
     */
    public SignatureCheck verify(byte[] document) {
        Document dom = SafeXml.parse(document, "dcc");
        NodeList signatures = dom.getElementsByTagNameNS(DS, "Signature");
        if (signatures.getLength() == 0) {
            return signedOnly == null
                    ? SignatureCheck.unsigned()
                    : SignatureCheck.invalid("the DCC is unsigned: " + signedOnly);
        }
        SignatureCheck first = null;
        for (int i = 0; i < signatures.getLength(); i++) {
            SignatureCheck check = verifyOne((Element) signatures.item(i));
            if (check.isInvalid()) {
                return check;
            }
            first = first == null ? check : first;
        }
        return first;
    }

    private SignatureCheck verifyOne(Element signatureElement) {
        try {
            registerIds(signatureElement);
            XMLSignature signature = new XMLSignature(signatureElement, "", true);
            SignedInfo signedInfo = signature.getSignedInfo();
            requireWholeDocumentReference(signedInfo);
            List<X509Certificate> keyInfoCertificates = keyInfoCertificates(signatureElement);
            X509Certificate signer = signer(signature);
            if (!signature.checkSignatureValue(signer)) {
                return SignatureCheck.invalid(whyNot(signedInfo));
            }
            XadesProperties xades = XadesProperties.of(signatureElement, signedInfo);
            xades.checkSigningCertificate(signer);
            Instant at = xades.signingTime().orElseGet(clock::instant);
            List<X509Certificate> pool = new ArrayList<>(keyInfoCertificates);
            pool.addAll(Revocation.certificateValues(signatureElement));
            X509Certificate issuer = checkChain(signer, pool, at);
            String name = signer.getSubjectX500Principal().getName();
            Revocation.Status status =
                    Revocation.evidence(signatureElement, trust.crls()).of(signer, issuer, at);
            if (status instanceof Revocation.Revoked revoked) {
                return SignatureCheck.invalid("signer '" + name + "' is revoked: revoked at " + revoked.at()
                        + ", reason " + revoked.reason() + ", against the signing time " + at + " ("
                        + revoked.source() + ")");
            }
            if (status instanceof Revocation.Unknown unknown) {
                if (unknownRevocationAllowed == null) {
                    return SignatureCheck.invalid("the revocation status of signer '" + name + "' at " + at
                            + " cannot be established: " + unknown.why());
                }
                return SignatureCheck.valid(name, at, status.describe() + ", " + unknownRevocationAllowed);
            }
            return SignatureCheck.valid(name, at, status.describe());
        } catch (Refusal e) {
            return SignatureCheck.invalid(e.getMessage());
        } catch (XMLSecurityException e) {
            return SignatureCheck.invalid("signature cannot be processed: " + e.getMessage());
        }
    }

    /**
     * Marks the Id attributes inside the signature as XML IDs so same-document references such as
     * the XAdES SignedProperties resolve; ids outside the signature stay unregistered, and a
     * duplicate is refused, so a reference cannot be pointed at a look-alike element.
     */
    private static void registerIds(Element signature) throws Refusal {
        Set<String> seen = new HashSet<>();
        NodeList all = signature.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element element = (Element) all.item(i);
            if (element.hasAttributeNS(null, "Id")) {
                if (!seen.add(element.getAttributeNS(null, "Id"))) {
                    throw new Refusal("duplicate Id '" + element.getAttributeNS(null, "Id") + "' in the signature");
                }
                element.setIdAttributeNS(null, "Id", true);
            }
        }
    }

    /**
     * The transforms a whole-document reference may apply: removing the enveloped signature itself
     * and canonicalising. Any other (an XPath filter, XSLT) can take parts of the document out of
     * what is signed, which could then be edited at will.
     */
    private static final Map<String, String> COVERING_TRANSFORMS = Map.of(
            Transforms.TRANSFORM_ENVELOPED_SIGNATURE, "enveloped-signature",
            Transforms.TRANSFORM_C14N_OMIT_COMMENTS, "C14N 1.0",
            Transforms.TRANSFORM_C14N_WITH_COMMENTS, "C14N 1.0 with comments",
            Transforms.TRANSFORM_C14N11_OMIT_COMMENTS, "C14N 1.1",
            Transforms.TRANSFORM_C14N11_WITH_COMMENTS, "C14N 1.1 with comments",
            Transforms.TRANSFORM_C14N_EXCL_OMIT_COMMENTS, "exclusive C14N",
            Transforms.TRANSFORM_C14N_EXCL_WITH_COMMENTS, "exclusive C14N with comments");

    /** Names for the transforms a refusal may name; others are named by their URI alone. */
    private static final Map<String, String> OTHER_TRANSFORMS = Map.of(
            Transforms.TRANSFORM_XPATH2FILTER, "XPath Filter 2.0",
            Transforms.TRANSFORM_XPATH, "XPath",
            Transforms.TRANSFORM_XSLT, "XSLT",
            Transforms.TRANSFORM_BASE64_DECODE, "base64");

    /**
     * A signature must cover the whole document, or the DCC's content is unsigned: at least one
     * reference has URI="" with the enveloped-signature transform, and every URI="" reference
     * applies only that and canonicalisation.
     */
    private static void requireWholeDocumentReference(SignedInfo signedInfo) throws XMLSecurityException, Refusal {
        boolean covered = false;
        for (int i = 0; i < signedInfo.getLength(); i++) {
            Reference reference = signedInfo.item(i);
            if (!"".equals(reference.getURI())) {
                continue;
            }
            Transforms transforms = reference.getTransforms();
            boolean enveloped = false;
            for (int t = 0; transforms != null && t < transforms.getLength(); t++) {
                String uri = transforms.item(t).getURI();
                if (!COVERING_TRANSFORMS.containsKey(uri)) {
                    String name =
                            OTHER_TRANSFORMS.containsKey(uri) ? OTHER_TRANSFORMS.get(uri) + " (" + uri + ")" : uri;
                    throw new Refusal("the whole-document reference (URI=\"\") has a transform other than"
                            + " enveloped-signature and canonicalisation: " + name);
                }
                enveloped |= Transforms.TRANSFORM_ENVELOPED_SIGNATURE.equals(uri);
            }
            if (!enveloped) {
                throw new Refusal("the whole-document reference (URI=\"\") lacks the enveloped-signature transform");
            }
            covered = true;
        }
        if (!covered) {
            throw new Refusal("no reference covers the whole document (URI=\"\")");
        }
    }

    private static List<X509Certificate> keyInfoCertificates(Element signature) throws Refusal {
        List<X509Certificate> certificates = new ArrayList<>();
        NodeList encoded = signature.getElementsByTagNameNS(DS, "X509Certificate");
        for (int i = 0; i < encoded.getLength(); i++) {
            try {
                byte[] der = Base64.getMimeDecoder().decode(encoded.item(i).getTextContent());
                certificates.addAll(TrustedCertificates.parse(der));
            } catch (IllegalArgumentException | CertificateException e) {
                throw new Refusal("KeyInfo holds an unreadable X509Certificate: " + e.getMessage());
            }
        }
        return certificates;
    }

    private static X509Certificate signer(XMLSignature signature) throws XMLSecurityException, Refusal {
        if (signature.getKeyInfo() == null) {
            throw new Refusal("the signature carries no KeyInfo with the signer certificate");
        }
        X509Certificate signer = signature.getKeyInfo().getX509Certificate();
        if (signer == null) {
            throw new Refusal("KeyInfo holds no X509Certificate of the signer");
        }
        return signer;
    }

    private static String whyNot(SignedInfo signedInfo) {
        List<VerifiedReference> results = signedInfo.getVerificationResults();
        if (results == null || results.isEmpty()) {
            return "the signature value does not verify with the signer's key";
        }
        List<String> failed = results.stream()
                .filter(r -> !r.isValid())
                .map(r -> "'" + r.getUri() + "'")
                .toList();
        if (failed.isEmpty()) {
            return "the signature does not verify";
        }
        return "reference digest does not match the content (" + (results.size() - failed.size()) + " of "
                + results.size() + " references valid; failed: " + String.join(", ", failed) + ")";
    }

    /** Builds the signer's path to a trust anchor at {@code at}; answers the signer's issuer. */
    private X509Certificate checkChain(X509Certificate signer, List<X509Certificate> keyInfoCertificates, Instant at)
            throws Refusal {
        if (trust.anchors().isEmpty()) {
            throw new Refusal("this gateway trusts no DCC signer certificates; configure a DCC trust store");
        }
        try {
            X509CertSelector target = new X509CertSelector();
            target.setCertificate(signer);
            PKIXBuilderParameters parameters = new PKIXBuilderParameters(trust.anchors(), target);
            parameters.setRevocationEnabled(false);
            parameters.setDate(java.util.Date.from(at));
            List<X509Certificate> pool = new ArrayList<>(trust.intermediates());
            pool.addAll(keyInfoCertificates);
            parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(pool)));
            PKIXCertPathBuilderResult path = (PKIXCertPathBuilderResult)
                    CertPathBuilder.getInstance("PKIX").build(parameters);
            List<? extends java.security.cert.Certificate> chain =
                    path.getCertPath().getCertificates();
            return chain.size() > 1
                    ? (X509Certificate) chain.get(1)
                    : path.getTrustAnchor().getTrustedCert();
        } catch (GeneralSecurityException e) {
            throw new Refusal("signer '" + signer.getSubjectX500Principal().getName()
                    + "' does not chain to a trusted certificate at " + at + ": " + e.getMessage());
        }
    }

    /** Ends the check of one signature with the reason it is invalid. */
    static final class Refusal extends Exception {
        Refusal(String reason) {
            super(reason);
        }
    }
}
