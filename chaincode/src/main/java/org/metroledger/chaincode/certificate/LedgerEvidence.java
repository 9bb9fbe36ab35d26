package org.metroledger.chaincode.certificate;

/** Which transaction last wrote the certificate, and when; the gateway adds the block number. */
public record LedgerEvidence(String txId, String recordedAt) {}
