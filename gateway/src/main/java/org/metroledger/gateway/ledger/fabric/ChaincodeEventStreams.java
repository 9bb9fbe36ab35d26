package org.metroledger.gateway.ledger.fabric;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hyperledger.fabric.client.ChaincodeEvent;
import org.hyperledger.fabric.client.CloseableIterator;
import org.hyperledger.fabric.client.InMemoryCheckpointer;
import org.hyperledger.fabric.client.Network;
import org.metroledger.gateway.ledger.LedgerEvent;

/**
 * Chaincode event subscriptions that survive a peer going away: each keeps a checkpoint of the
 * last event delivered and reconnects from it, so no event is lost or delivered twice.
 */
final class ChaincodeEventStreams implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(ChaincodeEventStreams.class.getName());
    private static final long MAX_BACKOFF_MILLIS = 5_000;

    private final Supplier<Network> network;
    private final String chaincode;
    private final List<Subscription> open = new CopyOnWriteArrayList<>();

    ChaincodeEventStreams(Supplier<Network> network, String chaincode) {
        this.network = network;
        this.chaincode = chaincode;
    }

    AutoCloseable open(long fromBlock, Consumer<LedgerEvent> listener) {
        Subscription subscription = new Subscription(fromBlock, listener);
        open.add(subscription);
        subscription.thread.start();
        return () -> {
            subscription.close();
            open.remove(subscription);
        };
    }

    @Override
    public void close() {
        open.forEach(Subscription::close);
        open.clear();
    }

    private final class Subscription {
        private final long fromBlock;
        private final Consumer<LedgerEvent> listener;
        private final InMemoryCheckpointer checkpoint = new InMemoryCheckpointer();
        private final Thread thread;
        private volatile boolean closed;
        private volatile CloseableIterator<ChaincodeEvent> current;

        Subscription(long fromBlock, Consumer<LedgerEvent> listener) {
            this.fromBlock = fromBlock;
            this.listener = listener;
            this.thread = FabricLedger.daemon("fabric-events").newThread(this::run);
        }

        private void run() {
            long backoff = 100;
            while (!closed) {
                var request = network.get().newChaincodeEventsRequest(chaincode);
                if (checkpoint.getBlockNumber().isPresent()) {
                    request.checkpoint(checkpoint);
                } else {
                    request.startBlock(fromBlock);
                }
                try (CloseableIterator<ChaincodeEvent> events = request.build().getEvents()) {
                    current = events;
                    while (!closed && events.hasNext()) {
                        ChaincodeEvent event = events.next();
                        listener.accept(new LedgerEvent(
                                event.getEventName(),
                                new String(event.getPayload(), StandardCharsets.UTF_8),
                                event.getTransactionId(),
                                event.getBlockNumber()));
                        checkpoint.checkpointChaincodeEvent(event);
                        backoff = 100;
                    }
                } catch (RuntimeException e) {
                    if (closed) {
                        return;
                    }
                    LOG.log(Level.WARNING, "chaincode event stream broke; reconnecting from checkpoint", e);
                }
                sleep(backoff);
                backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
            }
        }

        void close() {
            closed = true;
            CloseableIterator<ChaincodeEvent> events = current;
            if (events != null) {
                events.close();
            }
            thread.interrupt();
        }

        private void sleep(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                closed = true;
            }
        }
    }
}
