package org.metroledger.gateway.ledger;

import java.util.Set;

/**
 * A read-only evaluation's answer with what it read: the keys, and a height no later than the state
 * it read ({@code fromHeight}: the answer saw every block below it). {@code complete} is false when
 * the keys do not say everything the answer depends on (a range read, or a backend that cannot
 * tell); such an answer must not be reused.
 */
public record ReadAnswer(String payload, long fromHeight, Set<String> keys, boolean complete) {
    public ReadAnswer {
        keys = Set.copyOf(keys);
    }

    /** An answer whose read set is unknown. */
    public static ReadAnswer untracked(String payload) {
        return new ReadAnswer(payload, 0, Set.of(), false);
    }
}
