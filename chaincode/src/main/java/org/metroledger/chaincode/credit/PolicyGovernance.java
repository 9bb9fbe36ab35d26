package org.metroledger.chaincode.credit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.metroledger.chaincode.error.Fail;
import org.metroledger.chaincode.identity.Caller;
import org.metroledger.chaincode.identity.Role;
import org.metroledger.chaincode.registry.Region;
import org.metroledger.chaincode.state.RecordStore;
import org.metroledger.chaincode.state.Stamp;

/**
 * Changing the rating policy: a centre admin proposes the next version, and it comes into force
 * once centre admins of a majority of the registered regions approved it (one approval per region)
 * within {@link #VOTING_PERIOD} of the proposal. A proposal that did not reach a majority by then
 * takes no more approvals, and its version may be proposed again (the new proposal replaces it;
 * the ledger's history keeps the old one), so no stalled proposal blocks a version number.
 */
final class PolicyGovernance {
    static final Duration VOTING_PERIOD = Duration.ofDays(30);

    private PolicyGovernance() {}

    static RatingPolicy propose(RecordStore store, Caller caller, PolicyProposal proposal) {
        requireRegionAdmin(store, caller, "propose rating policies");
        int next = RatingPolicies.active(store).version() + 1;
        if (proposal.version() != next) {
            throw Fail.invalid("version", "must be " + next + ", the version after the one in force");
        }
        Instant now = store.now();
        store.find(RatingPolicy.TYPE, RatingPolicy.id(next), RatingPolicy.class).ifPresent(open -> {
            if (open.status() != PolicyStatus.PROPOSED || now.isBefore(open.votingEnd())) {
                throw Fail.conflict("rating policy version " + next + " is proposed already; its voting ends at "
                        + open.votingEnd());
            }
        });
        RatingPolicies.storeDefault(store);
        RatingPolicy proposed = proposal.toPolicy(caller.msp(), store.stamp());
        RatingPolicies.put(store, proposed);
        return proposed;
    }

    static RatingPolicy approve(RecordStore store, Caller caller, int version) {
        List<String> regions = requireRegionAdmin(store, caller, "approve rating policies");
        RatingPolicy policy = store.get(RatingPolicy.TYPE, RatingPolicy.id(version), RatingPolicy.class);
        if (policy.status() != PolicyStatus.PROPOSED) {
            throw Fail.conflict("rating policy version " + version + " is " + policy.status() + ", not PROPOSED");
        }
        Stamp stamp = store.stamp();
        if (!store.now().isBefore(policy.votingEnd())) {
            throw Fail.conflict("the voting on rating policy version " + version + " ended at " + policy.votingEnd()
                    + " without a majority; propose the version again");
        }
        if (policy.approvals().contains(caller.msp())) {
            throw Fail.conflict(caller.msp() + " approved rating policy version " + version + " already");
        }
        List<String> approvals = new ArrayList<>(policy.approvals());
        approvals.add(caller.msp());
        long approving = approvals.stream().filter(regions::contains).count();
        if (approving * 2 <= regions.size()) {
            RatingPolicy approved = policy.governed(PolicyStatus.PROPOSED, approvals, null, null, stamp);
            RatingPolicies.put(store, approved);
            return approved;
        }
        RatingPolicy previous = RatingPolicies.active(store);
        RatingPolicies.put(
                store,
                previous.governed(
                        PolicyStatus.RETIRED, previous.approvals(), previous.activatedAt(), stamp.recordedAt(), stamp));
        RatingPolicy active = policy.governed(PolicyStatus.ACTIVE, approvals, stamp.recordedAt(), null, stamp);
        RatingPolicies.put(store, active);
        return active;
    }

    /** The registered regions, once the caller is the centre admin of one of them; else FORBIDDEN. */
    private static List<String> requireRegionAdmin(RecordStore store, Caller caller, String action) {
        caller.require(action, Role.CENTRE_ADMIN);
        List<String> regions = store.idsByIndex(Region.ALL);
        if (!regions.contains(caller.msp())) {
            throw Fail.forbidden(caller.msp() + " is not a registered region, so it may not " + action);
        }
        return regions;
    }
}
