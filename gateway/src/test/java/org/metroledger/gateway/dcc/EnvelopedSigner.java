package org.metroledger.gateway.dcc;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.security.PrivateKey;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.xml.security.Init;
import org.apache.xml.security.algorithms.MessageDigestAlgorithm;
import org.apache.xml.security.c14n.Canonicalizer;
import org.apache.xml.security.signature.ObjectContainer;
import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.transforms.Transforms;
import org.apache.xml.security.transforms.params.XPath2FilterContainer;
import org.apache.xml.security.utils.XMLUtils;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Signs test documents: with a plain enveloped ECDSA signature (no XAdES, so no signing time), or
 * with a long-term XAdES one carrying its signing time and revocation values.
 */
public final class EnvelopedSigner {
    static {
        Init.init();
    }

    private EnvelopedSigner() {}

    /** What the one reference of a test signature covers. */
    enum Coverage {
        /** The document: URI="", enveloped-signature and exclusive canonicalisation. */
        DOCUMENT,
        /** A ds:Object inside the signature: a valid signature over nothing of the DCC's content. */
        OBJECT_ONLY,
        /** URI="" with an XPath Filter 2.0 subtracting the measurement results: they stay unsigned. */
        DOCUMENT_WITHOUT_RESULTS
    }

    public static byte[] sign(byte[] document, X509Certificate certificate, PrivateKey key) throws Exception {
        return sign(document, certificate, key, Coverage.DOCUMENT);
    }

    private static final String XADES = "http://uri.etsi.org/01903/v1.3.2#";

    /**
     * A long-term XAdES signature, as laboratories' signing tools make them: the document and the
     * signed properties (with the signing time) referenced, and in the unsigned properties
     * {@code xades:CertificateValues} and {@code xades:RevocationValues} with the CRLs and OCSP
     * responses given.
     */
    public static byte[] signXades(
            byte[] document,
            X509Certificate certificate,
            PrivateKey key,
            Instant signingTime,
            List<X509Certificate> certificateValues,
            List<X509CRL> crls,
            List<byte[]> ocspResponses)
            throws Exception {
        Document dom = parse(document);
        XMLSignature signature = newSignature(dom);
        signature.setId("sig-1");
        dom.getDocumentElement().appendChild(signature.getElement());
        Element qualifying = dom.createElementNS(XADES, "xades:QualifyingProperties");
        qualifying.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:xades", XADES);
        qualifying.setAttributeNS(null, "Target", "#sig-1");
        Element signed = append(qualifying, "SignedProperties");
        signed.setAttributeNS(null, "Id", "sp-1");
        signed.setIdAttributeNS(null, "Id", true);
        append(append(signed, "SignedSignatureProperties"), "SigningTime").setTextContent(signingTime.toString());
        Element unsigned = append(append(qualifying, "UnsignedProperties"), "UnsignedSignatureProperties");
        Element certs = append(unsigned, "CertificateValues");
        for (X509Certificate value : certificateValues) {
            append(certs, "EncapsulatedX509Certificate").setTextContent(base64(value.getEncoded()));
        }
        Element revocation = append(unsigned, "RevocationValues");
        if (!crls.isEmpty()) {
            Element crlValues = append(revocation, "CRLValues");
            for (X509CRL crl : crls) {
                append(crlValues, "EncapsulatedCRLValue").setTextContent(base64(crl.getEncoded()));
            }
        }
        if (!ocspResponses.isEmpty()) {
            Element ocspValues = append(revocation, "OCSPValues");
            for (byte[] response : ocspResponses) {
                append(ocspValues, "EncapsulatedOCSPValue").setTextContent(base64(response));
            }
        }
        ObjectContainer object = new ObjectContainer(dom);
        object.appendChild(qualifying);
        signature.appendObject(object);
        Transforms whole = new Transforms(dom);
        whole.addTransform(Transforms.TRANSFORM_ENVELOPED_SIGNATURE);
        whole.addTransform(Transforms.TRANSFORM_C14N_EXCL_OMIT_COMMENTS);
        signature.addDocument("", whole, MessageDigestAlgorithm.ALGO_ID_DIGEST_SHA256);
        Transforms properties = new Transforms(dom);
        properties.addTransform(Transforms.TRANSFORM_C14N_EXCL_OMIT_COMMENTS);
        signature.addDocument(
                "#sp-1",
                properties,
                MessageDigestAlgorithm.ALGO_ID_DIGEST_SHA256,
                null,
                "http://uri.etsi.org/01903#SignedProperties");
        signature.addKeyInfo(certificate);
        signature.sign(key);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        XMLUtils.outputDOM(dom, out);
        return out.toByteArray();
    }

    private static Document parse(byte[] document) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(document));
    }

    private static XMLSignature newSignature(Document dom) throws Exception {
        return new XMLSignature(
                dom, "", XMLSignature.ALGO_ID_SIGNATURE_ECDSA_SHA256, Canonicalizer.ALGO_ID_C14N_EXCL_OMIT_COMMENTS);
    }

    private static Element append(Element parent, String localName) {
        Element child = parent.getOwnerDocument().createElementNS(XADES, "xades:" + localName);
        parent.appendChild(child);
        return child;
    }

    private static String base64(byte[] der) {
        return Base64.getEncoder().encodeToString(der);
    }

    static byte[] sign(byte[] document, X509Certificate certificate, PrivateKey key, Coverage coverage)
            throws Exception {
        Document dom = parse(document);
        XMLSignature signature = newSignature(dom);
        dom.getDocumentElement().appendChild(signature.getElement());
        if (coverage == Coverage.OBJECT_ONLY) {
            ObjectContainer object = new ObjectContainer(dom);
            object.setId("decoy");
            object.appendChild(dom.createTextNode("nothing of the certificate"));
            signature.appendObject(object);
            object.getElement().setIdAttributeNS(null, "Id", true);
            Transforms transforms = new Transforms(dom);
            transforms.addTransform(Transforms.TRANSFORM_C14N_EXCL_OMIT_COMMENTS);
            signature.addDocument("#decoy", transforms, MessageDigestAlgorithm.ALGO_ID_DIGEST_SHA256);
        } else {
            Transforms transforms = new Transforms(dom);
            transforms.addTransform(Transforms.TRANSFORM_ENVELOPED_SIGNATURE);
            if (coverage == Coverage.DOCUMENT_WITHOUT_RESULTS) {
                XPath2FilterContainer subtract =
                        XPath2FilterContainer.newInstanceSubtract(dom, "//*[local-name()='measurementResults']");
                subtract.setXPathNamespaceContext("dsig-xpath", Transforms.TRANSFORM_XPATH2FILTER);
                transforms.addTransform(Transforms.TRANSFORM_XPATH2FILTER, subtract.getElement());
            }
            transforms.addTransform(Transforms.TRANSFORM_C14N_EXCL_OMIT_COMMENTS);
            signature.addDocument("", transforms, MessageDigestAlgorithm.ALGO_ID_DIGEST_SHA256);
        }
        signature.addKeyInfo(certificate);
        signature.sign(key);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        XMLUtils.outputDOM(dom, out);
        return out.toByteArray();
    }
}
