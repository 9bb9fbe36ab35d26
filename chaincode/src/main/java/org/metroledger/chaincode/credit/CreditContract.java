package org.metroledger.chaincode.credit;

import java.time.Instant;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;
import org.metroledger.chaincode.contract.MetroContract;
import org.metroledger.chaincode.contract.TransactionContext;
import org.metroledger.chaincode.error.Fail;
import org.metroledger.chaincode.identity.Caller;
import org.metroledger.chaincode.identity.Role;
import org.metroledger.chaincode.json.Canonical;
import org.metroledger.chaincode.json.Check;
import org.metroledger.chaincode.registry.Entity;
import org.metroledger.chaincode.state.ById;
import org.metroledger.chaincode.state.Listing;
import org.metroledger.chaincode.state.ReasonedChange;
import org.metroledger.chaincode.state.RecordStore;

/**
 * Metrology credit (计量信用): events recorded by the entity's own region, repairs by its centre
 * admin, ratings anyone may compute, and the governed rating policy. Credit follows an operator
 * across regions: every region reads, only the entity's region writes.
 */
@Contract(name = "credit", info = @Info(title = "MetroLedger credit", version = "1"))
public final class CreditContract implements MetroContract {

    /** Request of RecordEvent; the recorder is the caller. */
    public record EventRecording(
            String id,
            String entity,
            CreditEventType type,
            String occurredAt,
            String evidenceDigest,
            Reference reference) {}

    /** Request of RepairEvent. */
    public record RepairRequest(String id, String reason) implements ReasonedChange {}

    /** Request of Rating; {@code at} defaults to the transaction time. */
    public record RatingRequest(String entity, String at) {}

    /** Request of History. */
    public record HistoryRequest(String entity, Integer pageSize, String bookmark) {}

    /** Request naming a policy version; none means the one in force. */
    public record PolicyVersion(Integer version) {}

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String RecordEvent(TransactionContext ctx, String request) {
        RecordStore store = ctx.store();
        Caller caller = ctx.caller();
        EventRecording r = Canonical.read(request, EventRecording.class);
        Instant occurred = Check.instant("occurredAt", r.occurredAt());
        CreditEvent event = CreditEvents.validated(
                CreditEvent.of(
                        r.id(), r.entity(), r.type(), occurred, caller.actor(), r.evidenceDigest(), r.reference()),
                store.now());
        caller.require("record credit events", Role.INSPECTOR, Role.CENTRE_ADMIN);
        Entity entity = store.get(Entity.TYPE, event.entity(), Entity.class);
        if (!caller.msp().equals(entity.region())) {
            throw Fail.forbidden("credit events of entity " + entity.id() + " are recorded by its region "
                    + entity.region() + ", not " + caller.msp());
        }
        CreditEvent recorded = CreditEvents.record(store, event);
        return store.answerWithEvent("CreditEventRecorded", recorded);
    }

    /** Credit repair (信用修复): the event stays on record but no longer counts. */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String RepairEvent(TransactionContext ctx, String request) {
        RecordStore store = ctx.store();
        RepairRequest r = ReasonedChange.read(request, RepairRequest.class);
        ctx.caller().require("repair credit events", Role.CENTRE_ADMIN);
        CreditEvent event = CreditEvents.get(store, r.id());
        Entity entity = store.get(Entity.TYPE, event.entity(), Entity.class);
        ctx.caller().requireAdminOf(entity.region(), "repair credit events of entity " + entity.id());
        CreditEvent repaired = CreditEvents.repair(store, event, ctx.caller().actor(), r.reason());
        return store.answerWithEvent("CreditEventRepaired", repaired);
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String Rating(TransactionContext ctx, String request) {
        RecordStore store = ctx.store();
        RatingRequest r = Canonical.read(request, RatingRequest.class);
        Check.id("entity", r.entity());
        Instant at = Check.instantOr("at", r.at(), store.now());
        return Canonical.json(CreditRatings.rate(store, r.entity(), at));
    }

    /** Every event of an entity, repaired ones included, oldest first. */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String History(TransactionContext ctx, String request) {
        RecordStore store = ctx.store();
        HistoryRequest r = Canonical.read(request, HistoryRequest.class);
        Check.id("entity", r.entity());
        Listing.PageQuery page =
                new Listing(r.pageSize(), r.bookmark()).over(store, CreditEvent.BY_ENTITY_TIME, r.entity());
        CreditEvents.requireReader(ctx.caller(), r.entity());
        store.get(Entity.TYPE, r.entity(), Entity.class);
        return Canonical.json(CreditEvents.page(store, page));
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String GetEvent(TransactionContext ctx, String request) {
        RecordStore store = ctx.store();
        String id = ById.checked(request);
        CreditEvent event = CreditEvents.get(store, id);
        CreditEvents.requireReader(ctx.caller(), event.entity());
        return Canonical.json(event);
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String GetPolicy(TransactionContext ctx, String request) {
        RecordStore store = ctx.store();
        PolicyVersion r = Canonical.read(request, PolicyVersion.class);
        if (r.version() == null) {
            return Canonical.json(RatingPolicies.active(store));
        }
        Check.that(r.version() >= 1, "version", "must be 1 or more");
        return Canonical.json(RatingPolicies.find(store, r.version())
                .orElseThrow(() -> Fail.notFound("rating policy version", String.valueOf(r.version()))));
    }

    /** Every policy version, oldest first, with its status and approvals. */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String ListPolicies(TransactionContext ctx) {
        return Canonical.json(RatingPolicies.all(ctx.store()));
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String ProposePolicy(TransactionContext ctx, String request) {
        RecordStore store = ctx.store();
        PolicyProposal proposal = Canonical.read(request, PolicyProposal.class).validated();
        RatingPolicy proposed = PolicyGovernance.propose(store, ctx.caller(), proposal);
        return store.answerWithEvent("RatingPolicyProposed", proposed);
    }

    /** Approves a proposed version for the caller's region; it comes into force with a majority. */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String ApprovePolicy(TransactionContext ctx, String request) {
        RecordStore store = ctx.store();
        PolicyVersion r = Canonical.read(request, PolicyVersion.class);
        Check.required("version", r.version());
        Check.that(r.version() >= 1, "version", "must be 1 or more");
        RatingPolicy policy = PolicyGovernance.approve(store, ctx.caller(), r.version());
        return store.answerWithEvent(
                policy.status() == PolicyStatus.ACTIVE ? "RatingPolicyActivated" : "RatingPolicyApproved", policy);
    }
}
