package org.metroledger.gateway.contracts;

import org.metroledger.chaincode.json.Canonical;
import org.metroledger.gateway.ledger.Committed;

/**
 * A transaction committed valid: the record the function answered, its txId and its block.
 *
 * @param <T> the record the chaincode answered
 */
public final class Written<T> {
    private final Committed committed;
    private final Answer<T> record;

    Written(Committed committed, AnswerType<T> type) {
        this.committed = committed;
        this.record = new Answer<>(committed.payload(), type);
    }

    /** The record as the chaincode answered it. */
    public Answer<T> record() {
        return record;
    }

    /** False for an answer that wrote nothing and was not ordered (no txId, block -1). */
    public boolean ordered() {
        return committed.ordered();
    }

    public String txId() {
        return committed.txId();
    }

    public long blockNumber() {
        return committed.blockNumber();
    }

    /**
     * {@code {"record", "txId", "blockNumber"}}, as the API answers a write: the chaincode's JSON
     * is embedded as is, without parsing it again.
     */
    public String json() {
        return "{\"record\":" + committed.payload() + ",\"txId\":" + Canonical.json(committed.txId())
                + ",\"blockNumber\":" + committed.blockNumber() + "}";
    }
}
