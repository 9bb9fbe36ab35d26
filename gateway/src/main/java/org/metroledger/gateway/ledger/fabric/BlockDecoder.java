package org.metroledger.gateway.ledger.fabric;

import com.google.protobuf.InvalidProtocolBufferException;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockHeader;
import org.hyperledger.fabric.protos.common.BlockMetadataIndex;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.HeaderType;
import org.hyperledger.fabric.protos.common.Payload;
import org.hyperledger.fabric.protos.common.SignatureHeader;
import org.hyperledger.fabric.protos.gateway.PreparedTransaction;
import org.hyperledger.fabric.protos.ledger.rwset.NsReadWriteSet;
import org.hyperledger.fabric.protos.ledger.rwset.TxReadWriteSet;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVRWSet;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;
import org.hyperledger.fabric.protos.peer.ChaincodeAction;
import org.hyperledger.fabric.protos.peer.ChaincodeActionPayload;
import org.hyperledger.fabric.protos.peer.ChaincodeInvocationSpec;
import org.hyperledger.fabric.protos.peer.ChaincodeProposalPayload;
import org.hyperledger.fabric.protos.peer.ProposalResponsePayload;
import org.hyperledger.fabric.protos.peer.Transaction;
import org.hyperledger.fabric.protos.peer.TransactionAction;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.metroledger.gateway.ledger.BlockSummary;
import org.metroledger.gateway.ledger.BlockWrites;
import org.metroledger.gateway.ledger.ReadAnswer;

/**
 * Reads a Fabric block into the backend-neutral {@link BlockSummary}, and read/write sets out of
 * transaction envelopes: a block's write set, an endorsed proposal's read set.
 */
final class BlockDecoder {
    private BlockDecoder() {}

    /** The keys of {@code namespace} (the chaincode's) that the block's valid transactions wrote. */
    static BlockWrites writes(Block block, String namespace) throws InvalidProtocolBufferException {
        byte[] filter = validationFilter(block);
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < block.getData().getDataCount(); i++) {
            TxValidationCode code =
                    i < filter.length ? TxValidationCode.forNumber(filter[i] & 0xff) : TxValidationCode.VALID;
            if (code != TxValidationCode.VALID) {
                continue;
            }
            for (KVRWSet rwset : rwsets(Envelope.parseFrom(block.getData().getData(i)), namespace)) {
                rwset.getWritesList().forEach(write -> keys.add(write.getKey()));
            }
        }
        return new BlockWrites(block.getHeader().getNumber(), keys);
    }

    /**
     * What an endorsed (not submitted) proposal read in {@code namespace}: its answer, the keys, and
     * {@code fromHeight} as given (the peer's height before the proposal). Incomplete when it ran a
     * range or rich query, whose keys do not say what a write could change.
     */
    static ReadAnswer reads(byte[] preparedTransaction, String payload, long fromHeight, String namespace)
            throws InvalidProtocolBufferException {
        Envelope envelope = PreparedTransaction.parseFrom(preparedTransaction).getEnvelope();
        Set<String> keys = new HashSet<>();
        boolean complete = true;
        for (KVRWSet rwset : rwsets(envelope, namespace)) {
            rwset.getReadsList().forEach(read -> keys.add(read.getKey()));
            complete &= rwset.getRangeQueriesInfoCount() == 0;
        }
        return new ReadAnswer(payload, fromHeight, keys, complete);
    }

    /** The read/write sets of {@code namespace} in an endorser transaction; none for other types. */
    private static List<KVRWSet> rwsets(Envelope envelope, String namespace) throws InvalidProtocolBufferException {
        Payload payload = Payload.parseFrom(envelope.getPayload());
        ChannelHeader header = ChannelHeader.parseFrom(payload.getHeader().getChannelHeader());
        List<KVRWSet> found = new ArrayList<>();
        if (header.getType() != HeaderType.ENDORSER_TRANSACTION_VALUE) {
            return found;
        }
        for (TransactionAction action : Transaction.parseFrom(payload.getData()).getActionsList()) {
            ChaincodeActionPayload actionPayload = ChaincodeActionPayload.parseFrom(action.getPayload());
            ProposalResponsePayload response =
                    ProposalResponsePayload.parseFrom(actionPayload.getAction().getProposalResponsePayload());
            ChaincodeAction chaincodeAction = ChaincodeAction.parseFrom(response.getExtension());
            for (NsReadWriteSet ns :
                    TxReadWriteSet.parseFrom(chaincodeAction.getResults()).getNsRwsetList()) {
                if (ns.getNamespace().equals(namespace)) {
                    found.add(KVRWSet.parseFrom(ns.getRwset()));
                }
            }
        }
        return found;
    }

    private static byte[] validationFilter(Block block) {
        return block.getMetadata().getMetadataCount() > BlockMetadataIndex.TRANSACTIONS_FILTER_VALUE
                ? block.getMetadata()
                        .getMetadata(BlockMetadataIndex.TRANSACTIONS_FILTER_VALUE)
                        .toByteArray()
                : new byte[0];
    }

    static BlockSummary summarise(Block block) throws InvalidProtocolBufferException {
        BlockHeader header = block.getHeader();
        byte[] filter = validationFilter(block);
        List<BlockSummary.TransactionSummary> transactions = new ArrayList<>();
        String blockTime = null;
        for (int i = 0; i < block.getData().getDataCount(); i++) {
            Envelope envelope = Envelope.parseFrom(block.getData().getData(i));
            Payload payload = Payload.parseFrom(envelope.getPayload());
            ChannelHeader channelHeader =
                    ChannelHeader.parseFrom(payload.getHeader().getChannelHeader());
            SignatureHeader signatureHeader =
                    SignatureHeader.parseFrom(payload.getHeader().getSignatureHeader());
            String creator = signatureHeader.getCreator().isEmpty()
                    ? ""
                    : SerializedIdentity.parseFrom(signatureHeader.getCreator()).getMspid();
            String time = Instant.ofEpochSecond(
                            channelHeader.getTimestamp().getSeconds(),
                            channelHeader.getTimestamp().getNanos())
                    .toString();
            blockTime = time;
            String function = channelHeader.getType() == HeaderType.ENDORSER_TRANSACTION_VALUE
                    ? function(payload)
                    : HeaderType.forNumber(channelHeader.getType()) == null
                            ? ""
                            : HeaderType.forNumber(channelHeader.getType()).name();
            TxValidationCode code =
                    i < filter.length ? TxValidationCode.forNumber(filter[i] & 0xff) : TxValidationCode.VALID;
            transactions.add(new BlockSummary.TransactionSummary(
                    channelHeader.getTxId(), creator, function, code == null ? "UNKNOWN" : code.name(), time));
        }
        HexFormat hex = HexFormat.of();
        return new BlockSummary(
                header.getNumber(),
                hex.formatHex(headerHash(header)),
                hex.formatHex(header.getPreviousHash().toByteArray()),
                hex.formatHex(header.getDataHash().toByteArray()),
                blockTime,
                transactions);
    }

    /** Fabric's block hash: SHA-256 over the ASN.1 DER of (number, previous hash, data hash). */
    static byte[] headerHash(BlockHeader header) {
        ASN1EncodableVector fields = new ASN1EncodableVector();
        fields.add(new ASN1Integer(BigInteger.valueOf(header.getNumber())));
        fields.add(new DEROctetString(header.getPreviousHash().toByteArray()));
        fields.add(new DEROctetString(header.getDataHash().toByteArray()));
        try {
            return MessageDigest.getInstance("SHA-256").digest(new DERSequence(fields).getEncoded());
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot hash block header", e);
        }
    }

    private static String function(Payload payload) throws InvalidProtocolBufferException {
        Transaction transaction = Transaction.parseFrom(payload.getData());
        if (transaction.getActionsCount() == 0) {
            return "";
        }
        ChaincodeActionPayload action =
                ChaincodeActionPayload.parseFrom(transaction.getActions(0).getPayload());
        ChaincodeProposalPayload proposal = ChaincodeProposalPayload.parseFrom(action.getChaincodeProposalPayload());
        ChaincodeInvocationSpec spec = ChaincodeInvocationSpec.parseFrom(proposal.getInput());
        if (spec.getChaincodeSpec().getInput().getArgsCount() == 0) {
            return "";
        }
        return spec.getChaincodeSpec().getInput().getArgs(0).toString(StandardCharsets.UTF_8);
    }
}
