package org.metroledger.gateway.e2e;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/** The ledger's transaction clock in scenarios: starts where told, ticks a millisecond per reading. */
public final class SettableClock extends Clock {
    private final AtomicLong millis;

    public SettableClock(Instant start) {
        millis = new AtomicLong(start.toEpochMilli());
    }

    public void set(Instant instant) {
        millis.set(instant.toEpochMilli());
    }

    /** Moves the clock to {@code instant} unless it is there or later already. */
    public void advanceTo(Instant instant) {
        millis.accumulateAndGet(instant.toEpochMilli(), Math::max);
    }

    public void advance(java.time.Duration by) {
        millis.addAndGet(by.toMillis());
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
