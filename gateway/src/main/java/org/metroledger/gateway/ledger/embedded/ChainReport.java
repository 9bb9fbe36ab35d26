package org.metroledger.gateway.ledger.embedded;

/**
 * What {@link ChainVerifier} found: either the whole chain and state check out, or the first
 * problem, with the block (or, for state, the key) where it is.
 *
 * @param blocksChecked blocks whose hash, link and signature verified before any problem
 * @param firstBadBlock the first block that failed a check, or null (state problems name a key)
 * @param badKey the key whose stored value, version or history differs from the replay, or null
 *     (both are null for damage of the store's files, which the detail names)
 * @param detail a sentence saying what is wrong, or null when ok
 */
public record ChainReport(
        boolean ok, long blocksChecked, Long firstBadBlock, Problem problem, String badKey, String detail) {
    /** The kinds of damage the verifier recognises. */
    public enum Problem {
        /** A block is absent below the recorded height. */
        MISSING_BLOCK,
        /** A stored block is not a readable block. */
        UNREADABLE_BLOCK,
        /** A block's recomputed data hash or header hash is not the one it records. */
        HASH_MISMATCH,
        /** A block's previous hash is not its predecessor's hash, or its number is out of sequence. */
        BROKEN_LINK,
        /** A block's signature does not verify with the orderer's certificate. */
        BAD_SIGNATURE,
        /** A transaction's recorded validation code is not what validating it again gives. */
        VALIDATION_MISMATCH,
        /** The txId index disagrees with the blocks. */
        INDEX_MISMATCH,
        /** The recorded tip (height and last hash) is not the last block. */
        TIP_MISMATCH,
        /** World state differs from a replay of every valid transaction's writes from genesis. */
        STATE_MISMATCH,
        /** A key's stored history differs from the replayed changes of that key. */
        HISTORY_MISMATCH,
        /** The orderer's certificate was not issued by its organisation's CA. */
        UNTRUSTED_ORDERER,
        /**
         * RocksDB found damage (a checksum mismatch, a damaged manifest or log) or cannot open the
         * store; the detail names the file and its key range.
         */
        CORRUPTED,
        /** A stored state value, history entry or index entry is not in the store's encoding. */
        UNREADABLE_RECORD
    }

    static ChainReport passed(long blocks) {
        return new ChainReport(true, blocks, null, null, null, null);
    }

    static ChainReport blockProblem(long blocksChecked, long block, Problem problem, String detail) {
        return new ChainReport(false, blocksChecked, block, problem, null, detail);
    }

    static ChainReport keyProblem(long blocksChecked, Problem problem, String key, String detail) {
        return new ChainReport(false, blocksChecked, null, problem, key, detail);
    }

    /** Damage of the store itself, named by file rather than by block or key. */
    static ChainReport storeProblem(long blocksChecked, Problem problem, String detail) {
        return new ChainReport(false, blocksChecked, null, problem, null, detail);
    }

    /** One line for the command line. */
    public String summary() {
        if (ok) {
            return "chain OK: " + blocksChecked + " blocks: hashes, links, signatures, state and history verified";
        }
        String where = firstBadBlock != null
                ? "block " + firstBadBlock
                : badKey != null ? "key " + Orderer.printable(badKey) : "the store";
        return "chain DAMAGED at " + where + " (" + problem + "): " + detail + "; " + blocksChecked
                + " blocks verified before it";
    }
}
