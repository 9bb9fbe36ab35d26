package org.metroledger.gateway.ledger.fabric;

import com.google.protobuf.InvalidProtocolBufferException;
import java.lang.System.Logger.Level;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import org.hyperledger.fabric.client.CloseableIterator;
import org.hyperledger.fabric.client.Network;
import org.hyperledger.fabric.protos.common.Block;
import org.metroledger.gateway.ledger.BlockWrites;
import org.metroledger.gateway.ledger.Ledger;

/**
 * Follows the channel's blocks from a height and hands each block's write set (the chaincode's
 * namespace) to a listener, in block order; reconnects after the block last delivered when the
 * stream breaks. A block that cannot be read is skipped, so the listener sees a gap (and a
 * {@link org.metroledger.gateway.ledger.ReadSetCache} then drops every answer).
 */
final class WriteSetStream extends FollowingThread<Block> {
    private static final System.Logger LOG = System.getLogger(WriteSetStream.class.getName());

    private final Supplier<Network> network;
    private final String chaincode;
    private final Consumer<BlockWrites> listener;
    private final LongConsumer seenHeight;
    private volatile long next;

    private WriteSetStream(
            Supplier<Network> network,
            String chaincode,
            long fromBlock,
            Consumer<BlockWrites> listener,
            LongConsumer seenHeight) {
        super("fabric-write-sets");
        this.network = network;
        this.chaincode = chaincode;
        this.next = fromBlock;
        this.listener = listener;
        this.seenHeight = seenHeight;
    }

    /** Starts following from {@code fromBlock}; {@code seenHeight} hears the height after each block. */
    static Ledger.WriteFollower open(
            Supplier<Network> network,
            String chaincode,
            long fromBlock,
            Consumer<BlockWrites> listener,
            LongConsumer seenHeight) {
        WriteSetStream stream = new WriteSetStream(network, chaincode, fromBlock, listener, seenHeight);
        stream.start();
        return Ledger.WriteFollower.of(fromBlock, stream::close);
    }

    @Override
    CloseableIterator<Block> connect() {
        return network.get().newBlockEventsRequest().startBlock(next).build().getEvents();
    }

    @Override
    void deliver(Block block) {
        long number = block.getHeader().getNumber();
        if (number < next) {
            return;
        }
        try {
            listener.accept(BlockDecoder.writes(block, chaincode));
        } catch (InvalidProtocolBufferException e) {
            LOG.log(Level.ERROR, "cannot read the write set of block " + number + "; skipping it", e);
        }
        next = number + 1;
        seenHeight.accept(number + 1);
    }

    @Override
    String broken() {
        return "block stream broke; reconnecting from block " + next;
    }
}
