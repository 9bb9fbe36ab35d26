package org.metroledger.gateway.dcc;

import java.util.List;

/**
 * What the ledger needs from a Digital Calibration Certificate, with decimals and dates kept exactly
 * as written in the XML. Optional fields are null when the document leaves them out.
 *
 * @param documentDigest SHA-256 (lowercase hex) of the exact bytes received
 * @param methods the norms (or names) of the methods used, in document order
 * @param performanceLocation where the calibration was done, e.g. {@code laboratory}
 * @param signatory the main signer among the responsible persons, else the first of them
 * @param conformity the first conformity statement of the administrative data, e.g. {@code pass}
 * @param decisionRule the declaration of the statement that holds that conformity
 * @param recalibrationDate the date of the {@code basic_recalibration} statement
 */
public record DccDocument(
        String schemaVersion,
        String uniqueIdentifier,
        String beginPerformanceDate,
        String endPerformanceDate,
        String receiptDate,
        String issueDate,
        String performanceLocation,
        ReportLink previousReport,
        String laboratoryCode,
        String laboratoryName,
        String signatory,
        List<Item> items,
        List<String> methods,
        List<Result> results,
        String conformity,
        String decisionRule,
        String recalibrationDate,
        String documentDigest) {

    public DccDocument {
        items = List.copyOf(items);
        methods = List.copyOf(methods);
        results = List.copyOf(results);
    }

    /** A calibrated item; {@code serial} is the manufacturer's identification when present. */
    public record Item(
            String name, String manufacturer, String model, String serial, List<Identification> identifications) {
        public Item {
            identifications = List.copyOf(identifications);
        }
    }

    /** One identification of an item: who issued it, its value, and its name when given. */
    public record Identification(String issuer, String value, String name) {}

    /**
     * One measured value ({@code si:real}, or one element of an {@code si:realListXMLList}) with its
     * expanded uncertainty when stated.
     */
    public record Result(
            String quantity,
            String value,
            String unit,
            String expandedUncertainty,
            String coverageFactor,
            String coverageProbability) {}

    /** The hash link ({@code dcc:hashType}) to the report this one replaces. */
    public record ReportLink(String referralId, String procedure, String value) {}
}
