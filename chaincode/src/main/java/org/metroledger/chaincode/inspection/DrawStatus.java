package org.metroledger.chaincode.inspection;

/**
 * Where a draw stands: OPEN until every participant has committed, COMMITTED until every one has
 * revealed (or, after the reveal deadline, until the seeds withheld are rebuilt from shares),
 * REVEALED until the region publishes the selection; CANCELLED by a majority of its centres at any
 * time before publication.
 */
public enum DrawStatus {
    OPEN,
    COMMITTED,
    REVEALED,
    PUBLISHED,
    CANCELLED
}
