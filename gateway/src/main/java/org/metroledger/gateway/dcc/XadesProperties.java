package org.metroledger.gateway.dcc;

import static org.metroledger.gateway.dcc.Elements.DS;
import static org.metroledger.gateway.dcc.Elements.XADES;
import static org.metroledger.gateway.dcc.Elements.child;
import static org.metroledger.gateway.dcc.Elements.childText;
import static org.metroledger.gateway.dcc.Elements.children;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.xml.security.exceptions.XMLSecurityException;
import org.apache.xml.security.signature.SignedInfo;
import org.metroledger.gateway.dcc.DccSignatureVerifier.Refusal;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The XAdES signed properties of a signature that count: only those a SignedInfo reference covers,
 * since unsigned properties could be rewritten by anyone.
 */
final class XadesProperties {
    private static final Map<String, String> DIGESTS = Map.of(
            "http://www.w3.org/2000/09/xmldsig#sha1", "SHA-1",
            "http://www.w3.org/2001/04/xmlenc#sha256", "SHA-256",
            "http://www.w3.org/2001/04/xmldsig-more#sha384", "SHA-384",
            "http://www.w3.org/2001/04/xmlenc#sha512", "SHA-512");

    private final Element signed;

    private XadesProperties(Element signed) {
        this.signed = signed;
    }

    /** The signed properties of an already verified signature, if a reference covers them. */
    static XadesProperties of(Element signature, SignedInfo signedInfo) throws XMLSecurityException {
        List<String> referenced = new ArrayList<>();
        for (int i = 0; i < signedInfo.getLength(); i++) {
            referenced.add(signedInfo.item(i).getURI());
        }
        NodeList candidates = signature.getElementsByTagNameNS(XADES, "SignedProperties");
        for (int i = 0; i < candidates.getLength(); i++) {
            Element properties = (Element) candidates.item(i);
            String id = properties.getAttributeNS(null, "Id");
            if (!id.isEmpty() && referenced.contains("#" + id)) {
                return new XadesProperties(properties);
            }
        }
        return new XadesProperties(null);
    }

    Optional<Instant> signingTime() throws Refusal {
        Optional<String> text = signatureProperties().flatMap(p -> childText(p, XADES, "SigningTime"));
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(text.get()).toInstant());
        } catch (DateTimeParseException e) {
            throw new Refusal("xades:SigningTime '" + text.get() + "' is not an ISO-8601 date-time");
        }
    }

    /**
     * When the signed properties name the signing certificate (XAdES SigningCertificate or V2), the
     * KeyInfo certificate must be it, or the key could have been swapped for another the signer holds.
     */
    void checkSigningCertificate(X509Certificate signer) throws Refusal {
        Optional<Element> properties = signatureProperties();
        if (properties.isEmpty()) {
            return;
        }
        List<Element> certs = new ArrayList<>();
        for (String name : List.of("SigningCertificateV2", "SigningCertificate")) {
            child(properties.get(), XADES, name).ifPresent(list -> certs.addAll(children(list, XADES, "Cert")));
        }
        if (certs.isEmpty()) {
            return;
        }
        for (Element cert : certs) {
            if (matches(cert, signer)) {
                return;
            }
        }
        throw new Refusal("the KeyInfo certificate is not the xades:SigningCertificate of the signed properties");
    }

    private Optional<Element> signatureProperties() {
        return Optional.ofNullable(signed).flatMap(p -> child(p, XADES, "SignedSignatureProperties"));
    }

    private static boolean matches(Element cert, X509Certificate signer) throws Refusal {
        Optional<Element> digest = child(cert, XADES, "CertDigest");
        String algorithm = digest.flatMap(d -> child(d, DS, "DigestMethod"))
                .map(m -> m.getAttribute("Algorithm"))
                .orElse("");
        String javaName = DIGESTS.get(algorithm);
        if (javaName == null) {
            throw new Refusal("xades:CertDigest uses an unknown digest method '" + algorithm + "'");
        }
        try {
            byte[] expected = Base64.getMimeDecoder()
                    .decode(digest.flatMap(d -> childText(d, DS, "DigestValue")).orElse(""));
            byte[] actual = MessageDigest.getInstance(javaName).digest(signer.getEncoded());
            return MessageDigest.isEqual(expected, actual);
        } catch (IllegalArgumentException e) {
            throw new Refusal("xades:CertDigest holds no base64 digest value");
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot digest the signer certificate", e);
        }
    }
}
