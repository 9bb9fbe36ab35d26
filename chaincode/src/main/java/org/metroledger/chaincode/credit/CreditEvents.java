package org.metroledger.chaincode.credit;

import java.time.Instant;
import java.util.List;
import org.metroledger.chaincode.commitment.Commitments;
import org.metroledger.chaincode.error.Fail;
import org.metroledger.chaincode.identity.Caller;
import org.metroledger.chaincode.identity.Role;
import org.metroledger.chaincode.json.Check;
import org.metroledger.chaincode.registry.Entity;
import org.metroledger.chaincode.state.IndexTime;
import org.metroledger.chaincode.state.Listing;
import org.metroledger.chaincode.state.Page;
import org.metroledger.chaincode.state.RecordStore;

/**
 * Credit events in world state. Other contracts (inspection results) record through {@link
 * #record} too, so the indexes and the commitment breach rule stay in one place.
 */
public final class CreditEvents {
    private CreditEvents() {}

    /**
     * Refuses with FORBIDDEN anyone but an inspector or centre admin (of any region) or the entity
     * itself: the one rule for reading an entity's credit events, whichever function reads them.
     *
     * @param entity the entity whose events are read, or null when they do not exist
     */
    public static void requireReader(Caller caller, String entity) {
        if (caller.has(Role.ENTITY)) {
            // A null entity (no such event) is no entity's own: refused as another's would be.
            if (!caller.entityId("read credit histories").equals(entity)) {
                throw Fail.forbidden("an entity may read only its own credit history");
            }
            return;
        }
        caller.require("read credit histories", Role.INSPECTOR, Role.CENTRE_ADMIN);
    }

    /**
     * Checks every field of a new event, as INVALID_ARGUMENT naming the field, and answers it with
     * its instant in canonical form. {@code occurredAt} may not be after {@code now}.
     */
    public static CreditEvent validated(CreditEvent event, Instant now) {
        Check.required("request", event);
        Check.id("id", event.id());
        Check.id("entity", event.entity());
        Check.required("type", event.type());
        Instant occurred = Check.instant("occurredAt", event.occurredAt());
        Check.that(!occurred.isAfter(now), "occurredAt", "must not be after the transaction time " + now);
        Check.that(!occurred.isBefore(IndexTime.EARLIEST), "occurredAt", "must not be before " + IndexTime.EARLIEST);
        Check.text("recordedBy", event.recordedBy(), 2048);
        Check.sha256("evidenceDigest", event.evidenceDigest());
        Reference reference = event.reference();
        if (reference != null) {
            Check.required("reference.kind", reference.kind());
            Check.id("reference.id", reference.id());
        }
        if (event.type() == CreditEventType.COMMITMENT_BREACHED) {
            Check.that(
                    reference != null && reference.kind() == ReferenceKind.COMMITMENT,
                    "reference",
                    "must name the breached commitment (kind COMMITMENT)");
        }
        return CreditEvent.of(
                event.id(),
                event.entity(),
                event.type(),
                occurred,
                event.recordedBy(),
                event.evidenceDigest(),
                reference);
    }

    /**
     * Validates and stores a new event with its time index; a COMMITMENT_BREACHED event marks its
     * commitment BREACHED. The caller checks who may record and sets its own chaincode event
     * (Fabric keeps one per transaction). NOT_FOUND for an unknown entity or commitment, CONFLICT
     * for a taken id.
     */
    public static CreditEvent record(RecordStore store, CreditEvent event) {
        CreditEvent valid = validated(event, store.now());
        store.get(Entity.TYPE, valid.entity(), Entity.class);
        store.requireAbsent(CreditEvent.TYPE, valid.id());
        Reference reference = valid.reference();
        if (reference != null && reference.kind() == ReferenceKind.COMMITMENT) {
            if (valid.type() == CreditEventType.COMMITMENT_BREACHED) {
                Commitments.breach(
                        store,
                        "reference.id",
                        reference.id(),
                        valid.entity(),
                        valid.occurred(),
                        "credit event " + valid.id());
            } else {
                Commitments.owned(store, "reference.id", reference.id(), valid.entity());
            }
        }
        CreditEvent stored = valid.stamped(store.stamp());
        store.put(CreditEvent.TYPE, stored.id(), stored);
        store.index(CreditEvent.BY_ENTITY_TIME, stored.entity(), IndexTime.of(stored.occurred()), stored.id());
        GradeTimelines.refresh(store, store.get(Entity.TYPE, stored.entity(), Entity.class), stored);
        return stored;
    }

    /** Marks an event repaired (信用修复); CONFLICT when it is already. */
    public static CreditEvent repair(RecordStore store, CreditEvent event, String by, String reason) {
        if (event.repaired()) {
            throw Fail.conflict("credit event '" + event.id() + "' was repaired already at " + event.repairedAt());
        }
        CreditEvent repaired = event.repair(by, reason, store.stamp());
        store.put(CreditEvent.TYPE, repaired.id(), repaired);
        GradeTimelines.refresh(store, store.get(Entity.TYPE, repaired.entity(), Entity.class), repaired);
        return repaired;
    }

    public static CreditEvent get(RecordStore store, String id) {
        return store.get(CreditEvent.TYPE, id, CreditEvent.class);
    }

    /** Every event of an entity in time order; a full scan, so usable in submits. */
    public static List<CreditEvent> ofEntity(RecordStore store, String entity) {
        return store.idsByIndex(CreditEvent.BY_ENTITY_TIME, entity).stream()
                .map(id -> get(store, id))
                .toList();
    }

    /**
     * One page of an entity's events in time order, of a listing over {@link CreditEvent#BY_ENTITY_TIME}
     * and the entity; evaluate only (Fabric pagination).
     */
    public static Page<CreditEvent> page(RecordStore store, Listing.PageQuery query) {
        return store.recordPage(query, CreditEvent.class, CreditEvent.TYPE);
    }
}
