package org.metroledger.gateway.ledger;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.metroledger.gateway.identity.Member;

/**
 * The ledger as the gateway sees it, whichever backend runs it (embedded or Fabric). Calls never
 * block the caller's thread: they answer futures that fail with {@link LedgerException}.
 */
public interface Ledger extends AutoCloseable {
    /**
     * Endorses, orders and commits a transaction as {@code who}; completes once the transaction is
     * committed valid (not merely endorsed), with its payload, txId and block number.
     *
     * @param function contract and function, e.g. {@code certificate:Issue}
     */
    CompletableFuture<Committed> submit(Member who, String function, List<String> args);

    /**
     * Like {@link #submit}, except that a transaction whose endorsed answer {@code idle} says writes
     * nothing (a batch whose every item was refused) is not ordered: it completes with that answer
     * and no transaction ({@link Committed#ordered()} false). The default orders it regardless.
     */
    default CompletableFuture<Committed> submitUnless(
            Member who, String function, List<String> args, Predicate<String> idle) {
        return submit(who, function, args);
    }

    /** Evaluates a read-only function as {@code who} against committed state. */
    CompletableFuture<String> evaluate(Member who, String function, List<String> args);

    /**
     * Evaluates like {@link #evaluate} and says what the answer read, so that it can be reused until
     * a block writes one of those keys (see {@link ReadSetCache}). A backend that cannot tell answers
     * {@link ReadAnswer#untracked}.
     */
    default CompletableFuture<ReadAnswer> evaluateTracked(Member who, String function, List<String> args) {
        return evaluate(who, function, args).thenApply(ReadAnswer::untracked);
    }

    /**
     * Calls the listener with the write set of every block committed from now on, in block order,
     * before any transaction of the block is reported committed to its submitter, until the handle
     * is closed. Answers the height from which blocks are delivered, or empty where the backend
     * does not follow write sets.
     */
    default Optional<WriteFollower> onWrites(Consumer<BlockWrites> listener) {
        return Optional.empty();
    }

    /** A subscription to write sets: blocks from {@code fromHeight} on reach the listener. */
    interface WriteFollower extends AutoCloseable {
        long fromHeight();

        @Override
        void close();

        /** A subscription from that height that {@code stop} ends. */
        static WriteFollower of(long fromHeight, Runnable stop) {
            return new WriteFollower() {
                @Override
                public long fromHeight() {
                    return fromHeight;
                }

                @Override
                public void close() {
                    stop.run();
                }
            };
        }
    }

    /**
     * Takes a certificate out of the network: revoked at its organisation's CA, and that CA's CRL
     * made the network's, so that no node accepts the identity any more (on Fabric, the CRL is
     * written into the organisation's MSP in the channel configuration). Completes once every peer
     * the gateway uses refuses the certificate. Repeating it for a revoked certificate is harmless.
     *
     * @param serialHex the certificate's serial number, hex
     * @param reasonCode an RFC 5280 reason name as Fabric CA spells it (e.g. keycompromise)
     */
    CompletableFuture<Void> revokeCertificate(String msp, String serialHex, String reasonCode);

    /** The number of the block holding a committed transaction, or empty if unknown. */
    CompletableFuture<Optional<Long>> blockNumberOf(String txId);

    /** Number of blocks committed so far (the next block's number). */
    long height();

    /** A committed block's summary, or empty when it does not exist yet. */
    CompletableFuture<Optional<BlockSummary>> block(long number);

    /**
     * Calls the listener with every chaincode event of every transaction committed valid from
     * {@code fromBlock} on, in commit order, until the returned handle is closed.
     */
    AutoCloseable onEvents(long fromBlock, Consumer<LedgerEvent> listener);

    /** The clock that stamps this ledger's proposals: "now" for a read that names no instant. */
    default java.time.Clock clock() {
        return java.time.Clock.systemUTC();
    }

    /**
     * Asks the backend whether it can serve now; completes normally when it can, or fails with a
     * {@link LedgerException} of code UNAVAILABLE naming what does not answer. /health reports it.
     */
    default CompletableFuture<Void> probe() {
        return CompletableFuture.completedFuture(null);
    }

    /** Which backend this is, for /health and logs ("embedded" or "fabric"). */
    String backend();

    @Override
    void close();
}
