package org.metroledger.chaincode.credit;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.metroledger.chaincode.state.RecordStore;

/**
 * The rating policy versions on the ledger. Until a governance change first stores one, the
 * built-in version 1 (DESIGN §4) applies; reads never write it, so evaluating stays read-only and
 * every peer answers the same.
 */
public final class RatingPolicies {
    private static final String TWO_YEARS = "P2Y";
    private static final String THREE_YEARS = "P3Y";

    /** Policy v1 of DESIGN §4, exactly. */
    public static final RatingPolicy DEFAULT_V1 = defaultV1();

    private RatingPolicies() {}

    /** The policy in force now (at the transaction time). */
    public static RatingPolicy active(RecordStore store) {
        return asOf(store, store.now());
    }

    /** The policy that was in force at an instant: the newest version activated by then. */
    public static RatingPolicy asOf(RecordStore store, Instant at) {
        RatingPolicy inForce = null;
        for (RatingPolicy policy : all(store)) {
            boolean activated = policy.status() != PolicyStatus.PROPOSED
                    && (policy.activatedAt() == null
                            || !Instant.parse(policy.activatedAt()).isAfter(at));
            if (activated) {
                inForce = policy;
            }
        }
        return inForce == null ? DEFAULT_V1 : inForce;
    }

    /** Every version in version order; just the built-in v1 while nothing is stored. */
    public static List<RatingPolicy> all(RecordStore store) {
        List<RatingPolicy> stored = store.recordsByIndex(RatingPolicy.TYPE, RatingPolicy.class, RatingPolicy.TYPE);
        return stored.isEmpty() ? List.of(DEFAULT_V1) : stored;
    }

    public static Optional<RatingPolicy> find(RecordStore store, int version) {
        return all(store).stream().filter(p -> p.version() == version).findFirst();
    }

    /** Writes the built-in v1 if no version is stored yet; for submits that change policies. */
    static void storeDefault(RecordStore store) {
        if (store.idsByIndex(RatingPolicy.TYPE).isEmpty()) {
            RatingPolicy v1 = DEFAULT_V1;
            put(store, v1.governed(v1.status(), v1.approvals(), v1.activatedAt(), v1.retiredAt(), store.stamp()));
        }
    }

    static void put(RecordStore store, RatingPolicy policy) {
        store.put(RatingPolicy.TYPE, RatingPolicy.id(policy.version()), policy);
    }

    private static RatingPolicy defaultV1() {
        Map<CreditEventType, EventRule> events = new EnumMap<>(CreditEventType.class);
        events.put(CreditEventType.INSPECTION_PASSED, new EventRule(2, TWO_YEARS, 10, null));
        events.put(CreditEventType.OVERDUE_VERIFICATION, new EventRule(-5, TWO_YEARS, null, null));
        events.put(CreditEventType.INSPECTION_FAILED, new EventRule(-10, TWO_YEARS, null, null));
        events.put(CreditEventType.SHORT_WEIGHT, new EventRule(-15, TWO_YEARS, null, null));
        events.put(CreditEventType.COMMITMENT_BREACHED, new EventRule(-20, TWO_YEARS, null, null));
        events.put(CreditEventType.ADMINISTRATIVE_PENALTY, new EventRule(-20, TWO_YEARS, null, null));
        for (CreditEventType severe : List.of(
                CreditEventType.FORGED_DATA, CreditEventType.FALSE_CERTIFICATE, CreditEventType.CHEATING_DEVICE)) {
            events.put(severe, new EventRule(-40, THREE_YEARS, null, Grade.D));
        }
        Map<Grade, Integer> thresholds = new EnumMap<>(Map.of(Grade.A, 90, Grade.B, 75, Grade.C, 60));
        Map<Grade, String> ratios =
                new EnumMap<>(Map.of(Grade.A, "0.05", Grade.B, "0.10", Grade.C, "0.20", Grade.D, "1.00"));
        return new RatingPolicy(
                1,
                100,
                5,
                Map.copyOf(events),
                Map.copyOf(thresholds),
                Map.copyOf(ratios),
                RatingPolicy.DEFAULT_BACKDATING_ALLOWANCE,
                PolicyStatus.ACTIVE,
                null,
                List.of(),
                null,
                null,
                null,
                null,
                null);
    }
}
