package org.metroledger.gateway.ledger;

/** A transaction committed valid: the chaincode's answer and where the ledger holds it. */
public record Committed(String payload, String txId, long blockNumber) {}
