package org.metroledger.gateway.ledger.embedded;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.time.Instant;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.metroledger.gateway.failure.ApiCode;
import org.metroledger.gateway.identity.IdentityStore;
import org.metroledger.gateway.ledger.LedgerException;
import org.metroledger.gateway.ledger.embedded.ChainReport.Problem;
import org.metroledger.simulation.InMemoryWorldState;
import org.metroledger.simulation.KeyChange;
import org.metroledger.simulation.ReadWriteSet;
import org.metroledger.simulation.StateEntry;
import org.metroledger.simulation.Version;
import org.metroledger.simulation.VersionedValue;
import org.metroledger.simulation.WorldState;

/**
 * Re-walks an embedded ledger from genesis: every block's data hash, header hash, link to its
 * predecessor and orderer signature; every transaction's validation code (validated again against
 * a replayed state); the txId index; and finally the stored world state against a replay of all
 * valid transactions' writes, key by key with versions. It opens the store read-only, so it can run
 * while a gateway uses the same data directory.
 *
 * <p>Entry point for the {@code verify-chain} command: {@link #verify(Path)}; print
 * {@link ChainReport#summary()} and exit non-zero unless {@link ChainReport#ok()}.
 */
public final class ChainVerifier {
    private ChainVerifier() {}

    /** A problem found in one block. */
    record Finding(Problem problem, String detail) {}

    /** Verifies the ledger in a gateway data directory (the one holding {@code ledger/} and {@code msp/}). */
    public static ChainReport verify(Path dataDir) {
        IdentityStore identities = IdentityStore.openExisting(dataDir);
        try {
            identities
                    .orderer()
                    .certificate()
                    .verify(identities
                            .authority(IdentityStore.ORDERER_MSP)
                            .certificate()
                            .getPublicKey());
        } catch (GeneralSecurityException e) {
            return new ChainReport(
                    false, 0, null, Problem.UNTRUSTED_ORDERER, null, "orderer certificate: " + e.getMessage());
        }
        PublicKey ordererKey = identities.orderer().certificate().getPublicKey();
        LedgerStore store;
        try {
            store = LedgerStore.openReadOnly(EmbeddedLedger.ledgerDirectory(dataDir));
        } catch (LedgerException | IllegalStateException e) {
            return ChainReport.storeProblem(0, Problem.CORRUPTED, e.getMessage());
        }
        try (store) {
            store.verifyChecksums();
            return verify(store, ordererKey);
        } catch (LedgerException e) {
            if (e.code() != ApiCode.STORE_CORRUPTED) {
                throw e;
            }
            return ChainReport.storeProblem(0, Problem.CORRUPTED, e.getMessage());
        } catch (IllegalStateException | IndexOutOfBoundsException | java.nio.BufferUnderflowException e) {
            return ChainReport.storeProblem(0, Problem.UNREADABLE_RECORD, rootMessage(e));
        }
    }

    private static ChainReport verify(LedgerStore store, PublicKey ordererKey) {
        LedgerStore.Tip tip = store.tip();
        InMemoryWorldState replay = new InMemoryWorldState();
        Set<String> txIds = new HashSet<>();
        String previousHash = "";
        for (long n = 0; n < tip.height(); n++) {
            Optional<byte[]> bytes = store.block(n);
            if (bytes.isEmpty()) {
                return ChainReport.blockProblem(n, n, Problem.MISSING_BLOCK, "block " + n + " is not stored");
            }
            Block block;
            try {
                block = BlockCodec.decode(bytes.get());
            } catch (IllegalStateException e) {
                return ChainReport.blockProblem(n, n, Problem.UNREADABLE_BLOCK, rootMessage(e));
            }
            Optional<Finding> finding =
                    check(block, n, previousHash, ordererKey).or(() -> replay(block, replay, txIds, store));
            if (finding.isPresent()) {
                return ChainReport.blockProblem(
                        n, n, finding.get().problem(), finding.get().detail());
            }
            previousHash = block.hash();
        }
        if (!previousHash.equals(tip.hash())) {
            return ChainReport.blockProblem(
                    tip.height(),
                    Math.max(0, tip.height() - 1),
                    Problem.TIP_MISMATCH,
                    "the recorded tip hash " + tip.hash() + " is not the last block's hash " + previousHash);
        }
        if (store.block(tip.height()).isPresent()) {
            return ChainReport.blockProblem(
                    tip.height(), tip.height(), Problem.TIP_MISMATCH, "a block is stored beyond the recorded height");
        }
        return compareState(store, replay, tip.height());
    }

    /** Checks the last block on start, so a damaged store is refused before anything is appended. */
    static Optional<String> checkTail(LedgerStore store, PublicKey ordererKey) {
        LedgerStore.Tip tip = store.tip();
        if (tip.height() == 0) {
            return Optional.empty();
        }
        long last = tip.height() - 1;
        try {
            Block block = BlockCodec.decode(
                    store.block(last).orElseThrow(() -> new IllegalStateException("block " + last + " is missing")));
            String previousHash = last == 0
                    ? ""
                    : BlockCodec.decode(store.block(last - 1)
                                    .orElseThrow(
                                            () -> new IllegalStateException("block " + (last - 1) + " is missing")))
                            .hash();
            Optional<Finding> finding = check(block, last, previousHash, ordererKey);
            if (finding.isPresent()) {
                return Optional.of("block " + last + ": " + finding.get().problem() + ": "
                        + finding.get().detail());
            }
            if (!block.hash().equals(tip.hash())) {
                return Optional.of("the recorded tip is not block " + last);
            }
            return Optional.empty();
        } catch (IllegalStateException e) {
            return Optional.of(rootMessage(e));
        }
    }

    /** Hashes, link and signature of one block. */
    static Optional<Finding> check(Block block, long expectedNumber, String previousHash, PublicKey ordererKey) {
        String dataHash = BlockCodec.dataHash(block.transactions());
        if (!dataHash.equals(block.header().dataHash())) {
            return Optional.of(new Finding(
                    Problem.HASH_MISMATCH,
                    "its transactions hash to " + dataHash + " but the header says "
                            + block.header().dataHash()));
        }
        String hash = BlockCodec.headerHash(block.header());
        if (!hash.equals(block.hash())) {
            return Optional.of(new Finding(
                    Problem.HASH_MISMATCH, "its header hashes to " + hash + " but the block says " + block.hash()));
        }
        if (block.number() != expectedNumber) {
            return Optional.of(new Finding(
                    Problem.BROKEN_LINK, "it is numbered " + block.number() + " at position " + expectedNumber));
        }
        if (!block.header().previousHash().equals(previousHash)) {
            return Optional.of(new Finding(
                    Problem.BROKEN_LINK,
                    "its previous hash " + block.header().previousHash() + " is not the previous block's hash "
                            + (previousHash.isEmpty() ? "(none: genesis)" : previousHash)));
        }
        if (!BlockCodec.signatureValid(block, ordererKey)) {
            return Optional.of(
                    new Finding(Problem.BAD_SIGNATURE, "the orderer's signature over its header does not verify"));
        }
        return Optional.empty();
    }

    /** Validates the block's transactions again against the replay and applies the valid ones. */
    private static Optional<Finding> replay(
            Block block, InMemoryWorldState replay, Set<String> txIds, LedgerStore store) {
        List<BlockTransaction> transactions = block.transactions();
        for (int i = 0; i < transactions.size(); i++) {
            BlockTransaction tx = transactions.get(i);
            ReadWriteSet rwset = tx.rwset().toReadWriteSet(null);
            // Applying valid transactions one by one makes earlier ones visible to later ones.
            ValidationCode expected = !txIds.add(tx.txId())
                    ? ValidationCode.DUPLICATE_TXID
                    : rwset.conflictWith(replay).isPresent() ? ValidationCode.MVCC_READ_CONFLICT : ValidationCode.VALID;
            if (expected != tx.validationCode()) {
                return Optional.of(new Finding(
                        Problem.VALIDATION_MISMATCH,
                        "transaction " + i + " (" + tx.txId() + ") is recorded " + tx.validationCode()
                                + " but validates " + expected));
            }
            Optional<LedgerStore.TxLocation> location = store.locate(tx.txId());
            if (expected != ValidationCode.DUPLICATE_TXID
                    && !location.equals(Optional.of(new LedgerStore.TxLocation(block.number(), i, expected)))) {
                return Optional.of(new Finding(
                        Problem.INDEX_MISMATCH,
                        "the index places transaction " + tx.txId() + " at " + location.orElse(null)));
            }
            if (expected == ValidationCode.VALID) {
                replay.apply(rwset, new Version(block.number(), i), tx.txId(), Instant.parse(tx.timestamp()));
            }
        }
        return Optional.empty();
    }

    /** Walks stored and replayed state side by side in key order; both use code point order. */
    private static ChainReport compareState(LedgerStore store, InMemoryWorldState replay, long blocks) {
        Iterator<StateEntry> expected = replay.range("", "", Integer.MAX_VALUE).iterator();
        List<StateEntry> stored = new java.util.ArrayList<>();
        store.forEachState((key, value) -> stored.add(new StateEntry(key, value)));
        Iterator<StateEntry> actual = stored.iterator();
        while (expected.hasNext() || actual.hasNext()) {
            StateEntry want = expected.hasNext() ? expected.next() : null;
            StateEntry have = actual.hasNext() ? actual.next() : null;
            if (want == null) {
                return ChainReport.keyProblem(
                        blocks, Problem.STATE_MISMATCH, have.key(), "the key is stored but no transaction wrote it");
            }
            if (have == null || WorldState.KEY_ORDER.compare(want.key(), have.key()) < 0) {
                return ChainReport.keyProblem(
                        blocks,
                        Problem.STATE_MISMATCH,
                        want.key(),
                        "the key is missing; block " + want.value().version().block() + " wrote it");
            }
            if (WorldState.KEY_ORDER.compare(want.key(), have.key()) > 0) {
                return ChainReport.keyProblem(
                        blocks, Problem.STATE_MISMATCH, have.key(), "the key is stored but no transaction wrote it");
            }
            if (!same(want.value(), have.value())) {
                return ChainReport.keyProblem(
                        blocks,
                        Problem.STATE_MISMATCH,
                        want.key(),
                        "the stored value or version differs from what block "
                                + want.value().version().block() + " transaction "
                                + want.value().version().tx() + " wrote");
            }
        }
        return compareHistory(store, replay, blocks);
    }

    /** Every key's stored history against the replayed changes, and no history for unwritten keys. */
    private static ChainReport compareHistory(LedgerStore store, InMemoryWorldState replay, long blocks) {
        List<String> keys = new java.util.ArrayList<>();
        store.forEachHistoryKey(keys::add);
        WorldState stored = store.latest();
        for (String key : keys) {
            List<KeyChange> want = replay.history(key);
            List<KeyChange> have = stored.history(key);
            if (want.isEmpty()) {
                return ChainReport.keyProblem(
                        blocks,
                        Problem.HISTORY_MISMATCH,
                        key,
                        "the key has stored history but no transaction wrote it");
            }
            if (!sameChanges(want, have)) {
                return ChainReport.keyProblem(
                        blocks,
                        Problem.HISTORY_MISMATCH,
                        key,
                        "its stored history differs from the " + want.size() + " changes the blocks make");
            }
        }
        // A key written by the blocks but with no stored history at all.
        Set<String> withHistory = new HashSet<>(keys);
        for (String key : replay.keysWithHistory()) {
            if (!withHistory.contains(key)) {
                return ChainReport.keyProblem(
                        blocks, Problem.HISTORY_MISMATCH, key, "the blocks change the key but its history is missing");
            }
        }
        return ChainReport.passed(blocks);
    }

    private static boolean sameChanges(List<KeyChange> a, List<KeyChange> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            KeyChange x = a.get(i);
            KeyChange y = b.get(i);
            if (!x.txId().equals(y.txId())
                    || !x.timestamp().equals(y.timestamp())
                    || x.deleted() != y.deleted()
                    || !java.util.Arrays.equals(x.value(), y.value())) {
                return false;
            }
        }
        return true;
    }

    private static boolean same(VersionedValue a, VersionedValue b) {
        return Objects.equals(a.version(), b.version()) && java.util.Arrays.equals(a.value(), b.value());
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.toString() : root.getMessage();
    }
}
