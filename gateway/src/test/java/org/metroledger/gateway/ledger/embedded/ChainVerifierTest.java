package org.metroledger.gateway.ledger.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.metroledger.gateway.identity.IdentityStore;
import org.metroledger.gateway.identity.Member;
import org.metroledger.gateway.identity.TestMembers;
import org.metroledger.gateway.ledger.embedded.ChainReport.Problem;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;

@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ChainVerifierTest {
    private static final Instant START = Instant.parse("2025-06-01T08:00:00Z");
    private static final String NORTH_REGION_KEY = "\u0000Region\u0000NorthMSP\u0000";

    @TempDir
    Path dataDir;

    /** Three blocks: North's region (0), East's region (1), and an entity (2); block 1 also holds a conflict. */
    private void writeChain() {
        IdentityStore identities = IdentityStore.open(dataDir, new TickingClock(START));
        try (EmbeddedLedger ledger = EmbeddedLedger.open(
                dataDir,
                identities,
                new TickingClock(START.plusSeconds(60)),
                new EmbeddedLedger.Settings(2, Duration.ofHours(1), 2))) {
            Registry registry = new Registry(ledger, identities);
            Member north = registry.admin(IdentityStore.NORTH);
            Member east = registry.admin(IdentityStore.EAST);
            Endorsement northRegion =
                    Registry.await(ledger.endorse(north, "registry:RegisterRegion", List.of(Registry.region("华北"))));
            Endorsement racing = Registry.await(
                    ledger.endorse(north, "registry:RegisterRegion", List.of(Registry.region("racing"))));
            Endorsement eastRegion =
                    Registry.await(ledger.endorse(east, "registry:RegisterRegion", List.of(Registry.region("华东"))));
            Endorsement entity = Registry.await(
                    ledger.endorse(north, "registry:RegisterEntity", List.of(Registry.entity(Registry.creditCode(7)))));
            var first = ledger.order(northRegion);
            var second = ledger.order(eastRegion);
            Registry.await(first);
            Registry.await(second);
            var conflicting = ledger.order(racing);
            var last = ledger.order(entity);
            Registry.await(last);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> Registry.await(conflicting))
                    .isInstanceOf(org.metroledger.gateway.ledger.LedgerException.class);
            assertThat(ledger.height()).isEqualTo(2);
        }
    }

    @Test
    void an_untouched_chain_verifies_with_its_invalid_transaction_replayed_as_invalid() {
        writeChain();

        ChainReport report = ChainVerifier.verify(dataDir);

        assertThat(report.ok()).as(report.summary()).isTrue();
        assertThat(report.blocksChecked()).isEqualTo(2);
    }

    @Test
    void a_flipped_byte_in_a_stored_block_names_that_block() throws RocksDBException {
        writeChain();
        withRocks(LedgerStore.BLOCKS, (db, blocks) -> {
            byte[] block = db.get(blocks, LedgerStore.blockKey(1));
            String text = new String(block, StandardCharsets.UTF_8);
            int at = text.indexOf("registry:RegisterEntity") + "registry:Register".length();
            block[text.substring(0, at).getBytes(StandardCharsets.UTF_8).length] ^= 0x01;
            db.put(blocks, LedgerStore.blockKey(1), block);
        });

        ChainReport report = ChainVerifier.verify(dataDir);

        assertThat(report.ok()).isFalse();
        assertThat(report.firstBadBlock()).isEqualTo(1);
        assertThat(report.problem()).isEqualTo(Problem.HASH_MISMATCH);
        assertThat(report.blocksChecked()).isEqualTo(1);
        assertThat(report.summary()).contains("block 1");
    }

    @Test
    void a_changed_state_value_names_the_key() throws RocksDBException {
        writeChain();
        withRocks(LedgerStore.STATE, (db, state) -> {
            byte[] key = LedgerStore.stateKey(NORTH_REGION_KEY);
            byte[] value = db.get(state, key);
            value[value.length - 2] ^= 0x01;
            db.put(state, key, value);
        });

        ChainReport report = ChainVerifier.verify(dataDir);

        assertThat(report.ok()).isFalse();
        assertThat(report.problem()).isEqualTo(Problem.STATE_MISMATCH);
        assertThat(report.badKey()).isEqualTo(NORTH_REGION_KEY);
        assertThat(report.blocksChecked()).isEqualTo(2);
        assertThat(report.summary()).contains("/Region/NorthMSP/");
    }

    @Test
    void a_block_resealed_with_the_orderer_key_but_a_forged_link_is_a_broken_link() throws RocksDBException {
        writeChain();
        reseal(1, "00".repeat(32), IdentityStore.openExisting(dataDir).orderer());

        ChainReport report = ChainVerifier.verify(dataDir);

        assertThat(report.firstBadBlock()).isEqualTo(1);
        assertThat(report.problem()).isEqualTo(Problem.BROKEN_LINK);
    }

    @Test
    void a_block_signed_by_another_key_has_a_bad_signature() throws RocksDBException {
        writeChain();
        Member impostor = TestMembers.issue(
                IdentityStore.openExisting(dataDir).authority(IdentityStore.EAST), "orderer.east", "orderer", START);
        reseal(0, "", impostor);

        ChainReport report = ChainVerifier.verify(dataDir);

        assertThat(report.firstBadBlock()).isEqualTo(0);
        assertThat(report.problem()).isEqualTo(Problem.BAD_SIGNATURE);
    }

    @Test
    void a_changed_history_entry_names_the_key() throws RocksDBException {
        writeChain();
        byte[] regionKey = LedgerStore.stateKey(NORTH_REGION_KEY);
        withRocks(LedgerStore.HISTORY, (db, history) -> {
            try (RocksIterator it = db.newIterator(history)) {
                for (it.seekToFirst(); it.isValid(); it.next()) {
                    byte[] key = it.key();
                    if (Arrays.equals(key, 4, 4 + regionKey.length, regionKey, 0, regionKey.length)) {
                        byte[] value = it.value();
                        value[value.length - 2] ^= 0x01;
                        db.put(history, key, value);
                    }
                }
            }
        });

        ChainReport report = ChainVerifier.verify(dataDir);

        assertThat(report.problem()).isEqualTo(Problem.HISTORY_MISMATCH);
        assertThat(report.badKey()).isEqualTo(NORTH_REGION_KEY);
    }

    /** Replaces a stored block by its transactions sealed again with another link or key. */
    private void reseal(long number, String previousHash, Member signer) throws RocksDBException {
        withRocks(LedgerStore.BLOCKS, (db, blocks) -> {
            Block original = BlockCodec.decode(db.get(blocks, LedgerStore.blockKey(number)));
            BlockCodec.Sealed forged = BlockCodec.seal(
                    number,
                    previousHash,
                    Instant.parse(original.header().timestamp()),
                    new ArrayList<>(original.transactions()),
                    signer.privateKey());
            db.put(blocks, LedgerStore.blockKey(number), forged.bytes());
        });
    }

    @Test
    void reopening_refuses_a_store_whose_last_block_is_damaged() throws RocksDBException {
        writeChain();
        withRocks(LedgerStore.BLOCKS, (db, blocks) -> {
            byte[] block = db.get(blocks, LedgerStore.blockKey(1));
            block[block.length / 2] ^= 0x01;
            db.put(blocks, LedgerStore.blockKey(1), block);
        });
        IdentityStore identities = IdentityStore.open(dataDir, new TickingClock(START));

        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> EmbeddedLedger.open(dataDir, identities, new TickingClock(START)))
                .isInstanceOf(org.metroledger.gateway.ledger.LedgerException.class)
                .hasMessageContaining("damaged")
                .extracting(e -> ((org.metroledger.gateway.ledger.LedgerException) e).code())
                .isEqualTo(org.metroledger.gateway.failure.ApiCode.STORE_CORRUPTED);
    }

    @Test
    void the_encoding_a_block_is_stored_in_is_its_canonical_json() {
        writeChain();
        try (LedgerStore store = LedgerStore.openReadOnly(EmbeddedLedger.ledgerDirectory(dataDir))) {
            byte[] stored = store.block(0).orElseThrow();
            assertThat(new String(stored, StandardCharsets.UTF_8))
                    .isEqualTo(org.metroledger.chaincode.json.Canonical.json(BlockCodec.decode(stored)));
        }
    }

    /** An edit made with RocksDB itself, beneath the ledger. */
    private interface RawEdit {
        void apply(RocksDB db, ColumnFamilyHandle family) throws RocksDBException;
    }

    private void withRocks(String familyName, RawEdit edit) throws RocksDBException {
        List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
        descriptors.add(new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY));
        List<String> names = List.of(LedgerStore.STATE, LedgerStore.HISTORY, LedgerStore.BLOCKS, LedgerStore.TX_INDEX);
        names.forEach(n -> descriptors.add(new ColumnFamilyDescriptor(n.getBytes(StandardCharsets.US_ASCII))));
        List<ColumnFamilyHandle> handles = new ArrayList<>();
        try (RocksDB db = RocksDB.open(EmbeddedLedger.ledgerDirectory(dataDir).toString(), descriptors, handles)) {
            edit.apply(db, handles.get(1 + names.indexOf(familyName)));
            handles.forEach(ColumnFamilyHandle::close);
        }
    }
}
