package org.metroledger.chaincode.audit;

import java.util.Set;
import java.util.TreeSet;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;
import org.metroledger.chaincode.certificate.Certificate;
import org.metroledger.chaincode.commitment.Commitment;
import org.metroledger.chaincode.contract.MetroContract;
import org.metroledger.chaincode.contract.TransactionContext;
import org.metroledger.chaincode.credit.CreditEvent;
import org.metroledger.chaincode.credit.CreditEvents;
import org.metroledger.chaincode.credit.RatingPolicy;
import org.metroledger.chaincode.error.Fail;
import org.metroledger.chaincode.identity.Participant;
import org.metroledger.chaincode.inspection.InspectionDraw;
import org.metroledger.chaincode.json.Canonical;
import org.metroledger.chaincode.json.Check;
import org.metroledger.chaincode.recognition.RecognitionAcceptance;
import org.metroledger.chaincode.registry.Engagement;
import org.metroledger.chaincode.registry.Entity;
import org.metroledger.chaincode.registry.Instrument;
import org.metroledger.chaincode.registry.Lab;
import org.metroledger.chaincode.registry.RecognitionAgreement;
import org.metroledger.chaincode.registry.Region;
import org.metroledger.chaincode.registry.Standard;
import org.metroledger.chaincode.state.RecordStore;

/**
 * Every committed version of any record: inspectors audit with it. It reads records of every
 * contract, so it sits above them all; no contract depends on it.
 */
@Contract(name = "audit", info = @Info(title = "MetroLedger audit", version = "1"))
public final class AuditContract implements MetroContract {
    /** The record types History reads; any other name would only ever read nothing. */
    private static final Set<String> RECORD_TYPES = new TreeSet<>(Set.of(
            Region.TYPE,
            Participant.TYPE,
            Lab.TYPE,
            Entity.TYPE,
            Instrument.TYPE,
            Standard.TYPE,
            Certificate.TYPE,
            Commitment.TYPE,
            CreditEvent.TYPE,
            RatingPolicy.TYPE,
            RecognitionAgreement.TYPE,
            RecognitionAcceptance.TYPE,
            InspectionDraw.TYPE,
            Engagement.TYPE));

    /** Request naming a record of any type. */
    public record TypedId(String type, String id) {}

    /** Every committed version of the record, newest first. */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String History(TransactionContext ctx, String request) {
        RecordStore store = ctx.store();
        TypedId r = Canonical.read(request, TypedId.class);
        Check.id("type", r.type());
        Check.that(
                RECORD_TYPES.contains(r.type()),
                "type",
                "must be one of " + RECORD_TYPES + " (got '" + r.type() + "')");
        Check.id("id", r.id());
        boolean exists = store.exists(r.type(), r.id());
        if (r.type().equals(CreditEvent.TYPE)) {
            // Credit events are for their readers only, through whichever function they are read;
            // that an event exists is itself credit information, so a caller who may not read it is
            // refused alike whether it exists or not (an entity's own events being the ones it names).
            CreditEvents.requireReader(
                    ctx.caller(),
                    exists
                            ? store.get(CreditEvent.TYPE, r.id(), CreditEvent.class)
                                    .entity()
                            : null);
        }
        if (!exists) {
            throw Fail.notFound(r.type(), r.id());
        }
        return Canonical.json(store.history(r.type(), r.id()));
    }
}
