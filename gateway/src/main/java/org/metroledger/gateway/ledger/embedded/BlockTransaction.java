package org.metroledger.gateway.ledger.embedded;

import java.util.List;

/**
 * A transaction as its block records it: who proposed what and when, what simulating it read and
 * wrote, the chaincode event it set (or null), and how validation at commit judged it.
 *
 * @param creatorCertificate the creator's X.509 certificate, PEM
 * @param timestamp the proposal's timestamp, ISO-8601
 */
record BlockTransaction(
        String txId,
        String creatorMsp,
        String creatorCertificate,
        String function,
        List<String> args,
        String timestamp,
        StoredReadWriteSet rwset,
        StoredEvent event,
        ValidationCode validationCode) {
    BlockTransaction {
        args = List.copyOf(args);
    }

    boolean valid() {
        return validationCode == ValidationCode.VALID;
    }

    /** A chaincode event; the payload is base64 so the block keeps its exact bytes. */
    record StoredEvent(String name, String payload) {}
}
