package org.metroledger.gateway.ledger.embedded;

import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import java.util.function.LongSupplier;
import org.metroledger.gateway.ledger.LedgerEvent;

/**
 * Delivers the chaincode events of committed blocks to listeners, each in commit order: first the
 * stored blocks from the listener's starting block, then live ones. Each listener is drained by at
 * most one delivery thread at a time, so a slow listener delays only itself.
 */
final class EventFeed implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(EventFeed.class.getName());
    /**
     * Recent blocks' events kept in memory, so live delivery never re-reads a block; a listener
     * further behind reads stored blocks, as a replay does.
     */
    private static final int CACHED_BLOCKS = 64;

    private final LongFunction<Block> storedBlock;
    private final LongSupplier height;
    private final ExecutorService deliveries;
    private final ConcurrentHashMap<Long, List<LedgerEvent>> recent = new ConcurrentHashMap<>();
    private final Set<Subscription> subscriptions = ConcurrentHashMap.newKeySet();

    EventFeed(LongFunction<Block> storedBlock, LongSupplier height, ExecutorService deliveries) {
        this.storedBlock = storedBlock;
        this.height = height;
        this.deliveries = deliveries;
    }

    /** The chaincode events of a block's valid transactions, in block order. */
    static List<LedgerEvent> eventsOf(Block block) {
        List<LedgerEvent> events = new ArrayList<>();
        for (BlockTransaction tx : block.transactions()) {
            if (tx.valid() && tx.event() != null) {
                events.add(new LedgerEvent(
                        tx.event().name(),
                        new String(Base64.getDecoder().decode(tx.event().payload()), StandardCharsets.UTF_8),
                        tx.txId(),
                        block.number()));
            }
        }
        return List.copyOf(events);
    }

    /** Called once a block is durable. */
    void committed(Block block) {
        recent.put(block.number(), eventsOf(block));
        recent.remove(block.number() - CACHED_BLOCKS);
        subscriptions.forEach(Subscription::schedule);
    }

    AutoCloseable subscribe(long fromBlock, Consumer<LedgerEvent> listener) {
        if (fromBlock < 0) {
            throw new IllegalArgumentException("fromBlock must not be negative, got " + fromBlock);
        }
        Subscription subscription = new Subscription(fromBlock, listener);
        subscriptions.add(subscription);
        subscription.schedule();
        return subscription;
    }

    @Override
    public void close() {
        subscriptions.forEach(Subscription::close);
    }

    private List<LedgerEvent> events(long number) {
        List<LedgerEvent> cached = recent.get(number);
        return cached != null ? cached : eventsOf(storedBlock.apply(number));
    }

    private final class Subscription implements AutoCloseable {
        private final Consumer<LedgerEvent> listener;
        private final AtomicBoolean scheduled = new AtomicBoolean();
        private volatile boolean closed;
        /** Next block to deliver; only the draining thread touches it, handed over by {@link #scheduled}. */
        private long next;

        Subscription(long fromBlock, Consumer<LedgerEvent> listener) {
            this.next = fromBlock;
            this.listener = listener;
        }

        void schedule() {
            if (!closed && scheduled.compareAndSet(false, true)) {
                try {
                    deliveries.execute(this::drain);
                } catch (java.util.concurrent.RejectedExecutionException e) {
                    // The ledger is closing: nothing more will be delivered.
                    scheduled.set(false);
                }
            }
        }

        private void drain() {
            try {
                while (!closed && next < height.getAsLong()) {
                    for (LedgerEvent event : events(next)) {
                        if (closed) {
                            return;
                        }
                        listener.accept(event);
                    }
                    next++;
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "event listener failed at block " + next + "; unsubscribing it", e);
                close();
            } finally {
                scheduled.set(false);
            }
            // A block committed between the last height check and clearing the flag is not lost.
            if (!closed && next < height.getAsLong()) {
                schedule();
            }
        }

        @Override
        public void close() {
            closed = true;
            subscriptions.remove(this);
        }
    }
}
