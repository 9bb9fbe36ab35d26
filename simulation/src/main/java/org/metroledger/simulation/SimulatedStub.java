package org.metroledger.simulation;

import com.google.protobuf.ByteString;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;
import org.hyperledger.fabric.protos.peer.ChaincodeEvent;
import org.hyperledger.fabric.protos.peer.QueryResponseMetadata;
import org.hyperledger.fabric.protos.peer.SignedProposal;
import org.hyperledger.fabric.shim.Chaincode.Response;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.hyperledger.fabric.shim.ledger.CompositeKey;
import org.hyperledger.fabric.shim.ledger.KeyModification;
import org.hyperledger.fabric.shim.ledger.KeyValue;
import org.hyperledger.fabric.shim.ledger.QueryResultsIterator;
import org.hyperledger.fabric.shim.ledger.QueryResultsIteratorWithMetadata;

/**
 * A {@link ChaincodeStub} that simulates one proposal against committed state with a peer's
 * semantics: reads see committed state only (not the transaction's own writes), every read and
 * range is recorded for MVCC validation, and paginated queries are for read-only transactions.
 *
 * <p>Range queries stream from the state: a key is read when the chaincode asks for it, so memory
 * stays flat however large the range, and a chaincode that stops early reads no further. An
 * endorsement records each range's keys and versions up to where the chaincode stopped, as a
 * peer does; an evaluation, never validated, records only that it queried a range.
 */
public final class SimulatedStub implements ChaincodeStub, AutoCloseable {
    /** Fabric's start of the simple-key space: composite keys (U+0000) sort before it. */
    private static final String SIMPLE_KEY_START = "\u0001";
    /** Fabric's end of a partial composite key range: the largest Unicode code point. */
    private static final String MAX_UNICODE_RUNE = "\udbff\udfff";

    private final WorldState state;
    private final Proposal proposal;
    private final boolean endorsing;
    private final ReadWriteSet rwset;
    /** Range queries not yet recorded, in the order the chaincode opened them. */
    private final List<RangeQuery> queries = new ArrayList<>();

    private boolean paginatedQueryPerformed;

    /** A stub for endorsing a proposal: its read/write set can be validated and committed. */
    public SimulatedStub(WorldState state, Proposal proposal) {
        this(state, proposal, true);
    }

    private SimulatedStub(WorldState state, Proposal proposal, boolean endorsing) {
        this.state = state;
        this.proposal = proposal;
        this.endorsing = endorsing;
        this.rwset = new ReadWriteSet(endorsing);
    }

    /**
     * A stub for evaluating a proposal, whose read/write set is never validated: it keeps the keys
     * read one by one, but of a range query only that one ran ({@link ReadWriteSet#queriedRange}).
     */
    public static SimulatedStub evaluating(WorldState state, Proposal proposal) {
        return new SimulatedStub(state, proposal, false);
    }

    /**
     * What the simulation read and wrote. Ends the range queries still open first, as a peer does
     * when the chaincode returns, so an endorsement's set holds every range it read.
     */
    public ReadWriteSet readWriteSet() {
        close();
        return rwset;
    }

    /** Ends the range queries still open and records them; a simulation calls it when it ends. */
    @Override
    public void close() {
        for (RangeQuery query : queries) {
            query.close();
            if (endorsing) {
                rwset.recordRangeRead(query.read());
            }
        }
        queries.clear();
    }

    @Override
    public List<byte[]> getArgs() {
        return proposal.args().stream().map(byte[]::clone).collect(Collectors.toList());
    }

    @Override
    public List<String> getStringArgs() {
        return proposal.args().stream()
                .map(a -> new String(a, StandardCharsets.UTF_8))
                .collect(Collectors.toList());
    }

    @Override
    public String getFunction() {
        List<String> args = getStringArgs();
        return args.isEmpty() ? null : args.get(0);
    }

    @Override
    public List<String> getParameters() {
        List<String> args = getStringArgs();
        return args.isEmpty() ? List.of() : args.subList(1, args.size());
    }

    @Override
    public String getTxId() {
        return proposal.txId();
    }

    @Override
    public String getChannelId() {
        return proposal.channelId();
    }

    @Override
    public Response invokeChaincode(String chaincodeName, List<byte[]> args, String channel) {
        throw new UnsupportedOperationException("chaincode-to-chaincode calls are not used by MetroLedger");
    }

    @Override
    public byte[] getState(String key) {
        VersionedValue value = state.get(key);
        rwset.recordRead(key, value == null ? null : value.version());
        return value == null ? new byte[0] : value.value().clone();
    }

    @Override
    public byte[] getStateValidationParameter(String key) {
        return new byte[0];
    }

    @Override
    public void putState(String key, byte[] value) {
        checkWritable(key);
        if (value == null || value.length == 0) {
            throw new IllegalArgumentException("putState value of " + key + " is empty; use delState");
        }
        rwset.recordWrite(key, value);
    }

    @Override
    public void setStateValidationParameter(String key, byte[] value) {
        throw new UnsupportedOperationException("key-level endorsement is not used by MetroLedger");
    }

    @Override
    public void delState(String key) {
        checkWritable(key);
        rwset.recordWrite(key, null);
    }

    private void checkWritable(String key) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("key must not be empty");
        }
        if (paginatedQueryPerformed) {
            throw new IllegalStateException("a transaction that ran a paginated query cannot write (Fabric)");
        }
    }

    @Override
    public QueryResultsIterator<KeyValue> getStateByRange(String startKey, String endKey) {
        String start = startKey == null || startKey.isEmpty() ? SIMPLE_KEY_START : startKey;
        String end = endKey == null ? "" : endKey;
        CompositeKey.validateSimpleKeys(start, end);
        return scan(start, end);
    }

    @Override
    public QueryResultsIteratorWithMetadata<KeyValue> getStateByRangeWithPagination(
            String startKey, String endKey, int pageSize, String bookmark) {
        String start = startKey == null || startKey.isEmpty() ? SIMPLE_KEY_START : startKey;
        CompositeKey.validateSimpleKeys(start, endKey == null ? "" : endKey);
        return page(start, endKey == null ? "" : endKey, pageSize, bookmark);
    }

    @Override
    public QueryResultsIterator<KeyValue> getStateByPartialCompositeKey(String compositeKey) {
        String start = compositeKey == null || compositeKey.isEmpty() ? SIMPLE_KEY_START : compositeKey;
        return scan(start, start + MAX_UNICODE_RUNE);
    }

    @Override
    public QueryResultsIterator<KeyValue> getStateByPartialCompositeKey(String objectType, String... attributes) {
        return getStateByPartialCompositeKey(new CompositeKey(objectType, attributes));
    }

    @Override
    public QueryResultsIterator<KeyValue> getStateByPartialCompositeKey(CompositeKey compositeKey) {
        return getStateByPartialCompositeKey(compositeKey.toString());
    }

    @Override
    public QueryResultsIteratorWithMetadata<KeyValue> getStateByPartialCompositeKeyWithPagination(
            CompositeKey compositeKey, int pageSize, String bookmark) {
        String start = compositeKey.toString();
        return page(start, start + MAX_UNICODE_RUNE, pageSize, bookmark);
    }

    private QueryResultsIterator<KeyValue> scan(String start, String end) {
        rwset.recordRangeQuery();
        RangeQuery query = new RangeQuery(start, end, state.scan(start, end), endorsing);
        queries.add(query);
        return query;
    }

    private QueryResultsIteratorWithMetadata<KeyValue> page(String start, String end, int pageSize, String bookmark) {
        if (!rwset.isReadOnly()) {
            throw new IllegalStateException("paginated queries are for read-only transactions (Fabric)");
        }
        if (pageSize <= 0) {
            throw new IllegalArgumentException("pageSize must be positive");
        }
        paginatedQueryPerformed = true;
        rwset.recordRangeQuery();
        String from = bookmark == null || bookmark.isEmpty() ? start : bookmark;
        if (WorldState.KEY_ORDER.compare(from, start) < 0) {
            from = start;
        }
        List<StateEntry> entries = state.range(from, end, pageSize + 1);
        String next = entries.size() > pageSize ? entries.get(pageSize).key() : "";
        List<KeyValue> page = entries.stream().limit(pageSize).map(Entry::new).collect(Collectors.toList());
        QueryResponseMetadata metadata = QueryResponseMetadata.newBuilder()
                .setFetchedRecordsCount(page.size())
                .setBookmark(next)
                .build();
        return new PagedResults(page, metadata);
    }

    @Override
    public CompositeKey createCompositeKey(String objectType, String... attributes) {
        return new CompositeKey(objectType, attributes);
    }

    @Override
    public CompositeKey splitCompositeKey(String compositeKey) {
        return CompositeKey.parseCompositeKey(compositeKey);
    }

    @Override
    public QueryResultsIterator<KeyValue> getQueryResult(String query) {
        throw new UnsupportedOperationException("rich queries need CouchDB; MetroLedger's state is LevelDB");
    }

    @Override
    public QueryResultsIteratorWithMetadata<KeyValue> getQueryResultWithPagination(
            String query, int pageSize, String bookmark) {
        throw new UnsupportedOperationException("rich queries need CouchDB; MetroLedger's state is LevelDB");
    }

    @Override
    public QueryResultsIterator<KeyModification> getHistoryForKey(String key) {
        List<KeyChange> changes = new ArrayList<>(state.history(key));
        // Fabric answers newest first.
        Collections.reverse(changes);
        return new Results<>(changes.stream().map(Change::new).collect(Collectors.toList()));
    }

    @Override
    public byte[] getPrivateData(String collection, String key) {
        throw noPrivateData();
    }

    @Override
    public byte[] getPrivateDataHash(String collection, String key) {
        throw noPrivateData();
    }

    @Override
    public byte[] getPrivateDataValidationParameter(String collection, String key) {
        throw noPrivateData();
    }

    @Override
    public void putPrivateData(String collection, String key, byte[] value) {
        throw noPrivateData();
    }

    @Override
    public void setPrivateDataValidationParameter(String collection, String key, byte[] value) {
        throw noPrivateData();
    }

    @Override
    public void delPrivateData(String collection, String key) {
        throw noPrivateData();
    }

    @Override
    public void purgePrivateData(String collection, String key) {
        throw noPrivateData();
    }

    @Override
    public QueryResultsIterator<KeyValue> getPrivateDataByRange(String collection, String startKey, String endKey) {
        throw noPrivateData();
    }

    @Override
    public QueryResultsIterator<KeyValue> getPrivateDataByPartialCompositeKey(String collection, String compositeKey) {
        throw noPrivateData();
    }

    @Override
    public QueryResultsIterator<KeyValue> getPrivateDataByPartialCompositeKey(
            String collection, CompositeKey compositeKey) {
        throw noPrivateData();
    }

    @Override
    public QueryResultsIterator<KeyValue> getPrivateDataByPartialCompositeKey(
            String collection, String objectType, String... attributes) {
        throw noPrivateData();
    }

    @Override
    public QueryResultsIterator<KeyValue> getPrivateDataQueryResult(String collection, String query) {
        throw noPrivateData();
    }

    private static UnsupportedOperationException noPrivateData() {
        return new UnsupportedOperationException("private data collections are not used by MetroLedger");
    }

    @Override
    public void setEvent(String name, byte[] payload) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("event name must not be empty");
        }
        rwset.recordEvent(new ChaincodeEventRecord(name, payload == null ? new byte[0] : payload.clone()));
    }

    @Override
    public ChaincodeEvent getEvent() {
        return rwset.event()
                .map(e -> ChaincodeEvent.newBuilder()
                        .setEventName(e.name())
                        .setPayload(ByteString.copyFrom(e.payload()))
                        .setTxId(proposal.txId())
                        .build())
                .orElse(null);
    }

    @Override
    public SignedProposal getSignedProposal() {
        throw new UnsupportedOperationException("the signed proposal is not exposed in simulation");
    }

    @Override
    public Instant getTxTimestamp() {
        return proposal.timestamp();
    }

    @Override
    public byte[] getCreator() {
        return proposal.creator().clone();
    }

    @Override
    public Map<String, byte[]> getTransient() {
        return proposal.transientData();
    }

    @Override
    public byte[] getBinding() {
        return new byte[0];
    }

    @Override
    public String getMspId() {
        return proposal.peerMspId();
    }

    private record Entry(StateEntry entry) implements KeyValue {
        @Override
        public String getKey() {
            return entry.key();
        }

        @Override
        public byte[] getValue() {
            return entry.value().value().clone();
        }

        @Override
        public String getStringValue() {
            return new String(entry.value().value(), StandardCharsets.UTF_8);
        }
    }

    private record Change(KeyChange change) implements KeyModification {
        @Override
        public String getTxId() {
            return change.txId();
        }

        @Override
        public byte[] getValue() {
            return change.deleted() ? new byte[0] : change.value().clone();
        }

        @Override
        public String getStringValue() {
            return new String(getValue(), StandardCharsets.UTF_8);
        }

        @Override
        public Instant getTimestamp() {
            return change.timestamp();
        }

        @Override
        public boolean isDeleted() {
            return change.deleted();
        }
    }

    /**
     * One range query, streamed from a state scan. The chaincode iterates it once (as the shim's
     * own iterator, which pages from the peer); it remembers the keys it handed out when endorsing.
     */
    private static final class RangeQuery implements QueryResultsIterator<KeyValue>, Iterator<KeyValue> {
        private final String start;
        private final String end;
        private final StateScan scan;
        /** Keys handed out with their versions; null when evaluating. */
        private final List<RangeRead.KeyRead> seen;

        private boolean exhausted;
        private boolean closed;

        RangeQuery(String start, String end, StateScan scan, boolean keepKeys) {
            this.start = start;
            this.end = end;
            this.scan = scan;
            this.seen = keepKeys ? new ArrayList<>() : null;
        }

        @Override
        public Iterator<KeyValue> iterator() {
            return this;
        }

        @Override
        public boolean hasNext() {
            if (closed) {
                return false;
            }
            if (!scan.hasNext()) {
                exhausted = true;
                return false;
            }
            return true;
        }

        @Override
        public KeyValue next() {
            if (!hasNext()) {
                throw new NoSuchElementException("the range query has no more keys");
            }
            StateEntry entry = scan.next();
            if (seen != null) {
                seen.add(new RangeRead.KeyRead(entry.key(), entry.value().version()));
            }
            return new Entry(entry);
        }

        /** What validation checks: the keys handed out, and whether the chaincode reached the end. */
        RangeRead read() {
            return new RangeRead(start, end, Collections.unmodifiableList(seen), exhausted);
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                scan.close();
            }
        }
    }

    private static class Results<T> implements QueryResultsIterator<T> {
        private final List<T> items;

        Results(List<T> items) {
            this.items = items;
        }

        @Override
        public Iterator<T> iterator() {
            return items.iterator();
        }

        @Override
        public void close() {}
    }

    private static final class PagedResults extends Results<KeyValue>
            implements QueryResultsIteratorWithMetadata<KeyValue> {
        private final QueryResponseMetadata metadata;

        PagedResults(List<KeyValue> items, QueryResponseMetadata metadata) {
            super(items);
            this.metadata = metadata;
        }

        @Override
        public QueryResponseMetadata getMetadata() {
            return metadata;
        }
    }
}
