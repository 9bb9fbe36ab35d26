package org.metroledger.gateway.ledger.embedded;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.metroledger.chaincode.Contracts;
import org.metroledger.chaincode.cache.BoundedCache;
import org.metroledger.chaincode.error.Fail;
import org.metroledger.gateway.failure.ApiCode;
import org.metroledger.gateway.identity.IdentityStore;
import org.metroledger.gateway.identity.Member;
import org.metroledger.gateway.ledger.BlockSummary;
import org.metroledger.gateway.ledger.BlockWrites;
import org.metroledger.gateway.ledger.Committed;
import org.metroledger.gateway.ledger.Ledger;
import org.metroledger.gateway.ledger.LedgerEvent;
import org.metroledger.gateway.ledger.LedgerException;
import org.metroledger.gateway.ledger.ReadAnswer;
import org.metroledger.simulation.ContractHost;
import org.metroledger.simulation.ContractHost.Simulation;
import org.metroledger.simulation.Proposal;
import org.metroledger.simulation.ReadWriteSet;

/**
 * The default ledger: the chaincode's ContractRouter runs in-process and a local orderer commits
 * signed, hash-chained blocks into RocksDB with Fabric's semantics (simulate, order, validate MVCC,
 * commit). A write is acknowledged only once its block and state changes are synced to disk.
 * Data directory layout: {@code ledger/} (RocksDB) and {@code msp/} (see {@link IdentityStore}).
 */
public final class EmbeddedLedger implements Ledger {
    /** The channel name proposals carry, as on the Fabric network. */
    public static final String CHANNEL = "metrology";

    private final LedgerStore store;
    private final Clock clock;
    private final ContractHost host;
    private final ExecutorService endorsers;
    /** Reads (evaluate, block, txId lookups) have their own threads, so they never queue behind submits. */
    private final ExecutorService readers;

    private final ExecutorService completions;
    private final ExecutorService deliveries;
    private final Orderer orderer;
    private final EventFeed events;
    private final SecureRandom random = new SecureRandom();
    private final Map<Member, Creator> creators = new ConcurrentHashMap<>();
    /**
     * Blocks of committed transactions already looked up. A committed transaction never moves, so an
     * entry never goes stale; every verification answer asks for the block of its certificate's
     * last write.
     */
    private final BoundedCache<String, Long> blocksOfTransactions = new BoundedCache<>(100_000);
    /** Followers of write sets, told of each block before its submitters hear of it. */
    private final List<Consumer<BlockWrites>> writeListeners = new CopyOnWriteArrayList<>();
    /** Closing twice must not free RocksDB's native handles twice. */
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * How the engine cuts blocks and how many threads simulate.
     *
     * @param maxBlockTransactions a block is cut once it holds this many transactions
     * @param batchTimeout or this long after its first transaction arrived
     * @param endorsers threads simulating submitted proposals, and as many again for reads
     */
    public record Settings(int maxBlockTransactions, Duration batchTimeout, int endorsers) {
        public static final Settings DEFAULT = new Settings(500, Duration.ofMillis(2), 2);

        public Settings {
            if (maxBlockTransactions < 1) {
                throw new IllegalArgumentException("maxBlockTransactions must be at least 1");
            }
            if (batchTimeout.isNegative()) {
                throw new IllegalArgumentException("batchTimeout must not be negative");
            }
            if (endorsers < 1) {
                throw new IllegalArgumentException("endorsers must be at least 1");
            }
        }
    }

    /**
     * One router per JVM: building it scans the classpath for contracts, which takes seconds, and a
     * router serves concurrent invocations as a peer's does.
     */
    private static final class SharedHost {
        static final ContractHost INSTANCE = new ContractHost(Contracts.ALL);
    }

    /** The organisations' CAs and CRLs: every creator is checked against its MSP's CRL, as Fabric's MSP does. */
    private final IdentityStore identities;

    /** A creator's MSP, PEM and serialized identity, computed once per member. */
    private record Creator(String msp, String certificatePem, byte[] serialized) {}

    private EmbeddedLedger(Path dataDir, IdentityStore identities, Clock clock, Settings settings) {
        this.clock = clock;
        this.identities = identities;
        // Built before the store opens, so a router that cannot start leaves no store open.
        this.host = SharedHost.INSTANCE;
        this.store = LedgerStore.open(ledgerDirectory(dataDir));
        try {
            ChainVerifier.checkTail(store, identities.orderer().certificate().getPublicKey())
                    .ifPresent(problem -> {
                        throw new LedgerException(
                                ApiCode.STORE_CORRUPTED,
                                "the ledger store at " + ledgerDirectory(dataDir) + " is damaged: " + problem);
                    });
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        this.endorsers = Executors.newFixedThreadPool(settings.endorsers(), threads("embedded-endorser"));
        this.readers = Executors.newFixedThreadPool(settings.endorsers(), threads("embedded-reader"));
        this.completions = Executors.newFixedThreadPool(2, threads("embedded-completion"));
        this.deliveries = Executors.newFixedThreadPool(2, threads("embedded-events"));
        this.events = new EventFeed(this::storedBlock, () -> store.tip().height(), deliveries);
        this.orderer =
                new Orderer(store, identities.orderer().privateKey(), clock, settings, completions, this::committed);
    }

    /** Opens (creating on first start) the ledger in {@code dataDir} with default settings. */
    public static EmbeddedLedger open(Path dataDir, IdentityStore identities, Clock clock) {
        return open(dataDir, identities, clock, Settings.DEFAULT);
    }

    public static EmbeddedLedger open(Path dataDir, IdentityStore identities, Clock clock, Settings settings) {
        return new EmbeddedLedger(dataDir, identities, clock, settings);
    }

    static Path ledgerDirectory(Path dataDir) {
        return dataDir.resolve("ledger");
    }

    @Override
    public CompletableFuture<Committed> submit(Member who, String function, List<String> args) {
        return submitUnless(who, function, args, answer -> false);
    }

    @Override
    public CompletableFuture<Committed> submitUnless(
            Member who, String function, List<String> args, Predicate<String> idle) {
        CompletableFuture<Committed> result = new CompletableFuture<>();
        endorse(who, function, args).whenComplete((endorsement, failure) -> {
            if (failure != null) {
                result.completeExceptionally(failure);
            } else if (idle.test(endorsement.simulation().payloadText())) {
                result.complete(Committed.notOrdered(endorsement.simulation().payloadText()));
            } else {
                order(endorsement).whenComplete((committed, error) -> {
                    if (error != null) {
                        result.completeExceptionally(error);
                    } else {
                        result.complete(committed);
                    }
                });
            }
        });
        return result;
    }

    @Override
    public CompletableFuture<String> evaluate(Member who, String function, List<String> args) {
        return on(
                readers, () -> simulate(who, function, args, false).simulation().payloadText());
    }

    /** The read set is the simulation's: the keys read, and the height seen before taking its snapshot. */
    @Override
    public CompletableFuture<ReadAnswer> evaluateTracked(Member who, String function, List<String> args) {
        return on(readers, () -> {
            long fromHeight = height();
            Simulation simulation = simulate(who, function, args, false).simulation();
            ReadWriteSet rwset = simulation.readWriteSet();
            return new ReadAnswer(
                    simulation.payloadText(), fromHeight, rwset.reads().keySet(), !rwset.queriedRange());
        });
    }

    @Override
    public Optional<WriteFollower> onWrites(Consumer<BlockWrites> listener) {
        writeListeners.add(listener);
        // Read after joining: every block from this height on is committed after the listener joined.
        long from = height();
        return Optional.of(WriteFollower.of(from, () -> writeListeners.remove(listener)));
    }

    /** A block is written: its write set goes to the followers, then its events to subscribers. */
    private void committed(Block block) {
        if (!writeListeners.isEmpty()) {
            Set<String> keys = new HashSet<>();
            for (BlockTransaction tx : block.transactions()) {
                if (tx.validationCode() == ValidationCode.VALID) {
                    tx.rwset().writes().forEach(w -> keys.add(w.key()));
                }
            }
            BlockWrites writes = new BlockWrites(block.number(), keys);
            writeListeners.forEach(l -> l.accept(writes));
        }
        events.committed(block);
    }

    /** Simulates a proposal against committed state; fails with the chaincode's error code. */
    CompletableFuture<Endorsement> endorse(Member who, String function, List<String> args) {
        return on(endorsers, () -> simulate(who, function, args, true));
    }

    /**
     * Runs work on a pool; the future fails with the {@link LedgerException} itself (not wrapped),
     * so callers' handlers see the code directly. Once the store has found damage, nothing is read
     * from it again.
     */
    private <T> CompletableFuture<T> on(ExecutorService pool, Supplier<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        try {
            pool.execute(() -> {
                try {
                    store.refuseIfDamaged();
                    result.complete(work.get());
                } catch (LedgerException e) {
                    result.completeExceptionally(e);
                } catch (RuntimeException e) {
                    result.completeExceptionally(new LedgerException(ApiCode.INTERNAL, e.toString(), null, e));
                }
            });
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(new LedgerException(ApiCode.UNAVAILABLE, "the ledger is closed"));
        }
        return result;
    }

    /** Hands an endorsed transaction to the orderer. */
    CompletableFuture<Committed> order(Endorsement endorsement) {
        return orderer.order(endorsement);
    }

    /**
     * Simulates a proposal: to endorse it (its read/write set validated and committed) or to
     * evaluate it (only the answer read, so range reads record none of their keys).
     */
    private Endorsement simulate(Member who, String function, List<String> args, boolean endorsing) {
        if (function == null || function.isBlank()) {
            throw new LedgerException(ApiCode.INVALID_ARGUMENT, "function is required");
        }
        if (identities.isRevoked(who)) {
            throw new LedgerException(
                    ApiCode.IDENTITY_REFUSED,
                    "the ledger refuses the caller's identity: its certificate (serial "
                            + who.certificate().getSerialNumber().toString(16) + ") is on the CRL of "
                            + who.mspId());
        }
        Creator creator =
                creators.computeIfAbsent(who, m -> new Creator(m.mspId(), m.certificatePem(), m.serializedIdentity()));
        List<byte[]> bytes = new ArrayList<>(args.size() + 1);
        bytes.add(function.getBytes(StandardCharsets.UTF_8));
        args.forEach(a -> bytes.add(a.getBytes(StandardCharsets.UTF_8)));
        Proposal proposal = new Proposal(
                CHANNEL,
                txId(creator.serialized()),
                clock.instant(),
                creator.serialized(),
                who.mspId(),
                bytes,
                Map.of());
        Simulation simulation;
        try (LedgerStore.StateSnapshot state = store.snapshot()) {
            simulation = endorsing ? host.simulate(state, proposal) : host.evaluate(state, proposal);
        } catch (RuntimeException e) {
            store.refuseIfDamaged();
            throw new LedgerException(
                    ApiCode.INTERNAL, "simulating " + function + " failed: " + e.getMessage(), proposal.txId(), e);
        }
        // The router answers a failed read as the chaincode's error, and a contract may have caught
        // it: whatever it answered, an answer read from damaged data is not given.
        store.refuseIfDamaged();
        if (!simulation.succeeded()) {
            throw new LedgerException(
                    ApiCode.ofChaincode(simulation.payload(), simulation.message()),
                    Fail.messageOf(simulation.message()),
                    proposal.txId(),
                    null);
        }
        return new Endorsement(proposal, creator.msp(), creator.certificatePem(), function, args, simulation);
    }

    /** Fabric's transaction id: SHA-256 of a fresh nonce and the creator, hex. */
    private String txId(byte[] creator) {
        byte[] nonce = new byte[24];
        random.nextBytes(nonce);
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(nonce);
            digest.update(creator);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    @Override
    public CompletableFuture<Void> revokeCertificate(String msp, String serialHex, String reasonCode) {
        return on(endorsers, () -> {
            try {
                identities.revoke(msp, new BigInteger(serialHex, 16), reasonCode);
            } catch (IllegalArgumentException e) {
                throw new LedgerException(ApiCode.INVALID_ARGUMENT, e.getMessage());
            }
            return null;
        });
    }

    @Override
    public CompletableFuture<Optional<Long>> blockNumberOf(String txId) {
        Long known = blocksOfTransactions.peek(txId);
        if (known != null) {
            return CompletableFuture.completedFuture(Optional.of(known));
        }
        return on(readers, () -> {
            Optional<Long> block = store.locate(txId).map(LedgerStore.TxLocation::block);
            block.ifPresent(number -> blocksOfTransactions.get(txId, id -> number));
            return block;
        });
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public long height() {
        return store.tip().height();
    }

    @Override
    public CompletableFuture<Optional<BlockSummary>> block(long number) {
        return on(
                readers,
                () -> number < 0 || number >= height()
                        ? Optional.<BlockSummary>empty()
                        : Optional.of(summary(storedBlock(number))));
    }

    private Block storedBlock(long number) {
        byte[] bytes = store.block(number)
                .orElseThrow(() -> new LedgerException(ApiCode.INTERNAL, "block " + number + " is missing"));
        return BlockCodec.decode(bytes);
    }

    private static BlockSummary summary(Block block) {
        return new BlockSummary(
                block.number(),
                block.hash(),
                block.header().previousHash(),
                block.header().dataHash(),
                block.header().timestamp(),
                block.transactions().stream()
                        .map(tx -> new BlockSummary.TransactionSummary(
                                tx.txId(),
                                tx.creatorMsp(),
                                tx.function(),
                                tx.validationCode().name(),
                                tx.timestamp()))
                        .toList());
    }

    @Override
    public AutoCloseable onEvents(long fromBlock, Consumer<LedgerEvent> listener) {
        return events.subscribe(fromBlock, listener);
    }

    @Override
    public String backend() {
        return "embedded";
    }

    /** Ready until the store finds damage; from then on /health answers 503 with the damaged file. */
    @Override
    public CompletableFuture<Void> probe() {
        return store.damage()
                .map(damage ->
                        CompletableFuture.<Void>failedFuture(new LedgerException(ApiCode.STORE_CORRUPTED, damage)))
                .orElseGet(() -> CompletableFuture.completedFuture(null));
    }

    /** Commits what is already ordered, stops the threads and closes the store. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        endorsers.shutdown();
        readers.shutdown();
        awaitQuietly(endorsers);
        awaitQuietly(readers);
        orderer.close();
        completions.shutdown();
        awaitQuietly(completions);
        events.close();
        deliveries.shutdown();
        awaitQuietly(deliveries);
        store.close();
    }

    private static void awaitQuietly(ExecutorService executor) {
        try {
            if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            executor.shutdownNow();
        }
    }

    private static ThreadFactory threads(String name) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
