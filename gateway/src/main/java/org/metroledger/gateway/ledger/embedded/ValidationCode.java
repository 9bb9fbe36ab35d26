package org.metroledger.gateway.ledger.embedded;

/** How validation at commit judged a transaction; the names are Fabric's TxValidationCode names. */
enum ValidationCode {
    VALID,
    /** A key or range the transaction read changed after it was simulated. */
    MVCC_READ_CONFLICT,
    /** A transaction with the same id is committed already. */
    DUPLICATE_TXID
}
