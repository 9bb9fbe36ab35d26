package org.metroledger.chaincode.state;

/** When and by which transaction a record was last written: the transaction's own timestamp, never a wall clock. */
public record Stamp(String recordedAt, String txId) {}
