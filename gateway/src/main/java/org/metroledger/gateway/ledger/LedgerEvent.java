package org.metroledger.gateway.ledger;

/** A chaincode event of a committed transaction; the payload is the chaincode's JSON. */
public record LedgerEvent(String name, String payload, String txId, long blockNumber) {}
