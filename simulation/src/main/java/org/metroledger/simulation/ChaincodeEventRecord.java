package org.metroledger.simulation;

/** The chaincode event a transaction set, delivered to listeners once the transaction commits. */
public record ChaincodeEventRecord(String name, byte[] payload) {}
