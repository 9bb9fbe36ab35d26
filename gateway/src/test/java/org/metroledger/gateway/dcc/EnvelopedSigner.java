package org.metroledger.gateway.dcc;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.xml.security.Init;
import org.apache.xml.security.algorithms.MessageDigestAlgorithm;
import org.apache.xml.security.c14n.Canonicalizer;
import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.transforms.Transforms;
import org.apache.xml.security.utils.XMLUtils;
import org.w3c.dom.Document;

/** Signs test documents with a plain enveloped ECDSA signature (no XAdES, so no signing time). */
final class EnvelopedSigner {
    static {
        Init.init();
    }

    private EnvelopedSigner() {}

    static byte[] sign(byte[] document, X509Certificate certificate, PrivateKey key) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document dom = factory.newDocumentBuilder().parse(new ByteArrayInputStream(document));
        XMLSignature signature = new XMLSignature(
                dom, "", XMLSignature.ALGO_ID_SIGNATURE_ECDSA_SHA256, Canonicalizer.ALGO_ID_C14N_EXCL_OMIT_COMMENTS);
        dom.getDocumentElement().appendChild(signature.getElement());
        Transforms transforms = new Transforms(dom);
        transforms.addTransform(Transforms.TRANSFORM_ENVELOPED_SIGNATURE);
        transforms.addTransform(Transforms.TRANSFORM_C14N_EXCL_OMIT_COMMENTS);
        signature.addDocument("", transforms, MessageDigestAlgorithm.ALGO_ID_DIGEST_SHA256);
        signature.addKeyInfo(certificate);
        signature.sign(key);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        XMLUtils.outputDOM(dom, out);
        return out.toByteArray();
    }
}
