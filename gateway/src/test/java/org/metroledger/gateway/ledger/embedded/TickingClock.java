package org.metroledger.gateway.ledger.embedded;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/** A test clock that starts at a fixed instant and moves one millisecond per reading. */
final class TickingClock extends Clock {
    private final AtomicLong millis;

    TickingClock(Instant start) {
        millis = new AtomicLong(start.toEpochMilli());
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis.getAndIncrement());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the ledger works in UTC");
    }
}
