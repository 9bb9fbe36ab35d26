package org.metroledger.simulation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A signed transaction proposal as the chaincode sees it: who (serialized identity), when, what.
 *
 * @param creator the creator's serialized identity (Fabric's SerializedIdentity protobuf bytes)
 * @param peerMspId the MSP of the peer that simulates, which {@code getMspId()} answers
 */
public record Proposal(
        String channelId,
        String txId,
        Instant timestamp,
        byte[] creator,
        String peerMspId,
        List<byte[]> args,
        Map<String, byte[]> transientData) {
    public Proposal {
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(txId, "txId");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(creator, "creator");
        args = List.copyOf(args);
        transientData = Map.copyOf(transientData);
    }
}
