package org.metroledger.gateway.dcc;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.transform.sax.SAXSource;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.metroledger.chaincode.error.Fail;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Validates DCC documents against a PTB DCC schema shipped on the classpath (resources
 * {@code org/metroledger/gateway/dcc/schemas/}, sources and licences in the README there). The
 * schemas import D-SI and XML-DSig by URL; those URLs are mapped to the bundled files, so validating
 * never touches the network.
 */
public final class DccSchema {
    /** The DCC 3.2.0 schema's file name among the bundled schemas. */
    public static final String DCC_3_2_0 = "dcc-3.2.0.xsd";

    private static final String BUNDLED = "schemas/";

    private static final Map<String, String> IMPORTS = Map.of(
            "https://ptb.de/si/v2.1.0/SI_Format.xsd", "SI_Format-2.1.0.xsd",
            "https://www.w3.org/TR/xmldsig-core/xmldsig-core-schema.xsd", "xmldsig-core-schema.xsd",
            "http://www.w3.org/TR/xmldsig-core/xmldsig-core-schema.xsd", "xmldsig-core-schema.xsd");

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

    /** Accepts a schema-valid document; otherwise fails with INVALID_ARGUMENT naming line and problem. */
    public void validate(byte[] document) {
        Validator validator = schema.newValidator();
        try {
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            validator.validate(new SAXSource(SafeXml.reader(), new InputSource(new ByteArrayInputStream(document))));
        } catch (SAXException e) {
            String where = e instanceof SAXParseException at && at.getLineNumber() > 0
                    ? " (line " + at.getLineNumber() + ")"
                    : "";
            throw Fail.invalid("dcc", "does not match the DCC schema" + where + ": " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
