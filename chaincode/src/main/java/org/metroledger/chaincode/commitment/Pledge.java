package org.metroledger.chaincode.commitment;

/** One item of a commitment: the kind of pledge and, optionally, the operator's own wording. */
public record Pledge(PledgeKind kind, String text) {}
