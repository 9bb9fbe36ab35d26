package org.metroledger.chaincode.credit;

/** The record a credit event rests on: an inspection, a certificate, a draw or a commitment. */
public record Reference(ReferenceKind kind, String id) {}
