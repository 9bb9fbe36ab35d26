package org.metroledger.chaincode.credit;

import java.time.Instant;
import org.metroledger.chaincode.commitment.Commitment;
import org.metroledger.chaincode.commitment.Commitments;
import org.metroledger.chaincode.registry.Entity;
import org.metroledger.chaincode.state.RecordStore;

/** An entity's rating read from world state; the entry point other contracts (inspection draws) call. */
public final class CreditRatings {
    private CreditRatings() {}

    /**
     * The entity's rating as of {@code at}, under the policy in force at {@code at}, with the
     * commitment in effect then; NOT_FOUND for an unknown entity. Only full scans and point reads,
     * so submits may call it.
     */
    public static Rating rate(RecordStore store, String entityId, Instant at) {
        store.get(Entity.TYPE, entityId, Entity.class);
        String commitment =
                Commitments.inEffect(store, entityId, at).map(Commitment::id).orElse(null);
        return RatingRules.rate(
                RatingPolicies.asOf(store, at), entityId, CreditEvents.ofEntity(store, entityId), commitment, at);
    }
}
