package org.metroledger.gateway.ledger;

import java.util.Set;

/** The keys written by the valid transactions of one committed block. */
public record BlockWrites(long block, Set<String> keys) {
    public BlockWrites {
        keys = Set.copyOf(keys);
    }
}
