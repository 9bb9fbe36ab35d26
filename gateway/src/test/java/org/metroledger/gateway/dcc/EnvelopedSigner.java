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
import org.apache.xml.security.utils.XMLUtils;
import org.w3c.dom.Document;

/** Signs test documents with a plain enveloped ECDSA signature (no XAdES, so no signing time). */
public final class EnvelopedSigner {
    static {
        Init.init();
    }

    private EnvelopedSigner() {}

    public static byte[] sign(byte[] document, X509Certificate certificate, PrivateKey key) throws Exception {
        return sign(document, certificate, key, false);
    }

    /**
     * With {@code objectOnly}, the one reference covers a ds:Object inside the signature instead of
     * the document: a valid signature over nothing of the DCC's content.
     */
    static byte[] sign(byte[] document, X509Certificate certificate, PrivateKey key, boolean objectOnly)
            throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document dom = factory.newDocumentBuilder().parse(new ByteArrayInputStream(document));
        XMLSignature signature = new XMLSignature(
                dom, "", XMLSignature.ALGO_ID_SIGNATURE_ECDSA_SHA256, Canonicalizer.ALGO_ID_C14N_EXCL_OMIT_COMMENTS);
        dom.getDocumentElement().appendChild(signature.getElement());
        if (objectOnly) {
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
