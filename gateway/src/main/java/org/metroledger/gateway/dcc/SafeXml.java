package org.metroledger.gateway.dcc;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import org.metroledger.gateway.failure.ApiFailure;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Parses untrusted XML into a namespace-aware DOM with no DTD, no external entities and no network
 * access, keeping every whitespace node so signatures still verify over the parsed tree.
 */
final class SafeXml {
    private static final String DISALLOW_DOCTYPE = "http://apache.org/xml/features/disallow-doctype-decl";
    private static final String EXTERNAL_GENERAL_ENTITIES = "http://xml.org/sax/features/external-general-entities";
    private static final String EXTERNAL_PARAMETER_ENTITIES = "http://xml.org/sax/features/external-parameter-entities";
    private static final String LOAD_EXTERNAL_DTD = "http://apache.org/xml/features/nonvalidating/load-external-dtd";

    private SafeXml() {}

    static Document parse(byte[] bytes, String field) {
        if (bytes == null || bytes.length == 0) {
            throw ApiFailure.invalid(field, "is required");
        }
        try {
            DocumentBuilder builder = factory().newDocumentBuilder();
            // The default handler prints to stderr; the exception below carries the message.
            builder.setErrorHandler(null);
            return builder.parse(new ByteArrayInputStream(bytes));
        } catch (SAXException e) {
            throw ApiFailure.invalid(field, "is not well-formed XML: " + e.getMessage());
        } catch (IOException | ParserConfigurationException e) {
            throw new IllegalStateException("cannot parse XML", e);
        }
    }

    /** A SAX reader with the same protections, for streaming consumers such as schema validation. */
    static XMLReader reader() {
        try {
            SAXParserFactory factory = SAXParserFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setXIncludeAware(false);
            harden(factory::setFeature);
            return factory.newSAXParser().getXMLReader();
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("cannot configure a secure XML reader", e);
        }
    }

    private static DocumentBuilderFactory factory() throws ParserConfigurationException, SAXException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        harden(factory::setFeature);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return factory;
    }

    /** The features both parser kinds share; a DOCTYPE is the door to entity expansion and fetches. */
    private static void harden(FeatureSwitch factory) throws ParserConfigurationException, SAXException {
        factory.set(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.set(DISALLOW_DOCTYPE, true);
        factory.set(EXTERNAL_GENERAL_ENTITIES, false);
        factory.set(EXTERNAL_PARAMETER_ENTITIES, false);
        factory.set(LOAD_EXTERNAL_DTD, false);
    }

    /** The setFeature method of a DOM or SAX parser factory. */
    @FunctionalInterface
    private interface FeatureSwitch {
        void set(String feature, boolean on) throws ParserConfigurationException, SAXException;
    }
}
