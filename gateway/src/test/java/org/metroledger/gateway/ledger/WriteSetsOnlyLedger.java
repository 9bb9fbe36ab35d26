package org.metroledger.gateway.ledger;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.metroledger.gateway.identity.Member;

/** A ledger stand-in for tests that only delivers write sets, from the height it has. */
public abstract class WriteSetsOnlyLedger implements Ledger {
    protected volatile Consumer<BlockWrites> follower = w -> {};

    @Override
    public Optional<WriteFollower> onWrites(Consumer<BlockWrites> listener) {
        follower = listener;
        long from = height();
        return Optional.of(WriteFollower.of(from, () -> {}));
    }

    @Override
    public CompletableFuture<Committed> submit(Member who, String function, List<String> args) {
        throw new UnsupportedOperationException();
    }

    @Override
    public CompletableFuture<String> evaluate(Member who, String function, List<String> args) {
        throw new UnsupportedOperationException();
    }

    @Override
    public CompletableFuture<Optional<Long>> blockNumberOf(String txId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public CompletableFuture<Void> revokeCertificate(String msp, String serialHex, String reasonCode) {
        throw new UnsupportedOperationException();
    }

    @Override
    public CompletableFuture<Optional<BlockSummary>> block(long number) {
        throw new UnsupportedOperationException();
    }

    @Override
    public AutoCloseable onEvents(long fromBlock, Consumer<LedgerEvent> listener) {
        throw new UnsupportedOperationException();
    }

    @Override
    public String backend() {
        return "test";
    }

    @Override
    public void close() {}
}
