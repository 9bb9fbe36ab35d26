package org.metroledger.chaincode.credit;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.metroledger.chaincode.state.Stamp;

/**
 * A version of the credit rating rules, stored on the ledger as data so that a new version changes
 * the rules without redeploying chaincode. Scores at or above {@code thresholds[g]} earn grade g
 * (thresholds for A, B and C; below C is D); {@code samplingRatio} is a decimal string per grade.
 * {@code backdatingAllowance} (an ISO-8601 period) is how far before the transaction time a lab may
 * date a certificate it records.
 */
public record RatingPolicy(
        int version,
        int baseScore,
        int commitmentBonus,
        Map<CreditEventType, EventRule> events,
        Map<Grade, Integer> thresholds,
        Map<Grade, String> samplingRatio,
        String backdatingAllowance,
        PolicyStatus status,
        String proposedBy,
        List<String> approvals,
        String activatedAt,
        String retiredAt,
        String votingEndsAt,
        String recordedAt,
        String txId) {
    public static final String TYPE = "RatingPolicy";
    /** DESIGN §4's default, and the allowance of versions stored before the policy carried one. */
    public static final String DEFAULT_BACKDATING_ALLOWANCE = "P30D";

    public RatingPolicy {
        events = ByName.sorted(events);
        thresholds = ByName.sorted(thresholds);
        samplingRatio = ByName.sorted(samplingRatio);
        approvals = approvals == null ? null : List.copyOf(approvals);
    }

    /** The record id of a version, zero-padded so that the type's keys sort by version. */
    public static String id(int version) {
        return String.format("%010d", version);
    }

    /** The back-dating allowance in force under this version. */
    public String backdating() {
        return backdatingAllowance == null ? DEFAULT_BACKDATING_ALLOWANCE : backdatingAllowance;
    }

    /** The earliest issue date a certificate recorded at {@code txTime} may carry. */
    public Instant earliestIssue(Instant txTime) {
        return txTime.atOffset(ZoneOffset.UTC).minus(Period.parse(backdating())).toInstant();
    }

    public EventRule rule(CreditEventType type) {
        return events.get(type);
    }

    /** The grade a score earns before any forced grade. */
    public Grade gradeOf(int score) {
        for (Grade grade : List.of(Grade.A, Grade.B, Grade.C)) {
            if (score >= thresholds.get(grade)) {
                return grade;
            }
        }
        return Grade.D;
    }

    /** This version with a new governance state, stamped by the transaction that changes it. */
    /**
     * When approvals stop counting for a PROPOSED version: {@code votingEndsAt}, or for a version
     * proposed before proposals carried one, {@link PolicyGovernance#VOTING_PERIOD} after its last
     * write.
     */
    public Instant votingEnd() {
        return votingEndsAt != null
                ? Instant.parse(votingEndsAt)
                : Instant.parse(recordedAt).plus(PolicyGovernance.VOTING_PERIOD);
    }

    public RatingPolicy governed(
            PolicyStatus newStatus, List<String> newApprovals, String activated, String retired, Stamp stamp) {
        return new RatingPolicy(
                version,
                baseScore,
                commitmentBonus,
                events,
                thresholds,
                samplingRatio,
                backdatingAllowance,
                newStatus,
                proposedBy,
                newApprovals,
                activated,
                retired,
                votingEndsAt,
                stamp.recordedAt(),
                stamp.txId());
    }
}
