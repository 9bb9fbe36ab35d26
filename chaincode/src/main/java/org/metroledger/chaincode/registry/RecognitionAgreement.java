package org.metroledger.chaincode.registry;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.metroledger.chaincode.error.Fail;
import org.metroledger.chaincode.json.Canonical;
import org.metroledger.chaincode.state.Stamp;

/**
 * A cross-recognition agreement (区域计量互认) between regional centres: ACTIVE only once every
 * member centre has accepted it. Who may act is the contract's business; this record knows which
 * steps its state allows.
 */
public record RecognitionAgreement(
        String id,
        List<String> members,
        List<String> categories,
        List<String> conditions,
        String validFrom,
        String validTo,
        String proposer,
        Map<String, String> acceptances,
        AgreementStatus status,
        String terminatedBy,
        String terminationReason,
        String recordedAt,
        String txId) {
    public static final String TYPE = "RecognitionAgreement";
    public static final String ALL = "agreement~all";
    public static final String BY_MEMBER = "agreement~member";

    /** The conditions the ledger enforces in every agreement, whatever else the members write. */
    public static final List<String> ENFORCED_CONDITIONS = List.of(
            "the issuing lab was accredited for the certificate's category when the certificate was issued",
            "the certificate's verification verdict is VALID");

    /** A proposal; the proposer's own acceptance counts. Members and categories are kept sorted. */
    public static RecognitionAgreement propose(
            String id,
            List<String> members,
            List<String> categories,
            List<String> extraConditions,
            Instant validFrom,
            Instant validTo,
            String proposer,
            Stamp stamp) {
        List<String> conditions = Stream.concat(ENFORCED_CONDITIONS.stream(), extraConditions.stream())
                .distinct()
                .toList();
        return new RecognitionAgreement(
                id,
                members.stream().sorted().toList(),
                categories.stream().sorted().toList(),
                conditions,
                validFrom.toString(),
                validTo.toString(),
                proposer,
                Map.of(proposer, stamp.recordedAt()),
                AgreementStatus.PROPOSED,
                null,
                null,
                stamp.recordedAt(),
                stamp.txId());
    }

    /** Records a member's acceptance; the last one makes the agreement ACTIVE. */
    public RecognitionAgreement accept(String msp, Stamp stamp) {
        if (acceptances.containsKey(msp)) {
            throw Fail.conflict(msp + " has accepted agreement " + id + " already");
        }
        if (status != AgreementStatus.PROPOSED) {
            throw Fail.conflict("agreement " + id + " is " + status + " and can no longer be accepted");
        }
        if (!Canonical.instant(stamp.recordedAt()).isBefore(Canonical.instant(validTo))) {
            throw Fail.conflict("agreement " + id + " ended at " + validTo + " and can no longer be accepted");
        }
        Map<String, String> accepted = new TreeMap<>(acceptances);
        accepted.put(msp, stamp.recordedAt());
        AgreementStatus next =
                accepted.keySet().containsAll(members) ? AgreementStatus.ACTIVE : AgreementStatus.PROPOSED;
        return with(accepted, next, null, null, stamp);
    }

    /** Ends the agreement for every member: one region withdrawing ends a mutual agreement. */
    public RecognitionAgreement terminate(String msp, String reason, Stamp stamp) {
        if (status == AgreementStatus.TERMINATED) {
            throw Fail.conflict("agreement " + id + " is terminated already");
        }
        return with(acceptances, AgreementStatus.TERMINATED, msp, reason, stamp);
    }

    /** The status as it reads at an instant: an ACTIVE agreement whose validity ended reads EXPIRED. */
    public AgreementStatus statusAt(Instant at) {
        return status == AgreementStatus.ACTIVE && !at.isBefore(Canonical.instant(validTo))
                ? AgreementStatus.EXPIRED
                : status;
    }

    /** This record with its status as it reads at an instant, for answers. */
    public RecognitionAgreement asOf(Instant at) {
        AgreementStatus current = statusAt(at);
        return current == status
                ? this
                : with(acceptances, current, terminatedBy, terminationReason, new Stamp(recordedAt, txId));
    }

    /** Why this agreement does not make {@code region} accept a certificate, or null when it does. */
    public String problemWith(String issuerRegion, String region, String category, Instant at) {
        AgreementStatus current = statusAt(at);
        if (current != AgreementStatus.ACTIVE) {
            return "agreement " + id + " is " + current + ", not ACTIVE";
        }
        if (at.isBefore(Canonical.instant(validFrom))) {
            return "agreement " + id + " is not in force before " + validFrom;
        }
        if (!members.contains(region)) {
            return "agreement " + id + " does not have region " + region + " as a member";
        }
        if (!members.contains(issuerRegion)) {
            return "agreement " + id + " does not have the issuer's region " + issuerRegion + " as a member";
        }
        if (!categories.contains(category)) {
            return "agreement " + id + " does not cover category " + category;
        }
        return null;
    }

    private RecognitionAgreement with(
            Map<String, String> accepted, AgreementStatus next, String endedBy, String endReason, Stamp stamp) {
        return new RecognitionAgreement(
                id,
                members,
                categories,
                conditions,
                validFrom,
                validTo,
                proposer,
                accepted,
                next,
                endedBy,
                endReason,
                stamp.recordedAt(),
                stamp.txId());
    }
}
