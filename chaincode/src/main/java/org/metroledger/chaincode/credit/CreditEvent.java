package org.metroledger.chaincode.credit;

import java.time.Instant;
import org.metroledger.chaincode.state.Stamp;

/**
 * Something an inspector or regulator recorded against an entity's credit. It is never deleted: a
 * regulator's repair (信用修复) marks it so that ratings from then on leave it out.
 */
public record CreditEvent(
        String id,
        String entity,
        CreditEventType type,
        String occurredAt,
        String recordedBy,
        String evidenceDigest,
        Reference reference,
        boolean repaired,
        String repairedAt,
        String repairedBy,
        String repairReason,
        String recordedAt,
        String txId) {
    public static final String TYPE = "CreditEvent";
    /** (entity, occurredAt as {@code IndexTime}, id): an entity's events in time order. */
    public static final String BY_ENTITY_TIME = "creditevent~entity~time";

    /** A new event, not yet on the ledger; {@link CreditEvents#record} stamps and stores it. */
    public static CreditEvent of(
            String id,
            String entity,
            CreditEventType type,
            Instant occurredAt,
            String recordedBy,
            String evidenceDigest,
            Reference reference) {
        return new CreditEvent(
                id,
                entity,
                type,
                occurredAt == null ? null : occurredAt.toString(),
                recordedBy,
                evidenceDigest,
                reference,
                false,
                null,
                null,
                null,
                null,
                null);
    }

    public Instant occurred() {
        return Instant.parse(occurredAt);
    }

    /** Whether a repair had taken effect by that instant. */
    public boolean repairedAsOf(Instant at) {
        return repaired && !Instant.parse(repairedAt).isAfter(at);
    }

    CreditEvent stamped(Stamp stamp) {
        return with(repaired, repairedAt, repairedBy, repairReason, stamp);
    }

    CreditEvent repair(String by, String reason, Stamp stamp) {
        return with(true, stamp.recordedAt(), by, reason, stamp);
    }

    private CreditEvent with(boolean isRepaired, String repairTime, String repairer, String reason, Stamp stamp) {
        return new CreditEvent(
                id,
                entity,
                type,
                occurredAt,
                recordedBy,
                evidenceDigest,
                reference,
                isRepaired,
                repairTime,
                repairer,
                reason,
                stamp.recordedAt(),
                stamp.txId());
    }
}
