package org.metroledger.gateway.ledger.fabric;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockData;
import org.hyperledger.fabric.protos.common.BlockHeader;
import org.hyperledger.fabric.protos.common.BlockMetadata;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.Header;
import org.hyperledger.fabric.protos.common.HeaderType;
import org.hyperledger.fabric.protos.common.Payload;
import org.hyperledger.fabric.protos.common.SignatureHeader;
import org.hyperledger.fabric.protos.gateway.PreparedTransaction;
import org.hyperledger.fabric.protos.ledger.rwset.NsReadWriteSet;
import org.hyperledger.fabric.protos.ledger.rwset.TxReadWriteSet;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVRWSet;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVRead;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVWrite;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.RangeQueryInfo;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.Version;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;
import org.hyperledger.fabric.protos.peer.ChaincodeAction;
import org.hyperledger.fabric.protos.peer.ChaincodeActionPayload;
import org.hyperledger.fabric.protos.peer.ChaincodeEndorsedAction;
import org.hyperledger.fabric.protos.peer.ChaincodeInput;
import org.hyperledger.fabric.protos.peer.ChaincodeInvocationSpec;
import org.hyperledger.fabric.protos.peer.ChaincodeProposalPayload;
import org.hyperledger.fabric.protos.peer.ChaincodeSpec;
import org.hyperledger.fabric.protos.peer.ProposalResponsePayload;
import org.hyperledger.fabric.protos.peer.Transaction;
import org.hyperledger.fabric.protos.peer.TransactionAction;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.junit.jupiter.api.Test;
import org.metroledger.gateway.ledger.BlockSummary;
import org.metroledger.gateway.ledger.BlockWrites;
import org.metroledger.gateway.ledger.ReadAnswer;
import org.metroledger.gateway.ledger.ReadSetCache;
import org.metroledger.gateway.ledger.WriteSetsOnlyLedger;

class BlockDecoderTest {
    @Test
    void block_summary_names_each_transaction_its_creator_function_and_validation_code() throws Exception {
        Block block = Block.newBuilder()
                .setHeader(BlockHeader.newBuilder()
                        .setNumber(7)
                        .setPreviousHash(ByteString.copyFrom(new byte[] {1, 2}))
                        .setDataHash(ByteString.copyFrom(new byte[] {3, 4})))
                .setData(BlockData.newBuilder()
                        .addData(envelope("tx-a", "NorthMSP", "certificate:Issue"))
                        .addData(envelope("tx-b", "EastMSP", "credit:RecordEvent")))
                .setMetadata(BlockMetadata.newBuilder()
                        .addMetadata(ByteString.EMPTY)
                        .addMetadata(ByteString.EMPTY)
                        .addMetadata(ByteString.copyFrom(new byte[] {
                            (byte) TxValidationCode.VALID_VALUE, (byte) TxValidationCode.MVCC_READ_CONFLICT_VALUE
                        })))
                .build();

        BlockSummary summary = BlockDecoder.summarise(block);

        assertThat(summary.number()).isEqualTo(7);
        assertThat(summary.previousHash()).isEqualTo("0102");
        assertThat(summary.hash()).isEqualTo(HexFormat.of().formatHex(BlockDecoder.headerHash(block.getHeader())));
        assertThat(summary.transactions())
                .extracting(
                        BlockSummary.TransactionSummary::txId,
                        BlockSummary.TransactionSummary::creatorMsp,
                        BlockSummary.TransactionSummary::function,
                        BlockSummary.TransactionSummary::validationCode)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("tx-a", "NorthMSP", "certificate:Issue", "VALID"),
                        org.assertj.core.groups.Tuple.tuple(
                                "tx-b", "EastMSP", "credit:RecordEvent", "MVCC_READ_CONFLICT"));
    }

    @Test
    void header_hash_depends_on_every_header_field() {
        BlockHeader header = BlockHeader.newBuilder()
                .setNumber(1)
                .setPreviousHash(ByteString.copyFromUtf8("p"))
                .setDataHash(ByteString.copyFromUtf8("d"))
                .build();
        byte[] hash = BlockDecoder.headerHash(header);
        assertThat(BlockDecoder.headerHash(header.toBuilder().setNumber(2).build()))
                .isNotEqualTo(hash);
        assertThat(BlockDecoder.headerHash(header.toBuilder()
                        .setPreviousHash(ByteString.copyFromUtf8("q"))
                        .build()))
                .isNotEqualTo(hash);
        assertThat(BlockDecoder.headerHash(header.toBuilder()
                        .setDataHash(ByteString.copyFromUtf8("e"))
                        .build()))
                .isNotEqualTo(hash);
    }

    @Test
    void a_block_write_set_holds_the_chaincode_keys_that_its_valid_transactions_wrote() throws Exception {
        Block block = block(
                9,
                List.of(TxValidationCode.VALID, TxValidationCode.MVCC_READ_CONFLICT),
                rwset(CHAINCODE, KVRWSet.newBuilder().addWrites(write("k1")).addWrites(write("k2"))),
                rwset(CHAINCODE, KVRWSet.newBuilder().addWrites(write("k3"))));

        assertThat(BlockDecoder.writes(block, CHAINCODE)).isEqualTo(new BlockWrites(9, Set.of("k1", "k2")));
        assertThat(BlockDecoder.writes(block, "_lifecycle")).isEqualTo(new BlockWrites(9, Set.of()));
    }

    @Test
    void an_endorsement_read_set_names_the_keys_read_and_a_range_query_makes_it_incomplete() throws Exception {
        KVRWSet.Builder reads = KVRWSet.newBuilder()
                .addReads(KVRead.newBuilder()
                        .setKey("cert")
                        .setVersion(Version.newBuilder().setBlockNum(3).setTxNum(1)))
                .addReads(KVRead.newBuilder().setKey("absent"));

        ReadAnswer answer = BlockDecoder.reads(prepared(rwset(CHAINCODE, reads)), "{}", 12, CHAINCODE);
        ReadAnswer ranged = BlockDecoder.reads(
                prepared(rwset(
                        CHAINCODE,
                        reads.clone()
                                .addRangeQueriesInfo(RangeQueryInfo.newBuilder()
                                        .setStartKey("a")
                                        .setEndKey("b")))),
                "{}",
                12,
                CHAINCODE);

        assertThat(answer).isEqualTo(new ReadAnswer("{}", 12, Set.of("cert", "absent"), true));
        assertThat(ranged.complete()).isFalse();
    }

    /** The cache fed from decoded blocks and endorsements, as FabricLedger feeds it. */
    @Test
    void a_reused_answer_survives_blocks_writing_other_keys_and_ends_at_one_writing_a_key_it_read() throws Exception {
        ReadSetCache<String, String> cache = new ReadSetCache<>(10, 10);
        cache.follow(new FollowingFrom(12));
        ReadAnswer read = BlockDecoder.reads(
                prepared(rwset(
                        CHAINCODE,
                        KVRWSet.newBuilder().addReads(KVRead.newBuilder().setKey("cert")))),
                "{\"verdict\":\"VALID\"}",
                12,
                CHAINCODE);
        cache.remember("C-1", read, read.payload());

        cache.committed(oneValidWrite(12, "other"));
        assertThat(cache.find("C-1", 13)).contains("{\"verdict\":\"VALID\"}");

        cache.committed(BlockDecoder.writes(
                block(
                        13,
                        List.of(TxValidationCode.MVCC_READ_CONFLICT, TxValidationCode.VALID),
                        rwset(CHAINCODE, KVRWSet.newBuilder().addWrites(write("cert"))),
                        rwset(CHAINCODE, KVRWSet.newBuilder().addWrites(write("another")))),
                CHAINCODE));
        assertThat(cache.find("C-1", 14))
                .as("an invalid transaction writes nothing")
                .isPresent();

        cache.committed(oneValidWrite(14, "cert"));
        assertThat(cache.find("C-1", 15)).isEmpty();
    }

    private static final String CHAINCODE = "metroledger";

    /** The decoded write set of a block whose one valid transaction writes {@code key}. */
    private static BlockWrites oneValidWrite(long number, String key) throws Exception {
        return BlockDecoder.writes(
                block(
                        number,
                        List.of(TxValidationCode.VALID),
                        rwset(CHAINCODE, KVRWSet.newBuilder().addWrites(write(key)))),
                CHAINCODE);
    }

    private static KVWrite write(String key) {
        return KVWrite.newBuilder()
                .setKey(key)
                .setValue(ByteString.copyFromUtf8("v"))
                .build();
    }

    private static TxReadWriteSet rwset(String namespace, KVRWSet.Builder kv) {
        return TxReadWriteSet.newBuilder()
                .addNsRwset(NsReadWriteSet.newBuilder()
                        .setNamespace(namespace)
                        .setRwset(kv.build().toByteString()))
                .build();
    }

    private static Block block(long number, List<TxValidationCode> codes, TxReadWriteSet... rwsets) {
        BlockData.Builder data = BlockData.newBuilder();
        byte[] filter = new byte[rwsets.length];
        for (int i = 0; i < rwsets.length; i++) {
            data.addData(envelope("tx-" + i, "NorthMSP", "certificate:Issue", rwsets[i]));
            filter[i] = (byte) codes.get(i).getNumber();
        }
        return Block.newBuilder()
                .setHeader(BlockHeader.newBuilder().setNumber(number))
                .setData(data)
                .setMetadata(BlockMetadata.newBuilder()
                        .addMetadata(ByteString.EMPTY)
                        .addMetadata(ByteString.EMPTY)
                        .addMetadata(ByteString.copyFrom(filter)))
                .build();
    }

    private static byte[] prepared(TxReadWriteSet rwset) throws Exception {
        return PreparedTransaction.newBuilder()
                .setTransactionId("tx-e")
                .setEnvelope(Envelope.parseFrom(envelope("tx-e", "NorthMSP", "certificate:Verify", rwset)))
                .build()
                .toByteArray();
    }

    /** Only says from which height write sets come. */
    private static final class FollowingFrom extends WriteSetsOnlyLedger {
        private final long height;

        FollowingFrom(long height) {
            this.height = height;
        }

        @Override
        public long height() {
            return height;
        }
    }

    private static ByteString envelope(String txId, String msp, String function) {
        return envelope(txId, msp, function, TxReadWriteSet.getDefaultInstance());
    }

    private static ByteString envelope(String txId, String msp, String function, TxReadWriteSet rwset) {
        ChaincodeInvocationSpec spec = ChaincodeInvocationSpec.newBuilder()
                .setChaincodeSpec(ChaincodeSpec.newBuilder()
                        .setInput(ChaincodeInput.newBuilder()
                                .addArgs(ByteString.copyFrom(function, StandardCharsets.UTF_8))))
                .build();
        ChaincodeActionPayload action = ChaincodeActionPayload.newBuilder()
                .setAction(ChaincodeEndorsedAction.newBuilder()
                        .setProposalResponsePayload(ProposalResponsePayload.newBuilder()
                                .setExtension(ChaincodeAction.newBuilder()
                                        .setResults(rwset.toByteString())
                                        .build()
                                        .toByteString())
                                .build()
                                .toByteString()))
                .setChaincodeProposalPayload(ChaincodeProposalPayload.newBuilder()
                        .setInput(spec.toByteString())
                        .build()
                        .toByteString())
                .build();
        Transaction transaction = Transaction.newBuilder()
                .addActions(TransactionAction.newBuilder().setPayload(action.toByteString()))
                .build();
        Header header = Header.newBuilder()
                .setChannelHeader(ChannelHeader.newBuilder()
                        .setType(HeaderType.ENDORSER_TRANSACTION_VALUE)
                        .setTxId(txId)
                        .setTimestamp(Timestamp.newBuilder().setSeconds(1_750_000_000))
                        .build()
                        .toByteString())
                .setSignatureHeader(SignatureHeader.newBuilder()
                        .setCreator(SerializedIdentity.newBuilder()
                                .setMspid(msp)
                                .build()
                                .toByteString())
                        .build()
                        .toByteString())
                .build();
        Payload payload = Payload.newBuilder()
                .setHeader(header)
                .setData(transaction.toByteString())
                .build();
        return Envelope.newBuilder().setPayload(payload.toByteString()).build().toByteString();
    }
}
