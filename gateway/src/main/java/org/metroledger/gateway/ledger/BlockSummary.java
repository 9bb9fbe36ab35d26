package org.metroledger.gateway.ledger;

import java.util.List;

/** What a block holds, for the ledger page and /api/v1/blocks/{n}. Hashes are lowercase hex. */
public record BlockSummary(
        long number,
        String hash,
        String previousHash,
        String dataHash,
        String timestamp,
        List<TransactionSummary> transactions) {
    /** One transaction of a block and how validation judged it (VALID, MVCC_READ_CONFLICT, ...). */
    public record TransactionSummary(
            String txId, String creatorMsp, String function, String validationCode, String timestamp) {}
}
