package org.metroledger.gateway.ledger.embedded;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.metroledger.gateway.failure.ApiCode;
import org.metroledger.gateway.ledger.LedgerException;
import org.metroledger.simulation.KeyChange;
import org.metroledger.simulation.StateEntry;
import org.metroledger.simulation.StateScan;
import org.metroledger.simulation.Version;
import org.metroledger.simulation.VersionedValue;
import org.metroledger.simulation.WorldState;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.DBOptions;
import org.rocksdb.FlushOptions;
import org.rocksdb.LiveFileMetaData;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Slice;
import org.rocksdb.Snapshot;
import org.rocksdb.Status;
import org.rocksdb.WALRecoveryMode;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * The embedded ledger's one RocksDB: world state with versions, key history, blocks, the
 * txId-to-block index and the chain's tip, each in its own column family. A block and every state
 * change it makes are written in one synced batch, so after a crash either all of a block is there
 * or none of it.
 *
 * <p>Damage is never taken for data: every read verifies RocksDB's block checksums and every
 * iterator's status is checked, so a checksum error is not mistaken for the end of a range. The
 * first damage seen is kept; from then on the store refuses every read with {@link
 * ApiCode#STORE_CORRUPTED}, naming the damaged file and its key range.
 */
final class LedgerStore implements AutoCloseable {
    static final String STATE = "state";
    static final String HISTORY = "history";
    static final String BLOCKS = "blocks";
    static final String TX_INDEX = "txindex";
    private static final byte[] TIP = "tip".getBytes(StandardCharsets.US_ASCII);

    private static final System.Logger LOG = System.getLogger(LedgerStore.class.getName());

    static {
        RocksDB.loadLibrary();
    }

    private final DBOptions options;
    private final BloomFilter bloomFilter;
    private final ColumnFamilyOptions familyOptions;
    private final RocksDB db;
    private final List<ColumnFamilyHandle> handles;
    private final ColumnFamilyHandle meta;
    private final ColumnFamilyHandle state;
    private final ColumnFamilyHandle history;
    private final ColumnFamilyHandle blocks;
    private final ColumnFamilyHandle txIndex;
    private final WriteOptions syncWrites;
    private final ReadOptions verifiedReads;
    private final Path directory;
    private final boolean readOnly;
    private volatile Tip tip;
    /** What the first damaged read found, or null while none has. */
    private volatile String damage;

    /** The last committed block: how many blocks there are and the last one's hash. */
    record Tip(long height, String hash) {
        static final Tip EMPTY = new Tip(0, "");
    }

    /** Where a transaction is: its block, its position there and its validation code. */
    record TxLocation(long block, int tx, ValidationCode code) {}

    /** One key change a committed block makes. */
    record Change(String key, byte[] value, Version version, String txId, Instant timestamp) {}

    /** One transaction of a committed block, for the txId index. */
    record Indexed(String txId, int tx, ValidationCode code) {}

    private LedgerStore(Path directory, boolean readOnly) {
        this.directory = directory;
        this.readOnly = readOnly;
        options = new DBOptions()
                .setCreateIfMissing(!readOnly)
                .setCreateMissingColumnFamilies(!readOnly)
                .setMaxBackgroundJobs(2)
                .setKeepLogFileNum(3)
                // Refuse to open on any damage found in the manifest, the tables' metadata or the
                // write-ahead log. Only a torn last record, a write a kill interrupted before it was
                // acknowledged, is dropped; point-in-time recovery would silently drop a damaged
                // log's acknowledged tail.
                .setParanoidChecks(true)
                .setWalRecoveryMode(WALRecoveryMode.TolerateCorruptedTailRecords);
        // Bloom filters answer most lookups of absent keys (new records, new txIds) without a disk read.
        bloomFilter = new BloomFilter(10);
        familyOptions = new ColumnFamilyOptions()
                .setTableFormatConfig(new BlockBasedTableConfig().setFilterPolicy(bloomFilter))
                // Every table a flush or compaction writes is read back before it replaces its inputs.
                .setParanoidFileChecks(true);
        List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
        descriptors.add(new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY, familyOptions));
        for (String name : List.of(STATE, HISTORY, BLOCKS, TX_INDEX)) {
            descriptors.add(new ColumnFamilyDescriptor(name.getBytes(StandardCharsets.US_ASCII), familyOptions));
        }
        handles = new ArrayList<>();
        try {
            if (readOnly) {
                db = RocksDB.openReadOnly(options, directory.toString(), descriptors, handles);
            } else {
                Files.createDirectories(directory);
                db = RocksDB.open(options, directory.toString(), descriptors, handles);
            }
        } catch (RocksDBException | java.io.IOException e) {
            options.close();
            familyOptions.close();
            bloomFilter.close();
            String problem = "cannot open the ledger store at " + directory + ": "
                    + (e instanceof RocksDBException r ? statusOf(r) : e.getMessage());
            if (e instanceof RocksDBException r && corruption(r)) {
                throw new LedgerException(ApiCode.STORE_CORRUPTED, problem, null, e);
            }
            throw new IllegalStateException(problem, e);
        }
        meta = handles.get(0);
        state = handles.get(1);
        history = handles.get(2);
        blocks = handles.get(3);
        txIndex = handles.get(4);
        syncWrites = new WriteOptions().setSync(true);
        verifiedReads = new ReadOptions().setVerifyChecksums(true);
        try {
            tip = readTip();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    static LedgerStore open(Path directory) {
        return new LedgerStore(directory, false);
    }

    /** Opens without taking the lock, so a verifier can read while a gateway runs. */
    static LedgerStore openReadOnly(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException("no ledger store at " + directory);
        }
        return new LedgerStore(directory, true);
    }

    Tip tip() {
        return tip;
    }

    /** What the first damaged read found (file, key range, RocksDB's words), if one has. */
    Optional<String> damage() {
        return Optional.ofNullable(damage);
    }

    /** Throws {@link ApiCode#STORE_CORRUPTED} once any read has found damage. */
    void refuseIfDamaged() {
        String found = damage;
        if (found != null) {
            throw new LedgerException(ApiCode.STORE_CORRUPTED, found);
        }
    }

    /** Reads every block of every table file and checks its checksum, as verify-chain does first. */
    void verifyChecksums() {
        try {
            db.verifyChecksum();
        } catch (RocksDBException e) {
            throw failed(e);
        }
    }

    /** Committed state as of now, without a snapshot: for the committer, the only writer. */
    WorldState latest() {
        return new StateView(verifiedReads);
    }

    /** A consistent view of committed state for one simulation; close it afterwards. */
    StateSnapshot snapshot() {
        return new StateSnapshot(db.getSnapshot());
    }

    Optional<byte[]> block(long number) {
        return Optional.ofNullable(get(blocks, verifiedReads, blockKey(number)));
    }

    Optional<TxLocation> locate(String txId) {
        byte[] value = get(txIndex, verifiedReads, txId.getBytes(StandardCharsets.UTF_8));
        if (value == null) {
            return Optional.empty();
        }
        ByteBuffer buffer = ByteBuffer.wrap(value);
        return Optional.of(new TxLocation(buffer.getLong(), buffer.getInt(), ValidationCode.values()[buffer.get()]));
    }

    /**
     * Writes a block, its state changes, its history and its index entries in one synced batch:
     * one fsync per block however many transactions it holds.
     */
    void commit(long number, String hash, byte[] encodedBlock, List<Indexed> indexed, List<Change> changes) {
        if (number != tip.height()) {
            throw new IllegalStateException("block " + number + " does not follow height " + tip.height());
        }
        try (WriteBatch batch = new WriteBatch()) {
            batch.put(blocks, blockKey(number), encodedBlock);
            for (Indexed tx : indexed) {
                batch.put(
                        txIndex,
                        tx.txId().getBytes(StandardCharsets.UTF_8),
                        ByteBuffer.allocate(13)
                                .putLong(number)
                                .putInt(tx.tx())
                                .put((byte) tx.code().ordinal())
                                .array());
            }
            for (Change change : changes) {
                byte[] key = stateKey(change.key());
                if (change.value() == null) {
                    batch.delete(state, key);
                } else {
                    batch.put(state, key, encodeVersioned(change.value(), change.version()));
                }
                batch.put(history, historyKey(key, change.version()), encodeChange(change));
            }
            Tip next = new Tip(number + 1, hash);
            batch.put(meta, TIP, encodeTip(next));
            db.write(syncWrites, batch);
            tip = next;
        } catch (RocksDBException e) {
            if (corruption(e)) {
                throw failed(e);
            }
            throw new IllegalStateException("cannot write block " + number + ": " + e.getMessage(), e);
        }
    }

    /** Calls back with every key of committed state in key order. */
    void forEachState(BiConsumer<String, VersionedValue> consumer) {
        try (RocksIterator it = db.newIterator(state, verifiedReads)) {
            for (it.seekToFirst(); it.isValid(); it.next()) {
                consumer.accept(new String(it.key(), StandardCharsets.UTF_8), decodeVersioned(it.value()));
            }
            ended(it);
        }
    }

    /** Calls back once with each key that has history, in the history family's order. */
    void forEachHistoryKey(Consumer<String> consumer) {
        byte[] previous = null;
        try (RocksIterator it = db.newIterator(history, verifiedReads)) {
            for (it.seekToFirst(); it.isValid(); it.next()) {
                byte[] entry = it.key();
                int length = ByteBuffer.wrap(entry).getInt();
                byte[] key = Arrays.copyOfRange(entry, 4, 4 + length);
                if (!Arrays.equals(key, previous)) {
                    consumer.accept(new String(key, StandardCharsets.UTF_8));
                    previous = key;
                }
            }
            ended(it);
        }
    }

    /**
     * Flushes what only the write-ahead log holds into tables first, so a cleanly stopped store
     * opens without replaying a log; a damaged store is left as it is.
     */
    @Override
    public void close() {
        if (!readOnly && damage == null) {
            try (FlushOptions flush = new FlushOptions().setWaitForFlush(true)) {
                db.flush(flush, handles);
            } catch (RocksDBException e) {
                // Nothing is lost: the synced write-ahead log still holds every committed block.
                LOG.log(System.Logger.Level.WARNING, "cannot flush the ledger store at " + directory, e);
            }
        }
        handles.forEach(ColumnFamilyHandle::close);
        db.close();
        verifiedReads.close();
        syncWrites.close();
        options.close();
        familyOptions.close();
        bloomFilter.close();
    }

    private Tip readTip() {
        byte[] value = get(meta, verifiedReads, TIP);
        if (value == null) {
            return Tip.EMPTY;
        }
        ByteBuffer buffer = ByteBuffer.wrap(value);
        long height = buffer.getLong();
        byte[] hash = new byte[buffer.remaining()];
        buffer.get(hash);
        return new Tip(height, new String(hash, StandardCharsets.US_ASCII));
    }

    private byte[] get(ColumnFamilyHandle family, ReadOptions read, byte[] key) {
        try {
            return db.get(family, read, key);
        } catch (RocksDBException e) {
            throw failed(e);
        }
    }

    /** An iterator that is no longer valid has either reached the end or failed: which one? */
    private void ended(RocksIterator it) {
        try {
            it.status();
        } catch (RocksDBException e) {
            throw failed(e);
        }
    }

    /**
     * The exception for a failed read. Corruption is recorded, with the file RocksDB names and that
     * file's column family and key range, so that every later read is refused as well.
     */
    private RuntimeException failed(RocksDBException e) {
        if (!corruption(e)) {
            return new IllegalStateException("cannot read the ledger store at " + directory + ": " + e.getMessage(), e);
        }
        String found = "the ledger store at " + directory + " is damaged: " + where(e.getMessage()) + statusOf(e);
        synchronized (this) {
            if (damage == null) {
                damage = found;
                LOG.log(System.Logger.Level.ERROR, found);
            }
        }
        return new LedgerException(ApiCode.STORE_CORRUPTED, damage, null, e);
    }

    /** RocksDB's message with its status ("Corruption: ..."), which the message alone leaves out. */
    private static String statusOf(RocksDBException e) {
        return e.getStatus() == null ? e.getMessage() : e.getStatus().getCodeString() + ": " + e.getMessage();
    }

    private static boolean corruption(RocksDBException e) {
        return e.getStatus() != null && e.getStatus().getCode() == Status.Code.Corruption;
    }

    /** The table file a RocksDB message names, with its column family and key range; or "". */
    private String where(String message) {
        if (message == null) {
            return "";
        }
        for (LiveFileMetaData file : db.getLiveFilesMetaData()) {
            String name = file.fileName().replaceFirst("^/+", "");
            if (message.contains(name)) {
                String family = new String(file.columnFamilyName(), StandardCharsets.US_ASCII);
                return directory.resolve(name) + " (" + family + ", keys " + printableKey(family, file.smallestKey())
                        + " to " + printableKey(family, file.largestKey()) + "): ";
            }
        }
        return "";
    }

    /** A key as its column family encodes it, for people. */
    static String printableKey(String family, byte[] key) {
        try {
            return switch (family) {
                case BLOCKS -> "block " + ByteBuffer.wrap(key).getLong();
                case HISTORY -> {
                    ByteBuffer buffer = ByteBuffer.wrap(key);
                    byte[] of = new byte[buffer.getInt()];
                    buffer.get(of);
                    yield Orderer.printable(new String(of, StandardCharsets.UTF_8)) + " at block " + buffer.getLong()
                            + " tx " + buffer.getInt();
                }
                default -> Orderer.printable(new String(key, StandardCharsets.UTF_8));
            };
        } catch (RuntimeException e) {
            return "0x" + java.util.HexFormat.of().formatHex(key);
        }
    }

    private static byte[] encodeTip(Tip tip) {
        byte[] hash = tip.hash().getBytes(StandardCharsets.US_ASCII);
        return ByteBuffer.allocate(8 + hash.length)
                .putLong(tip.height())
                .put(hash)
                .array();
    }

    static byte[] blockKey(long number) {
        return ByteBuffer.allocate(8).putLong(number).array();
    }

    /** State keys are the keys' UTF-8 bytes, so RocksDB's bytewise order is code point order. */
    static byte[] stateKey(String key) {
        return key.getBytes(StandardCharsets.UTF_8);
    }

    /** Length-prefixed, so one key's history never runs into a longer key sharing its prefix. */
    private static byte[] historyPrefix(byte[] key) {
        return ByteBuffer.allocate(4 + key.length).putInt(key.length).put(key).array();
    }

    private static byte[] historyKey(byte[] key, Version version) {
        return ByteBuffer.allocate(4 + key.length + 12)
                .putInt(key.length)
                .put(key)
                .putLong(version.block())
                .putInt(version.tx())
                .array();
    }

    static byte[] encodeVersioned(byte[] value, Version version) {
        return ByteBuffer.allocate(12 + value.length)
                .putLong(version.block())
                .putInt(version.tx())
                .put(value)
                .array();
    }

    static VersionedValue decodeVersioned(byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        Version version = new Version(buffer.getLong(), buffer.getInt());
        return new VersionedValue(Arrays.copyOfRange(bytes, 12, bytes.length), version);
    }

    private static byte[] encodeChange(Change change) {
        byte[] txId = change.txId().getBytes(StandardCharsets.UTF_8);
        byte[] value = change.value() == null ? new byte[0] : change.value();
        return ByteBuffer.allocate(2 + txId.length + 12 + 1 + value.length)
                .putShort((short) txId.length)
                .put(txId)
                .putLong(change.timestamp().getEpochSecond())
                .putInt(change.timestamp().getNano())
                .put((byte) (change.value() == null ? 1 : 0))
                .put(value)
                .array();
    }

    private static KeyChange decodeChange(byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        byte[] txId = new byte[buffer.getShort()];
        buffer.get(txId);
        Instant timestamp = Instant.ofEpochSecond(buffer.getLong(), buffer.getInt());
        boolean deleted = buffer.get() == 1;
        byte[] value = new byte[buffer.remaining()];
        buffer.get(value);
        return new KeyChange(new String(txId, StandardCharsets.UTF_8), timestamp, deleted ? null : value);
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    /** Committed state through RocksDB, at a snapshot or at the latest write. */
    private class StateView implements WorldState {
        private final ReadOptions read;

        StateView(ReadOptions read) {
            this.read = read;
        }

        @Override
        public VersionedValue get(String key) {
            byte[] bytes = LedgerStore.this.get(state, read, stateKey(key));
            return bytes == null ? null : decodeVersioned(bytes);
        }

        /**
         * A RocksDB iterator of its own, bounded above by the range's end so that it never steps
         * past it (nor through the tombstones that may lie beyond it).
         */
        @Override
        public StateScan scan(String start, String end) {
            Slice bound = end.isEmpty() ? null : new Slice(stateKey(end));
            ReadOptions options = new ReadOptions(read);
            if (bound != null) {
                options.setIterateUpperBound(bound);
            }
            RocksIterator it = db.newIterator(state, options);
            it.seek(stateKey(start));
            return new StoredScan(it, options, bound);
        }

        @Override
        public List<KeyChange> history(String key) {
            byte[] prefix = historyPrefix(stateKey(key));
            List<KeyChange> changes = new ArrayList<>();
            try (RocksIterator it = db.newIterator(history, read)) {
                for (it.seek(prefix); it.isValid() && startsWith(it.key(), prefix); it.next()) {
                    changes.add(decodeChange(it.value()));
                }
                ended(it);
            }
            return changes;
        }
    }

    /** One range of committed state, read from RocksDB as it is advanced. */
    private final class StoredScan implements StateScan {
        private final RocksIterator it;
        private final ReadOptions options;
        private final Slice bound;
        private boolean closed;

        StoredScan(RocksIterator it, ReadOptions options, Slice bound) {
            this.it = it;
            this.options = options;
            this.bound = bound;
        }

        @Override
        public boolean hasNext() {
            if (closed) {
                return false;
            }
            if (it.isValid()) {
                return true;
            }
            ended(it);
            return false;
        }

        @Override
        public StateEntry next() {
            if (!hasNext()) {
                throw new NoSuchElementException("the range has no more keys");
            }
            StateEntry entry =
                    new StateEntry(new String(it.key(), StandardCharsets.UTF_8), decodeVersioned(it.value()));
            it.next();
            return entry;
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                it.close();
                options.close();
                if (bound != null) {
                    bound.close();
                }
            }
        }
    }

    /** A state view pinned to a RocksDB snapshot; releases it on close. */
    final class StateSnapshot extends StateView implements AutoCloseable {
        private final Snapshot snapshot;
        private final ReadOptions readOptions;

        private StateSnapshot(Snapshot snapshot) {
            this(snapshot, new ReadOptions().setSnapshot(snapshot).setVerifyChecksums(true));
        }

        private StateSnapshot(Snapshot snapshot, ReadOptions readOptions) {
            super(readOptions);
            this.snapshot = snapshot;
            this.readOptions = readOptions;
        }

        @Override
        public void close() {
            readOptions.close();
            db.releaseSnapshot(snapshot);
        }
    }
}
