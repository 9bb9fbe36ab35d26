package org.metroledger.gateway.ledger.fabric;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.grpc.ManagedChannel;
import io.grpc.stub.StreamObserver;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;
import org.hyperledger.fabric.client.Gateway;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.protos.common.Config;
import org.hyperledger.fabric.protos.common.ConfigUpdate;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.Status;
import org.hyperledger.fabric.protos.orderer.AtomicBroadcastGrpc;
import org.hyperledger.fabric.protos.orderer.BroadcastResponse;
import org.metroledger.gateway.failure.ApiCode;
import org.metroledger.gateway.identity.Member;
import org.metroledger.gateway.ledger.LedgerException;

/**
 * Revocation the whole Fabric network enforces: the certificate is revoked at its organisation's
 * Fabric CA, the CA's new CRL is written into that organisation's MSP in the channel configuration
 * (a config update signed by the centres' admins, broadcast to an orderer), and this waits until
 * every peer's configuration carries it: from then on every peer and orderer refuses the identity in
 * its MSP validation, before any chaincode runs.
 */
final class NetworkRevocation {
    private static final Duration APPLIED = Duration.ofSeconds(30);
    private static final Duration BROADCAST = Duration.ofSeconds(15);
    private static final int ATTEMPTS = 3;

    private final FabricNetwork network;
    private final FabricCas cas;
    private final BiFunction<Member, String, Gateway> gateways;
    private final Deadlines deadlines;

    NetworkRevocation(
            FabricNetwork network, FabricCas cas, BiFunction<Member, String, Gateway> gateways, Deadlines deadlines) {
        this.network = network;
        this.cas = cas;
        this.gateways = gateways;
        this.deadlines = deadlines;
    }

    void revoke(String msp, BigInteger serial, String reasonCode) {
        ByteString crl;
        try {
            crl = ByteString.copyFromUtf8(cas.ca(msp).revoke(serial, reasonCode));
        } catch (FabricCa.CaException e) {
            throw e.asLedgerFailure();
        } catch (IllegalArgumentException e) {
            throw new LedgerException(ApiCode.INVALID_ARGUMENT, e.getMessage());
        }
        for (int attempt = 1; ; attempt++) {
            Optional<ConfigUpdate> update = MspRevocationUpdate.of(network.channel(), config(msp), msp, crl);
            if (update.isEmpty()) {
                break;
            }
            Status status = broadcast(MspRevocationUpdate.envelope(update.get(), signers(msp), Instant.now()), msp);
            if (status == Status.SUCCESS) {
                break;
            }
            // BAD_REQUEST: another update changed the configuration since it was read; read again.
            if (attempt == ATTEMPTS) {
                throw new LedgerException(
                        ApiCode.CONFLICT, "the orderers refused the channel update of " + msp + "'s CRL: " + status);
            }
        }
        awaitApplied(msp, crl);
    }

    /** The organisation's admin, then the others' up to a majority of all centres. */
    private List<Member> signers(String msp) {
        List<Member> signers = new ArrayList<>(List.of(cas.admin(msp)));
        int majority = network.organizations().size() / 2 + 1;
        for (FabricNetwork.Organization org : network.organizations()) {
            if (signers.size() >= majority) {
                break;
            }
            if (!org.mspId().equals(msp)) {
                signers.add(cas.admin(org.mspId()));
            }
        }
        return signers;
    }

    /** The channel configuration as that organisation's own peer holds it (read as its admin). */
    private Config config(String peerMsp) {
        try {
            byte[] bytes = gateways.apply(cas.admin(peerMsp), peerMsp)
                    .getNetwork(network.channel())
                    .getContract("cscc")
                    .newProposal("GetChannelConfig")
                    .addArguments(network.channel())
                    .setEndorsingOrganizations(peerMsp)
                    .build()
                    .evaluate(deadlines::forEvaluate);
            return Config.parseFrom(bytes);
        } catch (GatewayException e) {
            throw FabricErrors.of(e, null);
        } catch (InvalidProtocolBufferException e) {
            throw new LedgerException(ApiCode.INTERNAL, "unreadable channel configuration from cscc", null, e);
        }
    }

    /** Broadcasts to the organisation's own orderer, then the others', until one answers. */
    private Status broadcast(Envelope envelope, String msp) {
        List<FabricNetwork.Organization> order = new ArrayList<>(network.organizations());
        order.sort((a, b) -> Boolean.compare(!a.mspId().equals(msp), !b.mspId().equals(msp)));
        LedgerException last = null;
        for (FabricNetwork.Organization org : order) {
            ManagedChannel channel = FabricLedger.channel(org.orderer());
            try {
                return broadcastTo(channel, envelope);
            } catch (LedgerException e) {
                last = e;
            } finally {
                channel.shutdownNow();
            }
        }
        throw last;
    }

    private static Status broadcastTo(ManagedChannel channel, Envelope envelope) {
        CompletableFuture<BroadcastResponse> answer = new CompletableFuture<>();
        StreamObserver<Envelope> requests = AtomicBroadcastGrpc.newStub(channel)
                .withDeadlineAfter(BROADCAST.toMillis(), TimeUnit.MILLISECONDS)
                .broadcast(new StreamObserver<>() {
                    @Override
                    public void onNext(BroadcastResponse response) {
                        answer.complete(response);
                    }

                    @Override
                    public void onError(Throwable t) {
                        answer.completeExceptionally(t);
                    }

                    @Override
                    public void onCompleted() {
                        answer.completeExceptionally(new IllegalStateException("the orderer closed without answer"));
                    }
                });
        requests.onNext(envelope);
        try {
            BroadcastResponse response = answer.get(BROADCAST.toMillis(), TimeUnit.MILLISECONDS);
            requests.onCompleted();
            return response.getStatus();
        } catch (ExecutionException | TimeoutException e) {
            throw new LedgerException(ApiCode.UNAVAILABLE, "the orderer did not take the channel update: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LedgerException(ApiCode.UNAVAILABLE, "interrupted while broadcasting the channel update");
        }
    }

    /** Waits until every peer's channel configuration carries the CRL. */
    private void awaitApplied(String msp, ByteString crl) {
        long deadline = System.nanoTime() + APPLIED.toNanos();
        for (FabricNetwork.Organization org : network.organizations()) {
            while (!MspRevocationUpdate.carries(config(org.mspId()), msp, crl)) {
                if (System.nanoTime() > deadline) {
                    throw new LedgerException(
                            ApiCode.UNAVAILABLE,
                            "the peer of " + org.mspId() + " does not yet carry " + msp + "'s new CRL after "
                                    + APPLIED.toSeconds() + " s; repeat the revocation");
                }
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new LedgerException(ApiCode.UNAVAILABLE, "interrupted while waiting for the CRL");
                }
            }
        }
    }
}
