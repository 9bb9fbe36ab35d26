package org.metroledger.gateway.ledger.fabric;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Timestamp;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Config;
import org.hyperledger.fabric.protos.common.ConfigGroup;
import org.hyperledger.fabric.protos.common.ConfigSignature;
import org.hyperledger.fabric.protos.common.ConfigUpdate;
import org.hyperledger.fabric.protos.common.ConfigUpdateEnvelope;
import org.hyperledger.fabric.protos.common.ConfigValue;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.Header;
import org.hyperledger.fabric.protos.common.HeaderType;
import org.hyperledger.fabric.protos.common.Payload;
import org.hyperledger.fabric.protos.common.SignatureHeader;
import org.hyperledger.fabric.protos.msp.FabricMSPConfig;
import org.hyperledger.fabric.protos.msp.MSPConfig;
import org.metroledger.chaincode.signature.P256;
import org.metroledger.gateway.identity.Member;

/**
 * A channel configuration update that puts an organisation's CRL into its MSP definition, in the
 * channel's Application and Orderer sections alike (a centre is one MSP in both, and Fabric refuses
 * two different definitions of one MSP). The read set names the groups on the path at their
 * versions; the write set has the same groups and each changed MSP value at its version + 1, as
 * {@code configtxlator compute_update} would make it. The MSP value's modification policy is the
 * organisation's own Admins, so its admin's signature is the one needed; the other centres' admins
 * sign too (up to a majority), so the update also passes where a consortium raises that policy to
 * the channel's MAJORITY Admins.
 */
final class MspRevocationUpdate {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String MSP_KEY = "MSP";

    private MspRevocationUpdate() {}

    /** The update, or empty when the configuration carries that CRL already. */
    static Optional<ConfigUpdate> of(String channel, Config current, String msp, ByteString crlPem) {
        ConfigGroup root = current.getChannelGroup();
        ConfigGroup.Builder read = ConfigGroup.newBuilder().setVersion(root.getVersion());
        ConfigGroup.Builder write = ConfigGroup.newBuilder().setVersion(root.getVersion());
        boolean changed = false;
        for (String section : List.of("Application", "Orderer")) {
            ConfigGroup sectionGroup = root.getGroupsMap().get(section);
            if (sectionGroup == null) {
                continue;
            }
            for (var org : sectionGroup.getGroupsMap().entrySet()) {
                ConfigValue value = org.getValue().getValuesMap().get(MSP_KEY);
                Optional<ConfigValue> updated = value == null ? Optional.empty() : withCrl(value, msp, crlPem);
                if (updated.isEmpty()) {
                    continue;
                }
                changed = true;
                ConfigGroup.Builder readSection = read
                        .getGroupsOrDefault(
                                section,
                                ConfigGroup.newBuilder()
                                        .setVersion(sectionGroup.getVersion())
                                        .build())
                        .toBuilder();
                ConfigGroup.Builder writeSection = write.getGroupsOrDefault(section, readSection.build()).toBuilder();
                ConfigGroup orgVersion = ConfigGroup.newBuilder()
                        .setVersion(org.getValue().getVersion())
                        .build();
                readSection.putGroups(org.getKey(), orgVersion);
                writeSection.putGroups(
                        org.getKey(),
                        orgVersion.toBuilder().putValues(MSP_KEY, updated.get()).build());
                read.putGroups(section, readSection.build());
                write.putGroups(section, writeSection.build());
            }
        }
        if (!changed) {
            return Optional.empty();
        }
        return Optional.of(ConfigUpdate.newBuilder()
                .setChannelId(channel)
                .setReadSet(read)
                .setWriteSet(write)
                .build());
    }

    /** The MSP value with the CRL as its revocation list, if it defines {@code msp} and lacks it. */
    private static Optional<ConfigValue> withCrl(ConfigValue value, String msp, ByteString crlPem) {
        MSPConfig config = mspConfig(value);
        FabricMSPConfig fabric = fabric(config);
        if (!fabric.getName().equals(msp) || fabric.getRevocationListList().equals(List.of(crlPem))) {
            return Optional.empty();
        }
        // The CA's CRL lists every certificate it revoked: it replaces the one before.
        FabricMSPConfig revoked = fabric.toBuilder()
                .clearRevocationList()
                .addRevocationList(crlPem)
                .build();
        return Optional.of(value.toBuilder()
                .setVersion(value.getVersion() + 1)
                .setValue(config.toBuilder()
                        .setConfig(revoked.toByteString())
                        .build()
                        .toByteString())
                .build());
    }

    /** Whether the configuration's definition of {@code msp} carries exactly that CRL. */
    static boolean carries(Config config, String msp, ByteString crlPem) {
        ConfigGroup application = config.getChannelGroup().getGroupsMap().get("Application");
        if (application == null) {
            return false;
        }
        return application.getGroupsMap().values().stream()
                .map(org -> org.getValuesMap().get(MSP_KEY))
                .filter(value ->
                        value != null && fabric(mspConfig(value)).getName().equals(msp))
                .anyMatch(value -> withCrl(value, msp, crlPem).isEmpty());
    }

    private static MSPConfig mspConfig(ConfigValue value) {
        try {
            return MSPConfig.parseFrom(value.getValue());
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("the channel configuration holds an unreadable MSP value", e);
        }
    }

    private static FabricMSPConfig fabric(MSPConfig config) {
        try {
            return FabricMSPConfig.parseFrom(config.getConfig());
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("the channel configuration holds an unreadable MSP definition", e);
        }
    }

    /** The update signed by each admin, in an envelope the first of them submits to an orderer. */
    static Envelope envelope(ConfigUpdate update, List<Member> admins, Instant now) {
        ByteString updateBytes = update.toByteString();
        List<ConfigSignature> signatures = new ArrayList<>();
        for (Member admin : admins) {
            ByteString header = signatureHeader(admin).toByteString();
            signatures.add(ConfigSignature.newBuilder()
                    .setSignatureHeader(header)
                    .setSignature(sign(admin, header.concat(updateBytes)))
                    .build());
        }
        ConfigUpdateEnvelope signed = ConfigUpdateEnvelope.newBuilder()
                .setConfigUpdate(updateBytes)
                .addAllSignatures(signatures)
                .build();
        Member submitter = admins.get(0);
        ChannelHeader channelHeader = ChannelHeader.newBuilder()
                .setType(HeaderType.CONFIG_UPDATE_VALUE)
                .setChannelId(update.getChannelId())
                .setTimestamp(
                        Timestamp.newBuilder().setSeconds(now.getEpochSecond()).setNanos(now.getNano()))
                .build();
        Payload payload = Payload.newBuilder()
                .setHeader(Header.newBuilder()
                        .setChannelHeader(channelHeader.toByteString())
                        .setSignatureHeader(signatureHeader(submitter).toByteString()))
                .setData(signed.toByteString())
                .build();
        ByteString payloadBytes = payload.toByteString();
        return Envelope.newBuilder()
                .setPayload(payloadBytes)
                .setSignature(sign(submitter, payloadBytes))
                .build();
    }

    private static SignatureHeader signatureHeader(Member who) {
        byte[] nonce = new byte[24];
        RANDOM.nextBytes(nonce);
        return SignatureHeader.newBuilder()
                .setCreator(ByteString.copyFrom(who.serializedIdentity()))
                .setNonce(ByteString.copyFrom(nonce))
                .build();
    }

    private static ByteString sign(Member who, ByteString message) {
        return ByteString.copyFrom(P256.sign(who.privateKey(), message.toByteArray())
                .orElseThrow(() -> new IllegalStateException(who.mspId() + "'s admin key is not a P-256 key")));
    }
}
