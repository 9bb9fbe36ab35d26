package org.metroledger.gateway.qr;

/** One itemised check of a verification, as the ledger's {@code certificate:Verify} reports it. */
public record CheckLine(String name, boolean ok, String detail) {}
