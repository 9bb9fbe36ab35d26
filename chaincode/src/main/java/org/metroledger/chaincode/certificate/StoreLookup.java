package org.metroledger.chaincode.certificate;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.metroledger.chaincode.cache.BoundedCache;
import org.metroledger.chaincode.json.Canonical;
import org.metroledger.chaincode.registry.Lab;
import org.metroledger.chaincode.registry.Standard;
import org.metroledger.chaincode.state.RecordStore;

/**
 * World-state lookups for one verification, each record read at most once: on a peer every read
 * is a round trip, and a traceability walk meets the same labs and standards again and again.
 *
 * <p>Parsing is remembered across verifications by the stored bytes themselves: the same bytes
 * always parse to an equal record, and consumers verify the same chains over and over. The records
 * handed out are therefore shared between transactions: the verification rules only read them,
 * and nothing may change their lists.
 */
final class StoreLookup implements CertificateLookup {
    /**
     * A parsed certificate with its stored bytes holds a few KB, so 32,768 records are of the order
     * of 100 MB (an estimate, not measured): what a peer can give its most-read records.
     */
    private static final BoundedCache<Stored, Object> PARSED = new BoundedCache<>(32_768);

    private final RecordStore store;
    private final Map<String, Optional<Certificate>> certificates = new HashMap<>();
    private final Map<String, Optional<Standard>> standards = new HashMap<>();
    private final Map<String, Optional<Lab>> labs = new HashMap<>();

    StoreLookup(RecordStore store) {
        this.store = store;
    }

    @Override
    public Optional<Certificate> certificate(String id) {
        return certificates.computeIfAbsent(id, k -> store.find(Certificate.TYPE, k, parsed(Certificate.class)));
    }

    @Override
    public Optional<Standard> standard(String id) {
        return standards.computeIfAbsent(id, k -> store.find(Standard.TYPE, k, parsed(Standard.class)));
    }

    @Override
    public Optional<Lab> lab(String id) {
        return labs.computeIfAbsent(id, k -> store.find(Lab.TYPE, k, parsed(Lab.class)));
    }

    private static <T> Function<byte[], T> parsed(Class<T> type) {
        return bytes -> type.cast(PARSED.get(new Stored(type, bytes), stored -> Canonical.readStored(bytes, type)));
    }

    /** Stored bytes of a record type, compared by content. */
    private record Stored(Class<?> type, byte[] bytes) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Stored that && that.type == type && Arrays.equals(that.bytes, bytes);
        }

        @Override
        public int hashCode() {
            return 31 * type.hashCode() + Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return type.getSimpleName() + " of " + bytes.length + " bytes";
        }
    }
}
