package org.metroledger.gateway.supervision;

import io.vertx.core.Vertx;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.metroledger.chaincode.indicator.Compaction;
import org.metroledger.chaincode.supervision.IndicatorContract.CompactionRequest;
import org.metroledger.gateway.contracts.Indicators;
import org.metroledger.gateway.contracts.Request;
import org.metroledger.gateway.identity.Member;

/**
 * Keeps the indicator tallies short without anyone remembering to: on a schedule, folds the delta
 * rows of the days before today into totals ({@code indicator:Compact}) as a centre admin, one
 * transaction of at most {@link #ROWS} rows after another until none are left. Only past days:
 * today's rows take writes all day, and a compaction that read them would conflict with each
 * certificate committed in its block. A run that conflicts (another gateway compacting, a
 * back-dated write) stops and the next one takes up where the ledger is; totals add up, so nothing
 * is folded twice or lost either way. The places are read first and named in each compaction, so
 * that it reads no place marker, which every record written in its block rewrites.
 */
public final class TallyCompactor {
    private static final System.Logger LOG = System.getLogger(TallyCompactor.class.getName());

    /** Rows per transaction: the contract's default, a block entry of a few megabytes at most. */
    static final int ROWS = 20_000;

    /** Transactions per run at most, so that one run's share of the ordering stays bounded. */
    static final int ROUNDS = 100;

    private final Indicators indicators;
    private final Member admin;
    private final Clock clock;
    private final AtomicBoolean running = new AtomicBoolean();

    /** @param admin a centre admin (the admin OU of a region's MSP), whom the contract lets compact */
    public TallyCompactor(Indicators indicators, Member admin, Clock clock) {
        this.indicators = indicators;
        this.admin = admin;
        this.clock = clock;
    }

    /** Runs every {@code every} on {@code vertx}, the first time one period after the call. */
    public long schedule(Vertx vertx, Duration every) {
        return vertx.setPeriodic(every.toMillis(), id -> {
            // A run longer than the period is not overlapped by the next: that one is skipped.
            if (running.compareAndSet(false, true)) {
                run().whenComplete((folded, failure) -> {
                    running.set(false);
                    if (failure != null) {
                        LOG.log(
                                Level.WARNING,
                                "compacting the indicator tallies failed; next run in " + every,
                                failure);
                    } else {
                        LOG.log(Level.DEBUG, () -> "compacted " + folded + " indicator delta rows");
                    }
                });
            }
        });
    }

    /** One run: the delta rows of days before today folded; answers how many. */
    public CompletableFuture<Long> run() {
        // The last instant of yesterday (UTC), whose day is the last the contract folds.
        Instant through = clock.instant().truncatedTo(ChronoUnit.DAYS).minusMillis(1);
        return indicators
                .places(admin)
                .thenCompose(places -> round(
                        new CompactionRequest(
                                through.toString(), ROWS, places.value().places()),
                        0,
                        0L));
    }

    private CompletableFuture<Long> round(CompactionRequest request, int done, long folded) {
        return indicators.compactIfAny(admin, Request.of(request)).thenCompose(written -> {
            Compaction.Result result = written.record().value();
            long total = folded + result.folded();
            return result.complete() || done + 1 >= ROUNDS
                    ? CompletableFuture.completedFuture(total)
                    : round(request, done + 1, total);
        });
    }
}
