package org.metroledger.gateway.dcc;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
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

/** Signs test documents with a plain enveloped ECDSA signature (no XAdES, so no signing time). */
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

    static byte[] sign(byte[] document, X509Certificate certificate, PrivateKey key, Coverage coverage)
            throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document dom = factory.newDocumentBuilder().parse(new ByteArrayInputStream(document));
        XMLSignature signature = new XMLSignature(
                dom, "", XMLSignature.ALGO_ID_SIGNATURE_ECDSA_SHA256, Canonicalizer.ALGO_ID_C14N_EXCL_OMIT_COMMENTS);
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
