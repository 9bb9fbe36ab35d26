package org.metroledger.gateway.qr;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.metroledger.chaincode.registry.Lab;

/**
 * The labs' public keys and status as the ledger held them at one height: all an offline verifier
 * needs to check a QR token's signature.
 *
 * @param generatedAt when the gateway read the ledger (ISO-8601 UTC)
 * @param ledgerHeight the number of blocks committed when it read them
 */
public record TrustList(String generatedAt, long ledgerHeight, List<Lab> labs) {
    public TrustList {
        Objects.requireNonNull(generatedAt, "generatedAt");
        labs = List.copyOf(Objects.requireNonNull(labs, "labs"));
    }

    public Optional<Lab> lab(String id) {
        return labs.stream().filter(lab -> lab.id().equals(id)).findFirst();
    }
}
