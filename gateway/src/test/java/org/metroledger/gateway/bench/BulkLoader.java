package org.metroledger.gateway.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.metroledger.gateway.e2e.SettableClock;
import org.metroledger.gateway.identity.IdentityStore;
import org.metroledger.gateway.identity.Member;
import org.metroledger.gateway.ledger.Ledger;
import org.metroledger.gateway.ledger.embedded.EmbeddedLedger;

/**
 * Writes large worlds into an embedded ledger through the contracts' own write path, without HTTP:
 * every record is written by its chaincode function (simulated by the engine's endorsers, validated
 * and committed by its orderer), so records, indexes, key history, blocks and the txId index are
 * the ones a gateway would have written. What makes it fast is only the batching: thousands of
 * transactions in flight, blocks of up to {@value #BLOCK} transactions, one fsync per block.
 *
 * <p>The transaction time is the loader's clock ({@link #at}), so a world can hold years of history
 * (certificates that expired, instruments overdue) whose dates the contracts accept as they would
 * have at the time. The clock never moves back; a transaction's time is the clock's when an endorser
 * simulates it, at or after the time set before it was submitted.
 */
public final class BulkLoader implements AutoCloseable {
    /** Transactions per block, at most. */
    static final int BLOCK = 2_000;

    private static final int IN_FLIGHT = 4_096;
    private static final Duration SETTLE_EVERY = Duration.ofDays(7);

    /** Null when the ledger keeps its own time (Fabric): then {@link #at} cannot move it. */
    private final SettableClock clock;

    private final Ledger ledger;
    private final boolean owned;
    private final Semaphore inFlight = new Semaphore(IN_FLIGHT);
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private final AtomicLong committed = new AtomicLong();
    /** The clock's time when nothing was last in flight. */
    private Instant settled;

    private BulkLoader(SettableClock clock, Ledger ledger, boolean owned) {
        this.clock = clock;
        this.ledger = ledger;
        this.owned = owned;
        this.settled = clock == null ? Instant.MIN : clock.instant();
    }

    /**
     * Opens (creating on first use) the ledger of {@code dataDir} for loading, its clock at {@code
     * start}, the earliest transaction time it can give. Close it before a gateway opens the same
     * directory.
     */
    public static BulkLoader open(Path dataDir, IdentityStore identities, Instant start) {
        SettableClock clock = new SettableClock(start);
        return new BulkLoader(
                clock,
                EmbeddedLedger.open(
                        dataDir, identities, clock, new EmbeddedLedger.Settings(BLOCK, Duration.ofMillis(20), 2)),
                true);
    }

    /**
     * Submits to a ledger that keeps its own time and block cutting (the Fabric network): the same
     * bounded pipelining, no control of the transaction time. Closing it leaves the ledger open.
     */
    public static BulkLoader over(Ledger ledger) {
        return new BulkLoader(null, ledger, false);
    }

    /** Whether {@link #at} sets the transaction time; otherwise transactions are dated by the ledger. */
    public boolean movesTime() {
        return clock != null;
    }

    /**
     * Moves the transaction time forward to {@code time}; earlier instants are ignored, and so is
     * every instant on a ledger that keeps its own time.
     */
    public void at(Instant time) {
        if (clock == null) {
            return;
        }
        // What is in flight was dated for an earlier time: keep it within the contracts' back-dating
        // allowance (30 days by default) of the time it will be simulated at.
        if (time.isAfter(settled.plus(SETTLE_EVERY))) {
            await();
            settled = time;
        }
        clock.advanceTo(time);
    }

    /**
     * Submits {@code function(request)} as {@code who}, waiting only while {@value #IN_FLIGHT} are in
     * flight. The first refusal fails this call or a later one (and {@link #await}), naming the
     * function and the chaincode's message: a world the contracts refused in part is not a world.
     */
    public void submit(Member who, String function, String request) {
        submit(who, function, request, 1, answer -> null);
    }

    /**
     * Submits a transaction that writes {@code weight} records (a batch of certificates), counted so
     * against the {@value #IN_FLIGHT} in flight; {@code refusal} reads the committed answer and names
     * what the contract refused in it (a batch answers its refused items without failing), or null.
     */
    public void submit(Member who, String function, String request, int weight, Function<String, String> refusal) {
        rethrow();
        inFlight.acquireUninterruptibly(weight);
        ledger.submit(who, function, List.of(request)).whenComplete((done, error) -> {
            String refused = error != null ? error.getMessage() : refusal.apply(done.payload());
            if (refused != null) {
                failure.compareAndSet(
                        null,
                        new IllegalStateException(
                                function + " refused: " + refused + "; request " + abbreviated(request), error));
            } else {
                committed.incrementAndGet();
            }
            inFlight.release(weight);
        });
    }

    /** Waits until everything submitted is committed; throws the first refusal. */
    public void await() {
        inFlight.acquireUninterruptibly(IN_FLIGHT);
        inFlight.release(IN_FLIGHT);
        rethrow();
    }

    /** Transactions committed so far. */
    public long committed() {
        return committed.get();
    }

    /** The ledger being loaded, for reads while loading. */
    public Ledger ledger() {
        return ledger;
    }

    /**
     * Waits for what is in flight, then closes the ledger it opened. A refusal is thrown by {@link
     * #submit} and {@link #await}, not here: call {@link #await} before closing.
     */
    @Override
    public void close() {
        try {
            inFlight.acquireUninterruptibly(IN_FLIGHT);
            inFlight.release(IN_FLIGHT);
        } finally {
            if (owned) {
                ledger.close();
            }
        }
    }

    private void rethrow() {
        RuntimeException e = failure.get();
        if (e != null) {
            throw e;
        }
    }

    private static String abbreviated(String request) {
        return request.length() <= 300 ? request : request.substring(0, 300) + "...";
    }
}
