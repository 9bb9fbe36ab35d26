package org.metroledger.gateway.ledger.fabric;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;
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
        subscription.start();
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

    private final class Subscription extends FollowingThread<ChaincodeEvent> {
        private final long fromBlock;
        private final Consumer<LedgerEvent> listener;
        private final InMemoryCheckpointer checkpoint = new InMemoryCheckpointer();

        Subscription(long fromBlock, Consumer<LedgerEvent> listener) {
            super("fabric-events");
            this.fromBlock = fromBlock;
            this.listener = listener;
        }

        @Override
        CloseableIterator<ChaincodeEvent> connect() {
            var request = network.get().newChaincodeEventsRequest(chaincode);
            if (checkpoint.getBlockNumber().isPresent()) {
                request.checkpoint(checkpoint);
            } else {
                request.startBlock(fromBlock);
            }
            return request.build().getEvents();
        }

        @Override
        void deliver(ChaincodeEvent event) {
            listener.accept(new LedgerEvent(
                    event.getEventName(),
                    new String(event.getPayload(), StandardCharsets.UTF_8),
                    event.getTransactionId(),
                    event.getBlockNumber()));
            checkpoint.checkpointChaincodeEvent(event);
        }

        @Override
        String broken() {
            return "chaincode event stream broke; reconnecting from checkpoint";
        }
    }
}
