package org.metroledger.chaincode.certificate;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.metroledger.chaincode.registry.Lab;
import org.metroledger.chaincode.registry.Standard;
import org.metroledger.chaincode.state.RecordStore;

/**
 * World-state lookups for one verification, each record read at most once: on a peer every read
 * is a round trip, and a traceability walk meets the same labs and standards again and again.
 */
final class StoreLookup implements CertificateLookup {
    private final RecordStore store;
    private final Map<String, Optional<Certificate>> certificates = new HashMap<>();
    private final Map<String, Optional<Standard>> standards = new HashMap<>();
    private final Map<String, Optional<Lab>> labs = new HashMap<>();

    StoreLookup(RecordStore store) {
        this.store = store;
    }

    @Override
    public Optional<Certificate> certificate(String id) {
        return certificates.computeIfAbsent(id, k -> store.find(Certificate.TYPE, k, Certificate.class));
    }

    @Override
    public Optional<Standard> standard(String id) {
        return standards.computeIfAbsent(id, k -> store.find(Standard.TYPE, k, Standard.class));
    }

    @Override
    public Optional<Lab> lab(String id) {
        return labs.computeIfAbsent(id, k -> store.find(Lab.TYPE, k, Lab.class));
    }
}
