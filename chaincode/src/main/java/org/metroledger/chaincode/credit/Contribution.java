package org.metroledger.chaincode.credit;

/**
 * What one credit event added to a rating: the points applied (0 when it does not count), and
 * {@code whyNot} saying why it did not count or was cut short by a cap.
 */
public record Contribution(
        String eventId, CreditEventType type, String occurredAt, int points, boolean counted, String whyNot) {}
