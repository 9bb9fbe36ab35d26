package org.metroledger.gateway.ledger.embedded;

import java.lang.System.Logger.Level;
import java.security.PrivateKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.metroledger.gateway.failure.ApiCode;
import org.metroledger.gateway.ledger.Committed;
import org.metroledger.gateway.ledger.LedgerException;
import org.metroledger.simulation.ReadWriteSet;
import org.metroledger.simulation.Version;

/**
 * The embedded orderer and committer: one thread cuts endorsed transactions into blocks (by count
 * or by time after the first pending one), validates each against the state as of just before it,
 * seals the block and writes it with its state changes in one synced batch. Submitters' futures
 * complete on the completion executor, only once their block is durable.
 */
final class Orderer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Orderer.class.getName());
    private static final long IDLE_POLL_MILLIS = 50;

    private final LedgerStore store;
    private final PrivateKey signingKey;
    private final Clock clock;
    private final int maxTransactions;
    private final long batchTimeoutNanos;
    private final Executor completions;
    private final Consumer<Block> onCommit;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Object admission = new Object();
    private final Thread thread;
    private boolean closing;
    private volatile LedgerException failure;

    /** An endorsed transaction and its submitter's future. */
    private record Pending(Endorsement endorsement, CompletableFuture<Committed> result) {}

    Orderer(
            LedgerStore store,
            PrivateKey signingKey,
            Clock clock,
            EmbeddedLedger.Settings settings,
            Executor completions,
            Consumer<Block> onCommit) {
        this.store = store;
        this.signingKey = signingKey;
        this.clock = clock;
        this.maxTransactions = settings.maxBlockTransactions();
        this.batchTimeoutNanos = settings.batchTimeout().toNanos();
        this.completions = completions;
        this.onCommit = onCommit;
        this.thread = new Thread(this::run, "embedded-orderer");
        thread.setDaemon(true);
        thread.start();
    }

    /** Queues an endorsed transaction; the future completes once it is committed, or fails. */
    CompletableFuture<Committed> order(Endorsement endorsement) {
        CompletableFuture<Committed> result = new CompletableFuture<>();
        synchronized (admission) {
            if (closing || failure != null) {
                result.completeExceptionally(
                        failure != null
                                ? failure
                                : new LedgerException(
                                        ApiCode.UNAVAILABLE, "the ledger is closed", endorsement.txId(), null));
                return result;
            }
            queue.add(new Pending(endorsement, result));
        }
        return result;
    }

    /** Commits what is queued already, then stops. */
    @Override
    public void close() {
        synchronized (admission) {
            closing = true;
        }
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean finished() {
        synchronized (admission) {
            return closing && queue.isEmpty();
        }
    }

    private void run() {
        try {
            while (!finished()) {
                Pending first = queue.poll(IDLE_POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (first != null) {
                    commit(cut(first));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Gathers a batch: up to the block size, or whatever came within the timeout after the first. */
    private List<Pending> cut(Pending first) throws InterruptedException {
        List<Pending> batch = new ArrayList<>();
        batch.add(first);
        long deadline = System.nanoTime() + batchTimeoutNanos;
        while (batch.size() < maxTransactions) {
            queue.drainTo(batch, maxTransactions - batch.size());
            long wait = deadline - System.nanoTime();
            if (batch.size() >= maxTransactions || wait <= 0) {
                break;
            }
            Pending next = queue.poll(wait, TimeUnit.NANOSECONDS);
            if (next == null) {
                break;
            }
            batch.add(next);
        }
        return batch;
    }

    private void commit(List<Pending> batch) {
        if (failure != null) {
            batch.forEach(p -> fail(p, failure));
            return;
        }
        List<Optional<String>> conflicts = new ArrayList<>(batch.size());
        Block block;
        try {
            block = validateAndWrite(batch, conflicts);
        } catch (RuntimeException e) {
            // Nothing of the block is durable (the batch is atomic); refuse further writes rather than
            // guess at the store's state.
            LOG.log(Level.ERROR, "cannot commit a block; the ledger stops taking writes", e);
            failure = e instanceof LedgerException damaged && damaged.code() == ApiCode.STORE_CORRUPTED
                    ? damaged
                    : new LedgerException(ApiCode.UNAVAILABLE, "the ledger cannot commit: " + e.getMessage(), null, e);
            batch.forEach(p -> fail(p, failure));
            return;
        }
        onCommit.accept(block);
        for (int i = 0; i < batch.size(); i++) {
            settle(batch.get(i), block.transactions().get(i).validationCode(), conflicts.get(i), block.number());
        }
    }

    /**
     * Validates each transaction against committed state plus the block's earlier valid writes,
     * then seals the block and writes it with its state changes in one synced batch.
     */
    private Block validateAndWrite(List<Pending> batch, List<Optional<String>> conflicts) {
        LedgerStore.Tip tip = store.tip();
        long number = tip.height();
        BlockOverlay view = new BlockOverlay(store.latest());
        Set<String> idsInBlock = new HashSet<>();
        List<BlockTransaction> transactions = new ArrayList<>(batch.size());
        List<LedgerStore.Indexed> indexed = new ArrayList<>(batch.size());
        List<LedgerStore.Change> changes = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            Endorsement e = batch.get(i).endorsement();
            ReadWriteSet rwset = e.simulation().readWriteSet();
            boolean duplicate =
                    !idsInBlock.add(e.txId()) || store.locate(e.txId()).isPresent();
            Optional<String> conflict = duplicate ? Optional.empty() : rwset.conflictWith(view);
            ValidationCode code = duplicate
                    ? ValidationCode.DUPLICATE_TXID
                    : conflict.isPresent() ? ValidationCode.MVCC_READ_CONFLICT : ValidationCode.VALID;
            conflicts.add(conflict);
            if (code == ValidationCode.VALID) {
                Version version = new Version(number, i);
                for (Map.Entry<String, byte[]> write : rwset.writes().entrySet()) {
                    view.write(write.getKey(), write.getValue(), version);
                    changes.add(new LedgerStore.Change(
                            write.getKey(),
                            write.getValue(),
                            version,
                            e.txId(),
                            e.proposal().timestamp()));
                }
            }
            if (code != ValidationCode.DUPLICATE_TXID) {
                // The first transaction with this id keeps its index entry.
                indexed.add(new LedgerStore.Indexed(e.txId(), i, code));
            }
            transactions.add(recorded(e, code));
        }
        BlockCodec.Sealed sealed = BlockCodec.seal(number, tip.hash(), clock.instant(), transactions, signingKey);
        store.commit(number, sealed.block().hash(), sealed.bytes(), indexed, changes);
        return sealed.block();
    }

    private static BlockTransaction recorded(Endorsement e, ValidationCode code) {
        BlockTransaction.StoredEvent event = e.simulation()
                .readWriteSet()
                .event()
                .map(ev -> new BlockTransaction.StoredEvent(
                        ev.name(), Base64.getEncoder().encodeToString(ev.payload())))
                .orElse(null);
        return new BlockTransaction(
                e.txId(),
                e.creatorMsp(),
                e.creatorCertificate(),
                e.function(),
                e.args(),
                e.proposal().timestamp().toString(),
                StoredReadWriteSet.of(e.simulation().readWriteSet()),
                event,
                code);
    }

    private void settle(Pending pending, ValidationCode code, Optional<String> conflict, long number) {
        String txId = pending.endorsement().txId();
        switch (code) {
            case VALID ->
                completions.execute(() -> pending.result()
                        .complete(
                                new Committed(pending.endorsement().simulation().payloadText(), txId, number)));
            case MVCC_READ_CONFLICT ->
                fail(
                        pending,
                        new LedgerException(
                                ApiCode.MVCC_READ_CONFLICT,
                                "transaction " + txId + " read " + printable(conflict.orElse(""))
                                        + ", which another transaction changed before it committed (block " + number
                                        + "); retry with a fresh proposal",
                                txId,
                                null));
            case DUPLICATE_TXID ->
                fail(
                        pending,
                        new LedgerException(
                                ApiCode.CONFLICT, "transaction id " + txId + " is committed already", txId, null));
        }
    }

    private void fail(Pending pending, LedgerException error) {
        completions.execute(() -> pending.result().completeExceptionally(error));
    }

    /** Composite keys separate their parts with U+0000; show them readably. */
    static String printable(String key) {
        return "'" + key.replace('\u0000', '/') + "'";
    }
}
