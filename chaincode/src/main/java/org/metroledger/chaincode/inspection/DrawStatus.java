package org.metroledger.chaincode.inspection;

/**
 * Where a draw stands: OPEN until every participant has committed, COMMITTED until every one has
 * revealed, REVEALED until the region publishes the selection.
 */
public enum DrawStatus {
    OPEN,
    COMMITTED,
    REVEALED,
    PUBLISHED
}
