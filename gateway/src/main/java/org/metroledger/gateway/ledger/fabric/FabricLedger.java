package org.metroledger.gateway.ledger.fabric;

import io.grpc.ChannelCredentials;
import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.TlsChannelCredentials;
import java.io.File;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.hyperledger.fabric.client.CommitStatusException;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.Gateway;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.client.Hash;
import org.hyperledger.fabric.client.Network;
import org.hyperledger.fabric.client.Status;
import org.hyperledger.fabric.client.SubmittedTransaction;
import org.hyperledger.fabric.client.Transaction;
import org.hyperledger.fabric.client.identity.Signers;
import org.hyperledger.fabric.client.identity.X509Identity;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockchainInfo;
import org.metroledger.chaincode.cache.BoundedCache;
import org.metroledger.chaincode.signature.P256;
import org.metroledger.gateway.failure.ApiCode;
import org.metroledger.gateway.identity.Member;
import org.metroledger.gateway.ledger.BlockSummary;
import org.metroledger.gateway.ledger.BlockWrites;
import org.metroledger.gateway.ledger.Committed;
import org.metroledger.gateway.ledger.Ledger;
import org.metroledger.gateway.ledger.LedgerEvent;
import org.metroledger.gateway.ledger.LedgerException;
import org.metroledger.gateway.ledger.ReadAnswer;

/**
 * The ledger on a real Fabric network, through the fabric-gateway client: one gRPC channel per
 * peer, one Gateway per acting identity (on its own organisation's peer first, failing over to the
 * others), deadlines on every call and bounded retry of MVCC read conflicts with a fresh proposal.
 */
public final class FabricLedger implements Ledger {
    private static final System.Logger LOG = System.getLogger(FabricLedger.class.getName());
    /** A conflict means another transaction won the race; a fresh proposal usually succeeds. */
    private static final int MAX_ATTEMPTS = 4;
    /** How long a write committed elsewhere waits for the caller's own peer to hold it too. */
    private static final Duration CATCH_UP = Duration.ofSeconds(3);

    private final FabricNetwork settings;
    private final Deadlines deadlines;
    private final Map<String, ManagedChannel> channels = new LinkedHashMap<>();
    private final Map<String, Gateway> gateways = new ConcurrentHashMap<>();
    private final Member observer;
    private final ExecutorService calls;
    private final ChaincodeEventStreams events;
    private final AtomicLong height = new AtomicLong();
    /** The block streams of {@link #onWrites}, stopped when the ledger closes. */
    private final List<WriteFollower> writeStreams = new java.util.concurrent.CopyOnWriteArrayList<>();
    /**
     * The block of each transaction looked up or committed here: a verification names the
     * transaction that last wrote its certificate, and Raft never forks, so the answer holds.
     */
    private final BoundedCache<String, Long> blocksOfTransactions = new BoundedCache<>(100_000);

    private final NetworkRevocation revocation;

    private FabricLedger(FabricNetwork settings, Member observer, Deadlines deadlines) {
        this.settings = settings;
        this.observer = observer;
        this.deadlines = deadlines;
        // fabric-gateway's calls block; a bounded pool keeps them off the event loop.
        this.calls = Executors.newFixedThreadPool(64, daemon("fabric-call"));
        for (FabricNetwork.Organization org : settings.organizations()) {
            channels.put(org.mspId(), channel(org.peer()));
        }
        this.events = new ChaincodeEventStreams(this::network, settings.chaincode());
        this.revocation = new NetworkRevocation(settings, FabricCas.of(settings), this::gateway, deadlines);
    }

    /**
     * Connects to the network described by {@code gateway-connection.json}; {@code observer} is the
     * identity used for block queries and event streams.
     */
    public static FabricLedger connect(FabricNetwork settings, Member observer, Deadlines deadlines) {
        FabricLedger ledger = new FabricLedger(settings, observer, deadlines);
        ledger.refreshHeight();
        return ledger;
    }

    @Override
    public CompletableFuture<Committed> submit(Member who, String function, List<String> args) {
        return onCalls(() -> submitNow(who, function, args, answer -> false));
    }

    /** The endorsed transaction is submitted only if its answer is not idle (fabric-gateway's endorse, then submit). */
    @Override
    public CompletableFuture<Committed> submitUnless(
            Member who, String function, List<String> args, Predicate<String> idle) {
        return onCalls(() -> submitNow(who, function, args, idle));
    }

    @Override
    public CompletableFuture<String> evaluate(Member who, String function, List<String> args) {
        return onCalls(() -> new String(
                onAnyPeer(
                        who,
                        (network, peerMsp) -> contract(network)
                                .newProposal(function)
                                .addArguments(args.toArray(String[]::new))
                                // On that peer alone: Fabric's gateway would otherwise move a
                                // read to another centre's peer, which may lag behind a write
                                // this gateway has seen committed.
                                .setEndorsingOrganizations(peerMsp)
                                .build()
                                .evaluate(deadlines::forEvaluate)),
                StandardCharsets.UTF_8));
    }

    private Committed submitNow(Member who, String function, List<String> args, Predicate<String> idle) {
        LedgerException last = null;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            try {
                return onAnyPeer(who, (network, peerMsp) -> {
                    Transaction endorsed = contract(network)
                            .newProposal(function)
                            .addArguments(args.toArray(String[]::new))
                            .build()
                            .endorse(deadlines::forEndorse);
                    String answer = new String(endorsed.getResult(), StandardCharsets.UTF_8);
                    if (idle.test(answer)) {
                        return Committed.notOrdered(answer);
                    }
                    SubmittedTransaction submitted = endorsed.submitAsync(deadlines::forSubmit);
                    Status status = submitted.getStatus(deadlines::forCommitStatus);
                    if (!status.isSuccessful()) {
                        throw new CommitFailure(status);
                    }
                    height.accumulateAndGet(status.getBlockNumber() + 1, Math::max);
                    blocksOfTransactions.get(status.getTransactionId(), id -> status.getBlockNumber());
                    awaitReadable(who, peerMsp, status.getBlockNumber() + 1);
                    return new Committed(answer, status.getTransactionId(), status.getBlockNumber());
                });
            } catch (LedgerException e) {
                if (e.code() != ApiCode.MVCC_READ_CONFLICT) {
                    throw e;
                }
                last = e;
                LOG.log(Level.DEBUG, () -> "retrying " + function + " after " + e.getMessage());
                // A lagging peer catches up within milliseconds; a conflicting writer has committed.
                pause(Duration.ofMillis(20L * attempt));
            }
        }
        throw last;
    }

    /** A call that may throw Fabric's checked exceptions. */
    @FunctionalInterface
    private interface FabricCall<T> {
        T apply(Network network, String peerMsp) throws GatewayException, CommitFailure;
    }

    /** The caller's own organisation's peer first, then the others while peers are unavailable. */
    private <T> T onAnyPeer(Member who, FabricCall<T> call) {
        LedgerException unavailable = null;
        for (String peerMsp : peerOrder(who.mspId())) {
            try {
                return call.apply(gateway(who, peerMsp).getNetwork(settings.channel()), peerMsp);
            } catch (CommitFailure e) {
                throw FabricErrors.committedInvalid(e.status);
            } catch (CommitStatusException e) {
                // The transaction was submitted: its fate is unknown, so never resubmit it elsewhere.
                throw new LedgerException(
                        ApiCode.UNAVAILABLE,
                        "transaction " + e.getTransactionId() + " was submitted but its commit status is unknown",
                        e.getTransactionId(),
                        e);
            } catch (GatewayException e) {
                LedgerException mapped = FabricErrors.of(e, null);
                if (mapped.code() != ApiCode.UNAVAILABLE) {
                    throw mapped;
                }
                unavailable = mapped;
                LOG.log(Level.WARNING, "peer of " + peerMsp + " unavailable, trying the next", e);
            }
        }
        throw unavailable;
    }

    /**
     * Read your writes: a transaction committed through another centre's peer (the caller's own was
     * unavailable) is answered once the caller's first peer, where its next reads go, holds the
     * block too, or after {@link #CATCH_UP} if that peer is still away (its reads fail over then).
     */
    private void awaitReadable(Member who, String committedOn, long height) {
        String reader = peerOrder(who.mspId()).get(0);
        if (reader.equals(committedOn)) {
            return;
        }
        long deadline = System.nanoTime() + CATCH_UP.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (peerHeight(reader) >= height) {
                    return;
                }
            } catch (LedgerException e) {
                LOG.log(Level.DEBUG, "the peer of " + reader + " cannot say its height yet", e);
            }
            pause(Duration.ofMillis(50));
        }
        LOG.log(
                Level.WARNING,
                () -> "the peer of " + reader + " did not reach height " + height + " within " + CATCH_UP
                        + "; reads may fail over to other centres' peers");
    }

    private List<String> peerOrder(String mspId) {
        List<String> order = new ArrayList<>();
        if (channels.containsKey(mspId)) {
            order.add(mspId);
        }
        channels.keySet().stream().filter(m -> !m.equals(mspId)).forEach(order::add);
        return order;
    }

    private Gateway gateway(Member who, String peerMsp) {
        return gateways.computeIfAbsent(
                peerMsp + "|" + fingerprint(who),
                key -> signedBy(Gateway.newInstance(), who)
                        .identity(new X509Identity(who.mspId(), who.certificate()))
                        .connection(channels.get(peerMsp))
                        .connect());
    }

    /**
     * Every proposal and transaction is signed. fabric-gateway's own signer converts a JDK key for
     * Bouncy Castle at each signature and so recomputes the curve's tables every time (a third of
     * the gateway's CPU per verification); {@link P256} keeps them, with the same low-S DER output.
     */
    private static Gateway.Builder signedBy(Gateway.Builder builder, Member who) {
        if (!P256.signs(who.privateKey())) {
            return builder.signer(Signers.newPrivateKeySigner(who.privateKey())).hash(Hash.SHA256);
        }
        // Hash.NONE: the signer is given the message itself, and P256 hashes it with SHA-256.
        return builder.signer(message -> P256.sign(who.privateKey(), message).orElseThrow())
                .hash(Hash.NONE);
    }

    private Network network() {
        return gateway(observer, peerOrder(observer.mspId()).get(0)).getNetwork(settings.channel());
    }

    private Contract contract(Network network) {
        return network.getContract(settings.chaincode());
    }

    @Override
    public CompletableFuture<Void> revokeCertificate(String msp, String serialHex, String reasonCode) {
        return onCalls(() -> {
            BigInteger serial;
            try {
                serial = new BigInteger(serialHex, 16);
            } catch (NumberFormatException e) {
                throw new LedgerException(ApiCode.INVALID_ARGUMENT, "serial '" + serialHex + "' is not hex");
            }
            revocation.revoke(msp, serial, reasonCode);
        });
    }

    @Override
    public CompletableFuture<Optional<Long>> blockNumberOf(String txId) {
        Long known = blocksOfTransactions.peek(txId);
        if (known != null) {
            return CompletableFuture.completedFuture(Optional.of(known));
        }
        return onCalls(() -> {
            try {
                // The whole block comes back: worth asking once per transaction only.
                byte[] bytes = qscc("GetBlockByTxID", settings.channel(), txId);
                long number = Block.parseFrom(bytes).getHeader().getNumber();
                blocksOfTransactions.get(txId, id -> number);
                return Optional.of(number);
            } catch (LedgerException e) {
                if (e.code() == ApiCode.UNAVAILABLE) {
                    throw e;
                }
                return Optional.<Long>empty();
            } catch (com.google.protobuf.InvalidProtocolBufferException e) {
                throw new LedgerException(ApiCode.INTERNAL, "unreadable block from qscc", null, e);
            }
        });
    }

    @Override
    public long height() {
        return height.get();
    }

    /**
     * Ready while the gateway's own organisation's peer answers: reads and endorsements may fail
     * over to other centres' peers, but a gateway whose own centre is gone is not what its operators
     * think they run, and a load balancer should send its users elsewhere.
     */
    @Override
    public CompletableFuture<Void> probe() {
        return onCalls(() -> {
            height.accumulateAndGet(peerHeight(observer.mspId()), Math::max);
        });
    }

    /** The height of that centre's peer, asked of it alone; UNAVAILABLE when it does not answer. */
    private long peerHeight(String msp) {
        try {
            byte[] info = gateway(observer, msp)
                    .getNetwork(settings.channel())
                    .getContract("qscc")
                    .newProposal("GetChainInfo")
                    .addArguments(settings.channel())
                    .setEndorsingOrganizations(msp)
                    .build()
                    .evaluate(deadlines::forProbe);
            return BlockchainInfo.parseFrom(info).getHeight();
        } catch (GatewayException e) {
            throw new LedgerException(
                    ApiCode.UNAVAILABLE,
                    "the peer of " + msp + " does not answer: " + e.getStatus().getCode(),
                    null,
                    e);
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            throw new LedgerException(ApiCode.UNAVAILABLE, "unreadable chain info from " + msp, null, e);
        }
    }

    private void refreshHeight() {
        try {
            BlockchainInfo info = BlockchainInfo.parseFrom(qscc("GetChainInfo", settings.channel()));
            height.accumulateAndGet(info.getHeight(), Math::max);
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            throw new LedgerException(ApiCode.INTERNAL, "unreadable chain info from qscc", null, e);
        }
    }

    @Override
    public CompletableFuture<Optional<BlockSummary>> block(long number) {
        return onCalls(() -> {
            refreshHeight();
            if (number < 0 || number >= height.get()) {
                return Optional.<BlockSummary>empty();
            }
            try {
                return Optional.of(BlockDecoder.summarise(
                        Block.parseFrom(qscc("GetBlockByNumber", settings.channel(), Long.toString(number)))));
            } catch (com.google.protobuf.InvalidProtocolBufferException e) {
                throw new LedgerException(ApiCode.INTERNAL, "unreadable block " + number, null, e);
            }
        });
    }

    private byte[] qscc(String function, String... args) {
        return onAnyPeer(
                observer,
                (network, peerMsp) -> network.getContract("qscc")
                        .newProposal(function)
                        .addArguments(args)
                        .setEndorsingOrganizations(peerMsp)
                        .build()
                        .evaluate(deadlines::forEvaluate));
    }

    @Override
    public AutoCloseable onEvents(long fromBlock, Consumer<LedgerEvent> listener) {
        return events.open(fromBlock, event -> {
            height.accumulateAndGet(event.blockNumber() + 1, Math::max);
            listener.accept(event);
        });
    }

    /**
     * The read set of an endorsement on the caller's peer, which is not submitted; the height the
     * peer reported just before is where the answer's state starts.
     */
    @Override
    public CompletableFuture<ReadAnswer> evaluateTracked(Member who, String function, List<String> args) {
        return onCalls(() -> onAnyPeer(who, (network, peerMsp) -> {
            long fromHeight = peerHeight(peerMsp);
            Transaction endorsed = contract(network)
                    .newProposal(function)
                    .addArguments(args.toArray(String[]::new))
                    .setEndorsingOrganizations(peerMsp)
                    .build()
                    .endorse(deadlines::forEvaluate);
            try {
                return BlockDecoder.reads(
                        endorsed.getBytes(),
                        new String(endorsed.getResult(), StandardCharsets.UTF_8),
                        fromHeight,
                        settings.chaincode());
            } catch (com.google.protobuf.InvalidProtocolBufferException e) {
                throw new LedgerException(ApiCode.INTERNAL, "unreadable endorsement of " + function, null, e);
            }
        }));
    }

    /** Follows the blocks of the observer's peer from the height known now. */
    @Override
    public Optional<WriteFollower> onWrites(Consumer<BlockWrites> listener) {
        WriteFollower stream = WriteSetStream.open(
                this::network,
                settings.chaincode(),
                height.get(),
                listener,
                seen -> height.accumulateAndGet(seen, Math::max));
        writeStreams.add(stream);
        return Optional.of(WriteFollower.of(stream.fromHeight(), () -> {
            stream.close();
            writeStreams.remove(stream);
        }));
    }

    @Override
    public String backend() {
        return "fabric";
    }

    @Override
    public void close() {
        events.close();
        writeStreams.forEach(WriteFollower::close);
        writeStreams.clear();
        gateways.values().forEach(Gateway::close);
        calls.shutdown();
        for (ManagedChannel channel : channels.values()) {
            channel.shutdownNow();
            try {
                channel.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A TLS gRPC channel to one peer, trusting its organisation's TLS root. */
    public static ManagedChannel channel(FabricNetwork.Node peer) {
        try {
            ChannelCredentials tls = TlsChannelCredentials.newBuilder()
                    .trustManager(new File(peer.tlsRootCertPath()))
                    .build();
            var builder = Grpc.newChannelBuilder(peer.endpoint(), tls);
            if (peer.tlsServerNameOverride() != null
                    && !peer.tlsServerNameOverride().isBlank()) {
                builder.overrideAuthority(peer.tlsServerNameOverride());
            }
            // A peer's refusal travels in the trailers with every endorser's message: more than
            // the 8 KiB default, and the stream was reset instead of the refusal read.
            return builder.maxInboundMetadataSize(1 << 20).build();
        } catch (IOException e) {
            throw new LedgerException(
                    ApiCode.UNAVAILABLE, "cannot read TLS root of " + peer.name() + ": " + e.getMessage(), null, e);
        }
    }

    /**
     * Runs a blocking Fabric call on the call pool. The future fails with the {@link LedgerException}
     * itself, as {@link Ledger} promises, not wrapped in a CompletionException as supplyAsync would.
     */
    private <T> CompletableFuture<T> onCalls(Supplier<T> work) {
        CompletableFuture<T> future = new CompletableFuture<>();
        calls.execute(() -> {
            try {
                future.complete(work.get());
            } catch (RuntimeException e) {
                future.completeExceptionally(e);
            }
        });
        return future;
    }

    private CompletableFuture<Void> onCalls(Runnable work) {
        return onCalls(() -> {
            work.run();
            return null;
        });
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LedgerException(ApiCode.UNAVAILABLE, "interrupted while retrying a transaction", null, e);
        }
    }

    private static String fingerprint(Member member) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(member.certificate().getEncoded()));
        } catch (NoSuchAlgorithmException | java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicLong counter = new AtomicLong();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** A commit that Fabric judged invalid, carried out of the lambda to be mapped once. */
    private static final class CommitFailure extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient Status status;

        CommitFailure(Status status) {
            super(status.getCode().name());
            this.status = status;
        }
    }
}
