package org.metroledger.chaincode.certificate;

/** One itemised check of a verification, with a detail a person can act on. */
public record VerificationCheck(String name, boolean ok, String detail) {}
