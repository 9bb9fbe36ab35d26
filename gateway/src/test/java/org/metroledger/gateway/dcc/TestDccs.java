package org.metroledger.gateway.dcc;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import org.metroledger.chaincode.json.Canonical;

/**
 * DCC 3.2.0 documents the tests write themselves, dated as they need: the gateway's own export of a
 * certificate record (which validates against the schema) with the uniqueIdentifier and the
 * measured data replaced.
 */
public final class TestDccs {
    /** One si:real with an expanded uncertainty, as most calibration results are stated. */
    public static final String ONE_REAL = quantity(
            "basic_measurementError",
            "Mass error",
            "<si:real><si:value>-0.10</si:value><si:unit>\\gram</si:unit><si:expandedUnc>"
                    + "<si:uncertainty>0.02</si:uncertainty><si:coverageFactor>2</si:coverageFactor>"
                    + "<si:coverageProbability>0.95</si:coverageProbability></si:expandedUnc></si:real>");

    private TestDccs() {}

    /**
     * A DCC of an instrument calibrated (and issued) on {@code day}, to be recalibrated a year
     * later, by lab {@code lab}, whose {@code dcc:data} holds {@code data} (dcc:quantity elements).
     */
    public static byte[] dcc(String uniqueIdentifier, String lab, String instrument, LocalDate day, String data) {
        ObjectNode record = Canonical.mapper().createObjectNode();
        String start = day.atStartOfDay(ZoneOffset.UTC).toInstant().toString();
        record.put("id", "to-be-replaced")
                .put("kind", "CALIBRATION")
                .put("issuer", lab)
                .put("subject", instrument)
                .put("subjectType", "INSTRUMENT")
                .put("method", "JJG 99-2022")
                .put("performedFrom", start)
                .put("performedTo", start)
                .put("issuedAt", start)
                .put(
                        "validUntil",
                        day.plusYears(1)
                                .atStartOfDay(ZoneOffset.UTC)
                                .toInstant()
                                .toString())
                .put("location", "lab hall 2")
                .put("conformity", "NONE")
                .put("signatory", "Li Wei");
        String xml = new String(
                new DccWriter()
                        .write(
                                record.set(
                                        "results",
                                        Canonical.mapper().createArrayNode().add(placeholder())),
                                DccParties.fromLedgerIds()),
                StandardCharsets.UTF_8);
        xml = xml.replace(
                "<dcc:uniqueIdentifier>to-be-replaced</dcc:uniqueIdentifier>",
                "<dcc:uniqueIdentifier>" + escape(uniqueIdentifier) + "</dcc:uniqueIdentifier>");
        xml = xml.replaceFirst(
                "(?s)<dcc:data>.*</dcc:data>", Matcher.quoteReplacement("<dcc:data>" + data + "</dcc:data>"));
        return xml.getBytes(StandardCharsets.UTF_8);
    }

    /** A dcc:quantity with reference types (or null), an English name and its D-SI content. */
    public static String quantity(String refType, String name, String si) {
        return "<dcc:quantity" + (refType == null ? "" : " refType=\"" + refType + "\"") + "><dcc:name><dcc:content>"
                + name + "</dcc:content></dcc:name>" + si + "</dcc:quantity>";
    }

    private static ObjectNode placeholder() {
        return Canonical.mapper()
                .createObjectNode()
                .put("quantity", "q")
                .put("value", "1")
                .put("unit", "\\one");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
