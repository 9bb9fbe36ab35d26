package org.metroledger.chaincode.registry;

import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;
import org.metroledger.chaincode.contract.MetroContract;
import org.metroledger.chaincode.contract.TransactionContext;
import org.metroledger.chaincode.error.Fail;
import org.metroledger.chaincode.identity.Caller;
import org.metroledger.chaincode.json.Canonical;
import org.metroledger.chaincode.json.Check;
import org.metroledger.chaincode.state.ById;
import org.metroledger.chaincode.state.ReasonedChange;
import org.metroledger.chaincode.state.RecordStore;
import org.metroledger.chaincode.state.Stamp;

/**
 * Engagements (委托): an instrument's owner, or a standard's holder lab, engages a lab to calibrate
 * it; a calibration certificate of that lab for that subject uses one up. Only the requester
 * records or withdraws one.
 */
@Contract(name = "engagement", info = @Info(title = "MetroLedger engagements", version = "1"))
public final class EngagementContract implements MetroContract {
    /** Request of Request. */
    public record EngagementRequest(String id, String lab, String subject, SubjectType subjectType) {}

    /** Request of Withdraw. */
    public record Withdrawal(String id, String reason) implements ReasonedChange {}

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String Request(TransactionContext ctx, String request) {
        RecordStore store = ctx.store();
        EngagementRequest r = Canonical.read(request, EngagementRequest.class);
        Check.id("id", r.id());
        Check.id("lab", r.lab());
        Check.id("subject", r.subject());
        Check.required("subjectType", r.subjectType());
        String requester = requester(store, r.subjectType(), r.subject());
        requireActingFor(ctx.caller(), r.subjectType(), requester, "engage a lab for " + r.subject());
        store.get(Lab.TYPE, r.lab(), Lab.class);
        store.requireAbsent(Engagement.TYPE, r.id());
        Stamp s = store.stamp();
        Engagement engagement = new Engagement(
                r.id(),
                r.lab(),
                r.subject(),
                r.subjectType(),
                requester,
                EngagementStatus.OPEN,
                null,
                null,
                null,
                s.recordedAt(),
                s.txId());
        store.put(Engagement.TYPE, engagement.id(), engagement);
        store.index(Engagement.OPEN, engagement.subject(), engagement.lab(), engagement.id());
        store.index(Engagement.BY_SUBJECT, engagement.subject(), engagement.id());
        return store.answerWithEvent("EngagementRequested", engagement);
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String Withdraw(TransactionContext ctx, String request) {
        RecordStore store = ctx.store();
        Withdrawal r = ReasonedChange.read(request, Withdrawal.class);
        Engagement engagement = store.get(Engagement.TYPE, r.id(), Engagement.class);
        requireActingFor(
                ctx.caller(), engagement.subjectType(), engagement.requestedBy(), "withdraw engagement " + r.id());
        if (engagement.status() != EngagementStatus.OPEN) {
            throw Fail.conflict("engagement " + r.id() + " is " + engagement.status() + " and cannot be withdrawn");
        }
        Engagement withdrawn = engagement.ended(EngagementStatus.WITHDRAWN, null, r.reason(), store.stamp());
        store.put(Engagement.TYPE, withdrawn.id(), withdrawn);
        store.unindex(Engagement.OPEN, withdrawn.subject(), withdrawn.lab(), withdrawn.id());
        return store.answerWithEvent("EngagementWithdrawn", withdrawn);
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String Get(TransactionContext ctx, String request) {
        return ById.answer(ctx.store(), request, Engagement.TYPE, Engagement.class);
    }

    /** Who may engage a lab for the subject: the instrument's owner entity, or the standard's holder lab. */
    private static String requester(RecordStore store, SubjectType type, String subject) {
        return switch (type) {
            case INSTRUMENT ->
                store.get(Instrument.TYPE, subject, Instrument.class).owner();
            case STANDARD -> store.get(Standard.TYPE, subject, Standard.class).holder();
        };
    }

    private static void requireActingFor(Caller caller, SubjectType type, String requester, String action) {
        String actingFor = type == SubjectType.INSTRUMENT ? caller.entityId(action) : caller.labId(action);
        if (!actingFor.equals(requester)) {
            throw Fail.forbidden("only " + requester
                    + (type == SubjectType.INSTRUMENT ? ", the owner," : ", the holder lab,") + " may " + action);
        }
    }
}
