package org.metroledger.gateway.dcc;

import static org.metroledger.gateway.dcc.Elements.DCC;
import static org.metroledger.gateway.dcc.Elements.SI;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.metroledger.gateway.failure.ApiCode;
import org.metroledger.gateway.failure.ApiFailure;

/**
 * Writes a ledger certificate record (its JSON as the certificate contract answers it) as a DCC
 * 3.2.0 document that validates against PTB's schema. Decimals go out exactly as recorded.
 */
public final class DccWriter {
    private static final String SOFTWARE = "MetroLedger";
    private static final String RELEASE = "0.1";
    private static final String DEFAULT_COUNTRY = "CN";
    /**
     * A record may hold k without the coverage probability, which D-SI requires next to it; then the
     * 95 % that calibration practice (EA-4/02, GUM) attaches to an expanded uncertainty is stated.
     */
    static final String COVERAGE_PROBABILITY = "0.95";

    /** The DCC 3.2.0 document for a certificate record. */
    public byte[] write(JsonNode certificate, DccParties parties) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            new Document(xml, certificate, parties).write();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write DCC XML", e);
        }
        return out.toByteArray();
    }

    /** One document being written; keeps the writer and the record together. */
    private static final class Document {
        private final XMLStreamWriter xml;
        private final JsonNode c;
        private final DccParties parties;

        Document(XMLStreamWriter xml, JsonNode certificate, DccParties parties) {
            this.xml = xml;
            this.c = certificate;
            this.parties = parties;
        }

        void write() throws XMLStreamException {
            xml.writeStartDocument("UTF-8", "1.0");
            xml.setPrefix("dcc", DCC);
            xml.setPrefix("si", SI);
            xml.writeStartElement(DCC, "digitalCalibrationCertificate");
            xml.writeNamespace("dcc", DCC);
            xml.writeNamespace("si", SI);
            xml.writeAttribute("schemaVersion", "3.2.0");
            administrativeData();
            measurementResults();
            xml.writeEndElement();
            xml.writeEndDocument();
        }

        private void administrativeData() throws XMLStreamException {
            start("administrativeData");
            start("dccSoftware");
            start("software");
            text("name", SOFTWARE);
            element("release", RELEASE);
            end();
            end();
            coreData();
            items();
            start("calibrationLaboratory");
            element("calibrationLaboratoryCode", required("issuer"));
            contact("contact", or(parties.laboratoryName(), required("issuer")));
            end();
            start("respPersons");
            start("respPerson");
            start("person");
            text("name", required("signatory"));
            end();
            element("mainSigner", "true");
            end();
            end();
            contact("customer", or(parties.customerName(), "Owner of " + required("subject")));
            statements();
            end();
        }

        private void coreData() throws XMLStreamException {
            start("coreData");
            element("countryCodeISO3166_1", country());
            element("usedLangCodeISO639_1", "en");
            element("mandatoryLangCodeISO639_1", "en");
            // As the lab wrote it when the record keeps it: the id was derived from it.
            element("uniqueIdentifier", optional("uniqueIdentifier", required("id")));
            element("beginPerformanceDate", date("performedFrom"));
            element("endPerformanceDate", date("performedTo"));
            element("performanceLocation", "other");
            element("issueDate", date("issuedAt"));
            end();
        }

        private void items() throws XMLStreamException {
            start("items");
            DccParties.Item item =
                    parties.item() == null ? new DccParties.Item(null, null, null, null) : parties.item();
            start("item");
            text("name", or(item.name(), required("subject")));
            start("manufacturer");
            text("name", or(item.manufacturer(), "not stated on the ledger"));
            end();
            if (item.model() != null && !item.model().isBlank()) {
                element("model", item.model());
            }
            start("identifications");
            identification(
                    "owner",
                    required("subject"),
                    "Ledger " + optional("subjectType", "subject").toLowerCase(Locale.ROOT) + " id");
            if (item.serial() != null && !item.serial().isBlank()) {
                identification("manufacturer", item.serial(), "Serial no.");
            }
            end();
            end();
            end();
        }

        private void identification(String issuer, String value, String name) throws XMLStreamException {
            start("identification");
            element("issuer", issuer);
            element("value", value);
            text("name", name);
            end();
        }

        private void statements() throws XMLStreamException {
            start("statements");
            String conformity = required("conformity");
            start("statement");
            xml.writeAttribute("refType", "basic_conformity");
            text("declaration", optional("decisionRule", "No decision rule stated"));
            if (!"NONE".equals(conformity)) {
                element("conformity", conformity.toLowerCase(Locale.ROOT));
            }
            end();
            start("statement");
            xml.writeAttribute("refType", "basic_recalibration");
            text("declaration", "Valid until");
            element("date", date("validUntil"));
            end();
            statement("ml_location", "Location: " + required("location"));
            if (c.hasNonNull("conditions")) {
                statement("ml_conditions", "Conditions: " + c.get("conditions").asText());
            }
            if (c.hasNonNull("previous")) {
                statement(
                        "ml_previous",
                        "Supersedes certificate " + c.get("previous").asText());
            }
            end();
        }

        private void statement(String refType, String declaration) throws XMLStreamException {
            start("statement");
            xml.writeAttribute("refType", refType);
            text("declaration", declaration);
            end();
        }

        private void measurementResults() throws XMLStreamException {
            start("measurementResults");
            start("measurementResult");
            text("name", required("kind").equals("VERIFICATION") ? "Verification results" : "Calibration results");
            start("usedMethods");
            start("usedMethod");
            text("name", required("method"));
            element("norm", required("method"));
            end();
            end();
            traceability();
            start("results");
            start("result");
            text("name", "Results");
            start("data");
            JsonNode results = c.path("results");
            if (results.isEmpty()) {
                text("text", "Conformity: " + required("conformity"));
            }
            for (int i = 0; i < results.size(); i++) {
                quantity(results.get(i), "results[" + i + "].");
            }
            end();
            end();
            end();
            end();
            end();
        }

        private void traceability() throws XMLStreamException {
            JsonNode links = c.path("traceability");
            if (links.isEmpty()) {
                return;
            }
            start("measuringEquipments");
            for (JsonNode link : links) {
                start("measuringEquipment");
                xml.writeAttribute("refType", "basic_normalUsed");
                text("name", link.path("standardId").asText());
                start("identifications");
                start("identification");
                element("issuer", "calibrationLaboratory");
                element("value", link.path("certificateId").asText());
                text("name", "Calibration certificate");
                end();
                end();
                end();
            }
            end();
        }

        private void quantity(JsonNode result, String at) throws XMLStreamException {
            start("quantity");
            if (result.hasNonNull("refType")) {
                xml.writeAttribute("refType", result.get("refType").asText());
            }
            text("name", field(result, at, "quantity"));
            xml.writeStartElement(SI, "real");
            si("value", field(result, at, "value"));
            si("unit", field(result, at, "unit"));
            String probability = result.hasNonNull("coverageProbability")
                    ? result.get("coverageProbability").asText()
                    : COVERAGE_PROBABILITY;
            if (result.hasNonNull("intervalMin") && result.hasNonNull("intervalMax")) {
                xml.writeStartElement(SI, "coverageInterval");
                si("standardUnc", field(result, at, "standardUncertainty"));
                si("intervalMin", result.get("intervalMin").asText());
                si("intervalMax", result.get("intervalMax").asText());
                si("coverageProbability", probability);
                xml.writeEndElement();
            } else if (result.hasNonNull("expandedUncertainty") && result.hasNonNull("coverageFactor")) {
                xml.writeStartElement(SI, "expandedUnc");
                si("uncertainty", result.get("expandedUncertainty").asText());
                si("coverageFactor", result.get("coverageFactor").asText());
                si("coverageProbability", probability);
                xml.writeEndElement();
            }
            xml.writeEndElement();
            end();
        }

        private void contact(String name, String contactName) throws XMLStreamException {
            start(name);
            text("name", contactName);
            start("location");
            element("countryCode", country());
            end();
            end();
        }

        private String country() {
            return or(parties.countryCode(), DEFAULT_COUNTRY);
        }

        /** A dcc:textType element with one content. */
        private void text(String name, String content) throws XMLStreamException {
            start(name);
            element("content", content);
            end();
        }

        private void element(String name, String value) throws XMLStreamException {
            start(name);
            xml.writeCharacters(value);
            end();
        }

        private void si(String name, String value) throws XMLStreamException {
            xml.writeStartElement(SI, name);
            xml.writeCharacters(value);
            xml.writeEndElement();
        }

        private void start(String name) throws XMLStreamException {
            xml.writeStartElement(DCC, name);
        }

        private void end() throws XMLStreamException {
            xml.writeEndElement();
        }

        private String required(String field) {
            return field(c, "", field);
        }

        private String optional(String field, String fallback) {
            return c.hasNonNull(field) ? c.get(field).asText() : fallback;
        }

        /** The calendar day (UTC) of an instant field, as xs:date wants it. */
        private String date(String field) {
            String value = required(field);
            try {
                return Instant.parse(value)
                        .atOffset(ZoneOffset.UTC)
                        .toLocalDate()
                        .toString();
            } catch (DateTimeParseException e) {
                throw unwritable(field, "must be an ISO-8601 instant (got '" + value + "')");
            }
        }

        private static String field(JsonNode node, String at, String field) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull() || value.asText().isBlank()) {
                throw unwritable(at + field, "is required to write a DCC");
            }
            return value.asText();
        }

        /**
         * The record on the ledger, not the request, lacks what a DCC needs: CONFLICT (its state does
         * not allow the export), naming the field.
         */
        private static ApiFailure unwritable(String field, String problem) {
            return ApiFailure.of(ApiCode.CONFLICT, field + " " + problem);
        }

        private static String or(String value, String fallback) {
            return value == null || value.isBlank() ? fallback : value;
        }
    }
}
