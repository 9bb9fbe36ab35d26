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
     * One measured value (an {@code si:real}, {@code si:constant}, or one element of a list form)
     * with its univariate uncertainty when stated: expanded ({@code si:expandedUnc},
     * {@code si:expandedMU}: U, k, p) or a coverage interval (standard uncertainty, bounds, p).
     *
     * @param refType the reference types of the value's dcc:quantity as written, or null
     */
    public record Result(
            String quantity,
            String value,
            String unit,
            String expandedUncertainty,
            String coverageFactor,
            String coverageProbability,
            String standardUncertainty,
            String intervalMin,
            String intervalMax,
            String refType) {

        /** A value with an expanded uncertainty (or none), of a quantity without refType. */
        public Result(
                String quantity,
                String value,
                String unit,
                String expandedUncertainty,
                String coverageFactor,
                String coverageProbability) {
            this(
                    quantity,
                    value,
                    unit,
                    expandedUncertainty,
                    coverageFactor,
                    coverageProbability,
                    null,
                    null,
                    null,
                    null);
        }

        /** This result as of a quantity with the reference types given. */
        public Result withRefType(String types) {
            return new Result(
                    quantity,
                    value,
                    unit,
                    expandedUncertainty,
                    coverageFactor,
                    coverageProbability,
                    standardUncertainty,
                    intervalMin,
                    intervalMax,
                    types);
        }

        /** True when the value states an uncertainty the ledger records: U with k, or a coverage interval. */
        public boolean statesUncertainty() {
            return (expandedUncertainty != null && coverageFactor != null)
                    || (intervalMin != null && intervalMax != null);
        }
    }

    /** The hash link ({@code dcc:hashType}) to the report this one replaces. */
    public record ReportLink(String referralId, String procedure, String value) {}
}
