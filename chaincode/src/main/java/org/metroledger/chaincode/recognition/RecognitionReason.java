package org.metroledger.chaincode.recognition;

/**
 * One condition a recognition answer weighed: {@code name} is {@code issuer}, {@code own-region},
 * {@code agreement} or {@code verdict}; {@code detail} says what was found.
 */
public record RecognitionReason(String name, boolean ok, String detail) {}
