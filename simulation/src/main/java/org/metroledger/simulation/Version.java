package org.metroledger.simulation;

/** Height of the transaction that last wrote a key: block number, then position in the block. */
public record Version(long block, int tx) implements Comparable<Version> {
    @Override
    public int compareTo(Version other) {
        int byBlock = Long.compare(block, other.block);
        return byBlock != 0 ? byBlock : Integer.compare(tx, other.tx);
    }
}
