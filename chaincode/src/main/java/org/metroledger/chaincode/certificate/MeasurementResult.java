package org.metroledger.chaincode.certificate;

/** One measured quantity; every number is a decimal string so no peer rounds it differently. */
public record MeasurementResult(
        String quantity, String value, String unit, String expandedUncertainty, String coverageFactor) {}
