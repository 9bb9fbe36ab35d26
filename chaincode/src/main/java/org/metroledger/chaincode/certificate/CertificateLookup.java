package org.metroledger.chaincode.certificate;

import java.util.Optional;
import org.metroledger.chaincode.registry.Lab;
import org.metroledger.chaincode.registry.Standard;

/** The records a verification reads, so the rules run against world state or a plain map alike. */
public interface CertificateLookup {
    Optional<Certificate> certificate(String id);

    Optional<Standard> standard(String id);

    Optional<Lab> lab(String id);
}
