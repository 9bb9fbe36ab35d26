package org.metroledger.chaincode.state;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.hyperledger.fabric.shim.ledger.CompositeKey;
import org.hyperledger.fabric.shim.ledger.KeyModification;
import org.hyperledger.fabric.shim.ledger.KeyValue;
import org.hyperledger.fabric.shim.ledger.QueryResultsIterator;
import org.hyperledger.fabric.shim.ledger.QueryResultsIteratorWithMetadata;
import org.metroledger.chaincode.cache.BoundedCache;
import org.metroledger.chaincode.error.Fail;
import org.metroledger.chaincode.json.Canonical;

/**
 * Typed access to world state. Records live under the composite key {@code (type, id)}; secondary
 * indexes are composite keys whose last attribute is the indexed record's id and whose value is a
 * single zero byte. Only key lookups and range scans: it runs on LevelDB.
 */
public final class RecordStore {
    private static final byte[] INDEX_VALUE = {0};
    /** Largest page a listing returns, whatever the caller asks. */
    public static final int MAX_PAGE = 200;

    /**
     * Record keys by type and id: Fabric's CompositeKey checks every segment with a regular
     * expression compiled per call, and each verification builds the same ten keys again. The key
     * is a pure function of type and id (the shim's createCompositeKey builds it locally), and a
     * segment it refuses throws on every call, since nothing is kept then.
     */
    private static final BoundedCache<TypedId, String> KEYS = new BoundedCache<>(16_384);

    private record TypedId(String type, String id) {}

    private final ChaincodeStub stub;

    public RecordStore(ChaincodeStub stub) {
        this.stub = stub;
    }

    public ChaincodeStub stub() {
        return stub;
    }

    /** The transaction's timestamp: the only clock the chaincode may read. */
    public Instant now() {
        return stub.getTxTimestamp();
    }

    public Stamp stamp() {
        return new Stamp(now().toString(), stub.getTxId());
    }

    public String key(String type, String id) {
        return KEYS.get(
                new TypedId(type, id), k -> stub.createCompositeKey(type, id).toString());
    }

    public <T> Optional<T> find(String type, String id, Class<T> recordClass) {
        return find(type, id, bytes -> Canonical.readStored(bytes, recordClass));
    }

    /**
     * The record read as {@code find} does (the read is recorded in the read set), turned into an
     * object by the caller's parser, e.g. one that remembers what it parsed.
     */
    public <T> Optional<T> find(String type, String id, Function<byte[], T> parser) {
        byte[] bytes = stub.getState(key(type, id));
        if (bytes == null || bytes.length == 0) {
            return Optional.empty();
        }
        return Optional.of(parser.apply(bytes));
    }

    /** The record, or NOT_FOUND naming its type and id. */
    public <T> T get(String type, String id, Class<T> recordClass) {
        return find(type, id, recordClass).orElseThrow(() -> Fail.notFound(type, id));
    }

    public boolean exists(String type, String id) {
        byte[] bytes = stub.getState(key(type, id));
        return bytes != null && bytes.length > 0;
    }

    /** Refuses with CONFLICT when a record of that type and id exists already. */
    public void requireAbsent(String type, String id) {
        if (exists(type, id)) {
            throw Fail.conflict(type + " '" + id + "' exists already");
        }
    }

    public void put(String type, String id, Object record) {
        stub.putState(key(type, id), Canonical.bytes(record));
    }

    /**
     * Writes a record under {@code (type, attributes...)}, for records identified by several
     * writer-chosen ids at once, which no separator could join unambiguously.
     */
    public void putUnder(String type, Object record, String... attributes) {
        stub.putState(stub.createCompositeKey(type, attributes).toString(), Canonical.bytes(record));
    }

    /** The record under {@code (type, attributes...)}, as {@link #putUnder} wrote it. */
    public <T> Optional<T> findUnder(String type, Class<T> recordClass, String... attributes) {
        byte[] bytes = stub.getState(stub.createCompositeKey(type, attributes).toString());
        return bytes == null || bytes.length == 0
                ? Optional.empty()
                : Optional.of(Canonical.readStored(bytes, recordClass));
    }

    /** Every record under a prefix of {@code (type, attributes...)}, in key order. For writes too. */
    public <T> List<T> allUnder(String type, Class<T> recordClass, String... prefix) {
        List<T> records = new ArrayList<>();
        try (QueryResultsIterator<KeyValue> results = stub.getStateByPartialCompositeKey(type, prefix)) {
            for (KeyValue kv : results) {
                records.add(Canonical.readStored(kv.getValue(), recordClass));
            }
        } catch (Exception e) {
            throw rethrow(e);
        }
        return records;
    }

    public void index(String index, String... attributes) {
        stub.putState(stub.createCompositeKey(index, attributes).toString(), INDEX_VALUE);
    }

    public void unindex(String index, String... attributes) {
        stub.delState(stub.createCompositeKey(index, attributes).toString());
    }

    /** Every id under an index prefix (last attribute of each key), in key order. For writes too. */
    public List<String> idsByIndex(String index, String... prefix) {
        List<String> ids = new ArrayList<>();
        try (QueryResultsIterator<KeyValue> results = stub.getStateByPartialCompositeKey(index, prefix)) {
            for (KeyValue kv : results) {
                ids.add(lastAttribute(kv.getKey()));
            }
        } catch (Exception e) {
            throw rethrow(e);
        }
        return ids;
    }

    /**
     * Every record of that type an index lists under a prefix, in key order (NOT_FOUND should one be
     * missing). For writes too.
     */
    public <T> List<T> recordsByIndex(String type, Class<T> recordClass, String index, String... prefix) {
        return idsByIndex(index, prefix).stream()
                .map(id -> get(type, id, recordClass))
                .toList();
    }

    /** The attributes of every key under an index prefix, in key order: for indexes of multi-id records. */
    public List<List<String>> keysByIndex(String index, String... prefix) {
        List<List<String>> keys = new ArrayList<>();
        try (QueryResultsIterator<KeyValue> results = stub.getStateByPartialCompositeKey(index, prefix)) {
            for (KeyValue kv : results) {
                keys.add(stub.splitCompositeKey(kv.getKey()).getAttributes());
            }
        } catch (Exception e) {
            throw rethrow(e);
        }
        return keys;
    }

    /** A page of ids under an index prefix; only for read-only (evaluate) transactions, as on Fabric. */
    private Page<String> idPage(Listing.PageQuery query) {
        Page<List<String>> keys = keyPage(query);
        return new Page<>(
                keys.items().stream().map(key -> key.get(key.size() - 1)).toList(), keys.bookmark());
    }

    /** A page of the attributes of the keys under an index prefix; evaluate transactions only. */
    public Page<List<String>> keyPage(Listing.PageQuery query) {
        List<List<String>> keys = new ArrayList<>();
        String next;
        try (QueryResultsIteratorWithMetadata<KeyValue> results = stub.getStateByPartialCompositeKeyWithPagination(
                new CompositeKey(query.index(), query.prefix()), query.size(), query.bookmark())) {
            for (KeyValue kv : results) {
                keys.add(stub.splitCompositeKey(kv.getKey()).getAttributes());
            }
            next = results.getMetadata() == null ? "" : results.getMetadata().getBookmark();
        } catch (Exception e) {
            throw rethrow(e);
        }
        return new Page<>(keys, next);
    }

    /** A page of whole records of one type, as a checked listing request asks (see {@link Listing#over}). */
    public <T> Page<T> recordPage(Listing.PageQuery query, Class<T> recordClass, String type) {
        Page<String> ids = idPage(query);
        List<T> records = new ArrayList<>();
        for (String id : ids.items()) {
            find(type, id, recordClass).ifPresent(records::add);
        }
        return new Page<>(records, ids.bookmark());
    }

    /** Every committed version of a record, newest first, as Fabric's history database answers. */
    public List<HistoryEntry> history(String type, String id) {
        List<HistoryEntry> entries = new ArrayList<>();
        try (QueryResultsIterator<KeyModification> results = stub.getHistoryForKey(key(type, id))) {
            for (KeyModification change : results) {
                entries.add(new HistoryEntry(
                        change.getTxId(),
                        change.getTimestamp() == null
                                ? null
                                : change.getTimestamp().toString(),
                        change.isDeleted(),
                        change.isDeleted() || change.getValue().length == 0
                                ? null
                                : Canonical.tree(new String(change.getValue(), StandardCharsets.UTF_8), "history")));
            }
        } catch (Exception e) {
            throw rethrow(e);
        }
        return entries;
    }

    /** Sets the transaction's chaincode event; listeners see it once the transaction commits. */
    public void event(String name, Object payload) {
        stub.setEvent(name, Canonical.bytes(payload));
    }

    /**
     * Sets the chaincode event {@code name} carrying the record a write transaction answers, and
     * answers that record's canonical JSON: listeners get the very bytes the caller does.
     */
    public String answerWithEvent(String name, Object record) {
        String json = Canonical.json(record);
        stub.setEvent(name, json.getBytes(StandardCharsets.UTF_8));
        return json;
    }

    private String lastAttribute(String compositeKey) {
        List<String> attributes = stub.splitCompositeKey(compositeKey).getAttributes();
        return attributes.get(attributes.size() - 1);
    }

    private static RuntimeException rethrow(Exception e) {
        return e instanceof RuntimeException r ? r : new IllegalStateException("state iteration failed", e);
    }

    /** For messages: the attributes of a key joined readably. */
    public static String describe(String... attributes) {
        return Arrays.toString(attributes);
    }
}
