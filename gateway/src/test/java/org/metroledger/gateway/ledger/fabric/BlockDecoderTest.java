package org.metroledger.gateway.ledger.fabric;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
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
import org.hyperledger.fabric.protos.msp.SerializedIdentity;
import org.hyperledger.fabric.protos.peer.ChaincodeActionPayload;
import org.hyperledger.fabric.protos.peer.ChaincodeInput;
import org.hyperledger.fabric.protos.peer.ChaincodeInvocationSpec;
import org.hyperledger.fabric.protos.peer.ChaincodeProposalPayload;
import org.hyperledger.fabric.protos.peer.ChaincodeSpec;
import org.hyperledger.fabric.protos.peer.Transaction;
import org.hyperledger.fabric.protos.peer.TransactionAction;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.junit.jupiter.api.Test;
import org.metroledger.gateway.ledger.BlockSummary;

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

    private static ByteString envelope(String txId, String msp, String function) {
        ChaincodeInvocationSpec spec = ChaincodeInvocationSpec.newBuilder()
                .setChaincodeSpec(ChaincodeSpec.newBuilder()
                        .setInput(ChaincodeInput.newBuilder()
                                .addArgs(ByteString.copyFrom(function, StandardCharsets.UTF_8))))
                .build();
        ChaincodeActionPayload action = ChaincodeActionPayload.newBuilder()
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
