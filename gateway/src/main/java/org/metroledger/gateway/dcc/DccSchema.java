package org.metroledger.gateway.dcc;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.XMLConstants;
import javax.xml.transform.sax.SAXSource;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.metroledger.gateway.failure.ApiFailure;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.AttributesImpl;
import org.xml.sax.helpers.DefaultHandler;
import org.xml.sax.helpers.XMLFilterImpl;

/**
 * Validates DCC documents against a PTB DCC schema shipped on the classpath (resources
 * {@code org/metroledger/gateway/dcc/schemas/}, sources and licences in the README there). The
 * schemas import D-SI and XML-DSig by URL; those URLs are mapped to the bundled files, so validating
 * never touches the network.
 */
public final class DccSchema {
    /** The DCC 3.2.0 schema's file name among the bundled schemas. */
    public static final String DCC_3_2_0 = "dcc-3.2.0.xsd";

    /** The DCC 3.1.2 schema's file name among the bundled schemas. */
    public static final String DCC_3_1_2 = "dcc-3.1.2.xsd";

    private static final String BUNDLED = "schemas/";
    private static final String VERSION_ATTRIBUTE = "schemaVersion";

    private static final Map<String, String> IMPORTS = Map.of(
            "https://ptb.de/si/v2.1.0/SI_Format.xsd", "SI_Format-2.1.0.xsd",
            "https://www.w3.org/TR/xmldsig-core/xmldsig-core-schema.xsd", "xmldsig-core-schema.xsd",
            "http://www.w3.org/TR/xmldsig-core/xmldsig-core-schema.xsd", "xmldsig-core-schema.xsd");

    /**
     * The bundled schema each stated schemaVersion is validated by. 3.1.0 and 3.1.1 go by 3.1.2, the
     * patch release that superseded them (its pattern admits only "3.1.2", so they are presented as that).
     */
    private static final Map<String, String> BY_VERSION = Map.of(
            "3.2.0", DCC_3_2_0,
            "3.1.2", DCC_3_1_2,
            "3.1.1", DCC_3_1_2,
            "3.1.0", DCC_3_1_2);

    private static final Map<String, DccSchema> LOADED = new ConcurrentHashMap<>();

    private final Schema schema;

    private DccSchema(Schema schema) {
        this.schema = schema;
    }

    /** DCC 3.2.0 with its imports, from the bundled schemas. */
    public static DccSchema v3_2_0() {
        return bundled(DCC_3_2_0);
    }

    /** A bundled DCC schema file; fails when no such schema is bundled. */
    public static DccSchema bundled(String file) {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            // Nothing is fetched: every import the resolver does not map to a bundled file is refused.
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setResourceResolver(new BundledImports());
            return new DccSchema(factory.newSchema(new StreamSource(new ByteArrayInputStream(read(file)), file)));
        } catch (SAXException e) {
            throw new IllegalStateException("cannot load DCC schema " + file + ": " + e.getMessage(), e);
        }
    }

    private static byte[] read(String file) {
        try (InputStream in = DccSchema.class.getResourceAsStream(BUNDLED + file)) {
            if (in == null) {
                throw new IllegalStateException("cannot load DCC schema " + file + ": it is not bundled");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled schema " + file, e);
        }
    }

    /**
     * Accepts an uploaded DCC that is valid against the bundled schema of the version it states;
     * otherwise fails with INVALID_ARGUMENT naming the version, or the line and problem.
     */
    public static void validateUpload(byte[] document) {
        String version = statedVersion(document);
        String file = BY_VERSION.get(version);
        if (file == null) {
            throw ApiFailure.invalid(
                    "dcc schemaVersion",
                    "'" + version + "' is not one this gateway validates (" + new TreeSet<>(BY_VERSION.keySet()) + ")");
        }
        DccSchema schema = LOADED.computeIfAbsent(file, DccSchema::bundled);
        schema.validate(document, DCC_3_1_2.equals(file) ? "3.1.2" : null);
    }

    /** Accepts a schema-valid document; otherwise fails with INVALID_ARGUMENT naming line and problem. */
    public void validate(byte[] document) {
        validate(document, null);
    }

    /**
     * @param presentedVersion the schemaVersion the validator is shown for the root element, or null
     *     for the one written
     */
    private void validate(byte[] document, String presentedVersion) {
        Validator validator = schema.newValidator();
        try {
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            XMLReader reader = presentedVersion == null ? SafeXml.reader() : new PresentedVersion(presentedVersion);
            validator.validate(new SAXSource(reader, new InputSource(new ByteArrayInputStream(document))));
        } catch (SAXException e) {
            String where = e instanceof SAXParseException at && at.getLineNumber() > 0
                    ? " (line " + at.getLineNumber() + ")"
                    : "";
            throw ApiFailure.invalid("dcc", "does not match the DCC schema" + where + ": " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The schemaVersion the root element states; reads no further than the root's start tag. */
    private static String statedVersion(byte[] document) {
        String[] version = {null};
        XMLReader reader = SafeXml.reader();
        reader.setContentHandler(new DefaultHandler() {
            @Override
            public void startElement(String uri, String localName, String qName, Attributes attributes)
                    throws SAXException {
                version[0] = attributes.getValue("", VERSION_ATTRIBUTE);
                throw new RootRead();
            }
        });
        try {
            reader.parse(new InputSource(new ByteArrayInputStream(document)));
        } catch (RootRead read) {
            if (version[0] == null) {
                throw ApiFailure.invalid("dcc schemaVersion", "is required on the root element");
            }
            return version[0];
        } catch (SAXException e) {
            throw ApiFailure.invalid("dcc", "is not well-formed XML: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw ApiFailure.invalid("dcc", "has no root element");
    }

    /** Ends a parse once the root element is read. */
    private static final class RootRead extends SAXException {
        private static final long serialVersionUID = 1L;
    }

    /**
     * The secure reader, showing a 3.1.x document as the 3.1.2 schema can judge it: the root's
     * schemaVersion as "3.1.2", and without the enveloped {@code ds:Signature}s at the root's end.
     * 3.1.x has no place for them (3.2.0 added it), signers put them there all the same (PTB's signed
     * 3.1.1 samples), and the signature verifier checks them; what they sign is the document without
     * them, which is what the validator sees.
     */
    private static final class PresentedVersion extends XMLFilterImpl {
        private static final String XMLDSIG = "http://www.w3.org/2000/09/xmldsig#";

        private final String version;
        private final List<String[]> pendingPrefixes = new ArrayList<>();
        /** Per open element: how many prefix mappings it declared, negative when they were withheld. */
        private final Deque<Integer> declared = new ArrayDeque<>();

        private int depth;
        private int skippedDepth = -1;
        private int withheldEnds;

        PresentedVersion(String version) {
            super(SafeXml.reader());
            this.version = version;
        }

        private boolean skipping() {
            return skippedDepth >= 0;
        }

        @Override
        public void startPrefixMapping(String prefix, String uri) {
            pendingPrefixes.add(new String[] {prefix, uri});
        }

        @Override
        public void endPrefixMapping(String prefix) throws SAXException {
            if (withheldEnds > 0) {
                withheldEnds--;
                return;
            }
            super.endPrefixMapping(prefix);
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes)
                throws SAXException {
            depth++;
            if (!skipping() && depth == 2 && XMLDSIG.equals(uri) && "Signature".equals(localName)) {
                skippedDepth = depth;
            }
            int prefixes = pendingPrefixes.size();
            if (skipping()) {
                pendingPrefixes.clear();
                declared.push(-prefixes);
                return;
            }
            for (String[] mapping : pendingPrefixes) {
                super.startPrefixMapping(mapping[0], mapping[1]);
            }
            pendingPrefixes.clear();
            declared.push(prefixes);
            Attributes shown = attributes;
            int index = attributes.getIndex("", VERSION_ATTRIBUTE);
            if (depth == 1 && index >= 0) {
                AttributesImpl changed = new AttributesImpl(attributes);
                changed.setValue(index, version);
                shown = changed;
            }
            super.startElement(uri, localName, qName, shown);
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws SAXException {
            int prefixes = declared.pop();
            boolean skipped = skipping();
            if (skippedDepth == depth) {
                skippedDepth = -1;
            }
            depth--;
            if (skipped) {
                withheldEnds += -prefixes;
                return;
            }
            super.endElement(uri, localName, qName);
        }

        @Override
        public void characters(char[] ch, int start, int length) throws SAXException {
            if (!skipping()) {
                super.characters(ch, start, length);
            }
        }

        @Override
        public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
            if (!skipping()) {
                super.ignorableWhitespace(ch, start, length);
            }
        }

        @Override
        public void processingInstruction(String target, String data) throws SAXException {
            if (!skipping()) {
                super.processingInstruction(target, data);
            }
        }
    }

    /** Resolves the schemas' URL imports to the bundled files. */
    private static final class BundledImports implements LSResourceResolver {
        @Override
        public LSInput resolveResource(
                String type, String namespaceUri, String publicId, String systemId, String baseUri) {
            String file = IMPORTS.get(systemId);
            return file == null ? null : new FileInput(systemId, read(file));
        }
    }

    /** An LSInput over bytes already read; the parser asks only for the stream and system id. */
    private record FileInput(String systemId, byte[] bytes) implements LSInput {
        @Override
        public InputStream getByteStream() {
            return new ByteArrayInputStream(bytes);
        }

        @Override
        public String getSystemId() {
            return systemId;
        }

        @Override
        public java.io.Reader getCharacterStream() {
            return null;
        }

        @Override
        public void setCharacterStream(java.io.Reader characterStream) {}

        @Override
        public void setByteStream(InputStream byteStream) {}

        @Override
        public String getStringData() {
            return null;
        }

        @Override
        public void setStringData(String stringData) {}

        @Override
        public void setSystemId(String systemId) {}

        @Override
        public String getPublicId() {
            return null;
        }

        @Override
        public void setPublicId(String publicId) {}

        @Override
        public String getBaseURI() {
            return systemId;
        }

        @Override
        public void setBaseURI(String baseURI) {}

        @Override
        public String getEncoding() {
            return null;
        }

        @Override
        public void setEncoding(String encoding) {}

        @Override
        public boolean getCertifiedText() {
            return false;
        }

        @Override
        public void setCertifiedText(boolean certifiedText) {}
    }
}
