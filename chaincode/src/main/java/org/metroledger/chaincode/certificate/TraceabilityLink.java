package org.metroledger.chaincode.certificate;

/** A standard used for the measurement, with the certificate that made that standard traceable. */
public record TraceabilityLink(String standardId, String certificateId) {}
