package org.metroledger.chaincode.credit;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;

/**
 * How one type of credit event counts: its points, how long it counts (an ISO-8601 period such as
 * {@code P2Y}), an optional cap on the points all events of the type may add up to (in either
 * direction), and an optional grade forced while it counts.
 */
public record EventRule(Integer points, String countsFor, Integer cap, Grade forcesGrade) {
    /** The first instant at which an event that occurred at {@code occurredAt} no longer counts. */
    public Instant expiry(Instant occurredAt) {
        return occurredAt.atOffset(ZoneOffset.UTC).plus(Period.parse(countsFor)).toInstant();
    }
}
