package org.metroledger.chaincode.commitment;

import java.time.Instant;
import java.util.List;
import org.metroledger.chaincode.state.Stamp;

/**
 * An entity's integrity commitment (诚信计量承诺). It is in effect from the later of {@code
 * effectiveFrom} and {@code publishedAt} until {@code effectiveTo} (exclusive, open when absent),
 * and, once withdrawn or breached, only until {@code statusChangedAt}.
 */
public record Commitment(
        String id,
        String entity,
        List<Pledge> items,
        String textDigest,
        String effectiveFrom,
        String effectiveTo,
        String publishedAt,
        CommitmentStatus status,
        String statusReason,
        String statusChangedAt,
        String recordedAt,
        String txId) {
    public static final String TYPE = "Commitment";
    /** (entity, publishedAt, id): an entity's commitments in publication order. */
    public static final String BY_ENTITY = "commitment~entity";

    /** When it starts to count: a commitment cannot be in effect before it was published. */
    public Instant start() {
        Instant from = Instant.parse(effectiveFrom);
        Instant published = Instant.parse(publishedAt);
        return from.isAfter(published) ? from : published;
    }

    /** When it stops counting (exclusive), or null while open-ended and ACTIVE. */
    public Instant end() {
        Instant to = effectiveTo == null ? null : Instant.parse(effectiveTo);
        Instant changed = statusChangedAt == null ? null : Instant.parse(statusChangedAt);
        if (to == null) {
            return changed;
        }
        return changed == null || to.isBefore(changed) ? to : changed;
    }

    public boolean inEffectAt(Instant at) {
        Instant end = end();
        return !at.isBefore(start()) && (end == null || at.isBefore(end));
    }

    /** Whether an ACTIVE commitment's window meets the window [from, to); to null is open-ended. */
    public boolean activeDuring(Instant from, Instant to) {
        Instant end = end();
        return status == CommitmentStatus.ACTIVE
                && (to == null || start().isBefore(to))
                && (end == null || from.isBefore(end));
    }

    public Commitment withStatus(CommitmentStatus newStatus, String reason, Instant changedAt, Stamp stamp) {
        return new Commitment(
                id,
                entity,
                items,
                textDigest,
                effectiveFrom,
                effectiveTo,
                publishedAt,
                newStatus,
                reason,
                changedAt.toString(),
                stamp.recordedAt(),
                stamp.txId());
    }
}
