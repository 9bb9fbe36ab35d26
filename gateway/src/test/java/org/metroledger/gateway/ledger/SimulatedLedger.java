package org.metroledger.gateway.ledger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.metroledger.chaincode.error.ErrorCode;
import org.metroledger.chaincode.error.Fail;
import org.metroledger.simulation.ContractHost;
import org.metroledger.simulation.ContractHost.Simulation;
import org.metroledger.simulation.InMemoryWorldState;
import org.metroledger.simulation.Member;
import org.metroledger.simulation.Proposal;
import org.metroledger.simulation.Version;

/**
 * A test-only ledger: the real contracts through {@link ContractHost} over in-memory state.
 * Proposals simulate concurrently; commits are serialised with Fabric's MVCC check, one
 * transaction per block. The transaction clock advances one second per transaction from a fixed
 * instant, never read from the wall.
 */
public final class SimulatedLedger implements Ledger {
    private static final ContractHost HOST = new ContractHost();

    private final InMemoryWorldState state = new InMemoryWorldState();
    private final ExecutorService simulators = Executors.newFixedThreadPool(2);
    private final ExecutorService committer = Executors.newSingleThreadExecutor();
    private final AtomicLong transactions = new AtomicLong();
    private final AtomicLong proposals = new AtomicLong();
    private final Map<String, Long> blockOfTx = new ConcurrentHashMap<>();
    private final List<BlockSummary> blocks = new ArrayList<>();
    private final List<List<LedgerEvent>> eventsOfBlock = new ArrayList<>();
    private final List<Consumer<LedgerEvent>> listeners = new ArrayList<>();
    private volatile Instant epoch;

    public SimulatedLedger(Instant epoch) {
        this.epoch = epoch;
        append(new BlockSummary(0, hash("genesis"), "", hash(""), epoch.toString(), List.of()), List.of());
    }

    /** Moves the transaction clock, e.g. past a certificate's validity. */
    public void clockAt(Instant instant) {
        epoch = instant;
        transactions.set(0);
    }

    @Override
    public CompletableFuture<Committed> submit(Member who, String function, List<String> args) {
        return CompletableFuture.supplyAsync(() -> simulate(who, function, args), simulators)
                .thenApplyAsync(prepared -> commit(who, function, prepared), committer);
    }

    @Override
    public CompletableFuture<String> evaluate(Member who, String function, List<String> args) {
        return CompletableFuture.supplyAsync(
                () -> simulate(who, function, args).simulation.payloadText(), simulators);
    }

    @Override
    public CompletableFuture<Optional<Long>> blockNumberOf(String txId) {
        return CompletableFuture.completedFuture(Optional.ofNullable(blockOfTx.get(txId)));
    }

    @Override
    public synchronized long height() {
        return blocks.size();
    }

    @Override
    public synchronized CompletableFuture<Optional<BlockSummary>> block(long number) {
        return CompletableFuture.completedFuture(
                number < blocks.size() ? Optional.of(blocks.get((int) number)) : Optional.empty());
    }

    @Override
    public synchronized AutoCloseable onEvents(long fromBlock, Consumer<LedgerEvent> listener) {
        for (long b = Math.max(0, fromBlock); b < eventsOfBlock.size(); b++) {
            eventsOfBlock.get((int) b).forEach(listener);
        }
        listeners.add(listener);
        return () -> {
            synchronized (SimulatedLedger.this) {
                listeners.remove(listener);
            }
        };
    }

    @Override
    public String backend() {
        return "simulated";
    }

    @Override
    public void close() {
        simulators.shutdownNow();
        committer.shutdownNow();
    }

    private record Prepared(String txId, Instant timestamp, Simulation simulation) {}

    private Prepared simulate(Member who, String function, List<String> args) {
        long n = transactions.incrementAndGet();
        Instant timestamp = epoch.plusSeconds(n);
        String txId = hash(function + "/" + proposals.incrementAndGet());
        List<byte[]> bytes = new ArrayList<>();
        bytes.add(function.getBytes(StandardCharsets.UTF_8));
        args.forEach(a -> bytes.add(a.getBytes(StandardCharsets.UTF_8)));
        Proposal proposal =
                new Proposal("metrology", txId, timestamp, who.serializedIdentity(), who.mspId(), bytes, Map.of());
        Simulation simulation = HOST.simulate(state, proposal);
        if (!simulation.succeeded()) {
            throw new LedgerException(
                    Fail.codeOf(simulation.payload(), simulation.message()),
                    Fail.messageOf(simulation.message()),
                    txId,
                    null);
        }
        return new Prepared(txId, timestamp, simulation);
    }

    private synchronized Committed commit(Member who, String function, Prepared prepared) {
        Optional<String> conflict = prepared.simulation.readWriteSet().conflictWith(state);
        if (conflict.isPresent()) {
            throw new LedgerException(
                    ErrorCode.MVCC_READ_CONFLICT,
                    "a concurrent transaction changed " + conflict.get().replace('\u0000', '/'),
                    prepared.txId,
                    null);
        }
        long number = blocks.size();
        state.apply(prepared.simulation.readWriteSet(), new Version(number, 0), prepared.txId, prepared.timestamp);
        BlockSummary previous = blocks.get(blocks.size() - 1);
        BlockSummary block = new BlockSummary(
                number,
                hash(previous.hash() + prepared.txId),
                previous.hash(),
                hash(prepared.txId),
                prepared.timestamp.toString(),
                List.of(new BlockSummary.TransactionSummary(
                        prepared.txId, who.mspId(), function, "VALID", prepared.timestamp.toString())));
        List<LedgerEvent> events = prepared.simulation.readWriteSet().event().stream()
                .map(e -> new LedgerEvent(
                        e.name(), new String(e.payload(), StandardCharsets.UTF_8), prepared.txId, number))
                .toList();
        append(block, events);
        blockOfTx.put(prepared.txId, number);
        events.forEach(e -> List.copyOf(listeners).forEach(l -> l.accept(e)));
        return new Committed(prepared.simulation.payloadText(), prepared.txId, number);
    }

    private synchronized void append(BlockSummary block, List<LedgerEvent> events) {
        blocks.add(block);
        eventsOfBlock.add(events);
    }

    private static String hash(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
