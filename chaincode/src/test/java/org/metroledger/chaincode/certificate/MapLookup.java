package org.metroledger.chaincode.certificate;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.metroledger.chaincode.registry.Lab;
import org.metroledger.chaincode.registry.Standard;

/** Records in plain maps, counting certificate reads so tests can see what a walk re-reads. */
final class MapLookup implements CertificateLookup {
    final Map<String, Certificate> certificates = new HashMap<>();
    final Map<String, Standard> standards = new HashMap<>();
    final Map<String, Lab> labs = new HashMap<>();
    final Map<String, Integer> certificateReads = new HashMap<>();

    MapLookup add(Certificate c) {
        certificates.put(c.id(), c);
        return this;
    }

    MapLookup add(Standard s) {
        standards.put(s.id(), s);
        return this;
    }

    MapLookup add(Lab l) {
        labs.put(l.id(), l);
        return this;
    }

    @Override
    public Optional<Certificate> certificate(String id) {
        certificateReads.merge(id, 1, Integer::sum);
        return Optional.ofNullable(certificates.get(id));
    }

    @Override
    public Optional<Standard> standard(String id) {
        return Optional.ofNullable(standards.get(id));
    }

    @Override
    public Optional<Lab> lab(String id) {
        return Optional.ofNullable(labs.get(id));
    }
}
