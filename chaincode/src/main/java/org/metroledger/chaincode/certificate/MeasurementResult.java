package org.metroledger.chaincode.certificate;

/**
 * One measured quantity; every number is a decimal string so no peer rounds it differently. Its
 * uncertainty is stated either as an expanded uncertainty with its coverage factor (and, when the
 * lab states it, coverage probability), or as a coverage interval: a standard uncertainty and the
 * interval's bounds at a coverage probability (D-SI {@code si:coverageInterval}).
 *
 * @param refType the quantity's reference types as the lab wrote them (space-separated, e.g. a
 *     DCC's {@code refType} attribute), or null
 */
public record MeasurementResult(
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

    /** A result with an expanded uncertainty and coverage factor only. */
    public MeasurementResult(
            String quantity, String value, String unit, String expandedUncertainty, String coverageFactor) {
        this(quantity, value, unit, expandedUncertainty, coverageFactor, null, null, null, null, null);
    }

    /** True when the result states its uncertainty as a coverage interval rather than as U and k. */
    public boolean hasCoverageInterval() {
        return intervalMin != null || intervalMax != null;
    }
}
