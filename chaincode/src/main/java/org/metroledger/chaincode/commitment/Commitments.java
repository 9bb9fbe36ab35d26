package org.metroledger.chaincode.commitment;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.metroledger.chaincode.error.Fail;
import org.metroledger.chaincode.state.IndexTime;
import org.metroledger.chaincode.state.RecordStore;

/** Commitments in world state: the reads and writes the commitment and credit contracts share. */
public final class Commitments {
    private Commitments() {}

    /** Every commitment of an entity in publication order; a full scan, so usable in submits. */
    public static List<Commitment> ofEntity(RecordStore store, String entity) {
        return store.recordsByIndex(Commitment.TYPE, Commitment.class, Commitment.BY_ENTITY, entity);
    }

    /** The commitment of an entity in effect at an instant, if any. */
    public static Optional<Commitment> inEffect(RecordStore store, String entity, Instant at) {
        return ofEntity(store, entity).stream().filter(c -> c.inEffectAt(at)).findFirst();
    }

    /** A commitment that must belong to the entity: NOT_FOUND, or INVALID_ARGUMENT naming the field. */
    public static Commitment owned(RecordStore store, String field, String id, String entity) {
        Commitment commitment = store.get(Commitment.TYPE, id, Commitment.class);
        if (!commitment.entity().equals(entity)) {
            throw Fail.invalid(field, "names commitment '" + id + "' of another entity");
        }
        return commitment;
    }

    /** Stores a new commitment and its index entry. */
    static void insert(RecordStore store, Commitment commitment) {
        store.put(Commitment.TYPE, commitment.id(), commitment);
        store.index(
                Commitment.BY_ENTITY,
                commitment.entity(),
                IndexTime.of(Instant.parse(commitment.publishedAt())),
                commitment.id());
    }

    /** Rewrites a commitment whose status changed; its index entry does not depend on status. */
    static void update(RecordStore store, Commitment commitment) {
        store.put(Commitment.TYPE, commitment.id(), commitment);
    }

    /**
     * Marks an entity's commitment BREACHED from the moment of the breach, which must fall inside
     * the time it was in effect. One withdrawn after the breach keeps its status; the breach is on
     * the credit record either way.
     *
     * @param field the request field naming the commitment, for error messages
     */
    public static Commitment breach(
            RecordStore store, String field, String id, String entity, Instant occurredAt, String reason) {
        Commitment commitment = owned(store, field, id, entity);
        if (!commitment.inEffectAt(occurredAt)) {
            throw Fail.invalid("occurredAt", "is outside the time commitment '" + id + "' was in effect");
        }
        if (commitment.status() != CommitmentStatus.ACTIVE) {
            return commitment;
        }
        Commitment breached = commitment.withStatus(CommitmentStatus.BREACHED, reason, occurredAt, store.stamp());
        update(store, breached);
        return breached;
    }
}
