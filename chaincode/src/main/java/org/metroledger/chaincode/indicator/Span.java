package org.metroledger.chaincode.indicator;

import java.time.Instant;

/**
 * A verification certificate of an instrument as the indicators see it: issued at {@code from},
 * valid until {@code validUntil} (exclusive), ended (revoked or superseded) at {@code endedAt} if
 * it left ACTIVE; only a PASS one covers its instrument and is counted as expiring.
 */
public record Span(String certificate, String from, String validUntil, String endedAt, boolean pass) {
    /** The instant the certificate stops covering: its expiry, or its end if that is earlier. */
    public Instant until() {
        Instant expiry = Instant.parse(validUntil);
        return endedAt == null || expiry.isBefore(Instant.parse(endedAt)) ? expiry : Instant.parse(endedAt);
    }
}
