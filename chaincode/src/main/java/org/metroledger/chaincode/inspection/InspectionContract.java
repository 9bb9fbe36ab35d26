package org.metroledger.chaincode.inspection;

import java.time.Instant;
import java.util.List;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;
import org.metroledger.chaincode.credit.CreditEvent;
import org.metroledger.chaincode.credit.CreditEvents;
import org.metroledger.chaincode.credit.CreditRatings;
import org.metroledger.chaincode.credit.Rating;
import org.metroledger.chaincode.credit.RatingPolicies;
import org.metroledger.chaincode.credit.Reference;
import org.metroledger.chaincode.credit.ReferenceKind;
import org.metroledger.chaincode.error.Fail;
import org.metroledger.chaincode.identity.Caller;
import org.metroledger.chaincode.identity.Participant;
import org.metroledger.chaincode.identity.Role;
import org.metroledger.chaincode.json.Canonical;
import org.metroledger.chaincode.json.Check;
import org.metroledger.chaincode.registry.Entity;
import org.metroledger.chaincode.registry.EntityCategory;
import org.metroledger.chaincode.registry.Region;
import org.metroledger.chaincode.state.Listing;
import org.metroledger.chaincode.state.Page;
import org.metroledger.chaincode.state.RecordStore;
import org.metroledger.chaincode.state.Stamp;

/**
 * Random inspection draws (双随机、一公开): participating centres commit to secret seeds, reveal
 * them, and the combined seed picks entities and inspectors by a function anyone can re-run.
 * Draws and their results are public.
 */
@Contract(name = "inspection", info = @Info(title = "MetroLedger inspection draws", version = "1"))
public final class InspectionContract implements ContractInterface {

    /** Request of Create. */
    public record DrawCreation(
            String id, String region, EntityCategory category, List<String> participants, List<String> inspectors) {}

    /** Request of CommitSeed. */
    public record SeedCommitment(String drawId, String seedHash) {}

    /** Request of RevealSeed. */
    public record SeedReveal(String drawId, String seed) {}

    /** Request naming one draw. */
    public record ById(String id) {}

    /** Request of Publish. */
    public record DrawRef(String drawId) {}

    /** Request of RecordResult. */
    public record ResultRecord(
            String drawId,
            String entity,
            String inspector,
            InspectionOutcome outcome,
            String findings,
            String evidenceDigest) {}

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String Create(Context ctx, String request) {
        RecordStore store = new RecordStore(ctx.getStub());
        Caller caller = Caller.of(ctx, store);
        DrawCreation r = Canonical.read(request, DrawCreation.class);
        Check.id("id", r.id());
        Check.id("region", r.region());
        Check.required("category", r.category());
        List<String> participants = Check.distinctIds("participants", r.participants(), 2);
        Check.that(participants.contains(r.region()), "participants", "must include the draw's region " + r.region());
        List<String> inspectors = Check.distinctIds("inspectors", r.inspectors(), 1);
        caller.requireAdminOf(r.region(), "create inspection draws");
        participants.forEach(msp -> store.get(Region.TYPE, msp, Region.class));
        for (int i = 0; i < inspectors.size(); i++) {
            Participant inspector = store.get(Participant.TYPE, inspectors.get(i), Participant.class);
            String field = "inspectors[" + i + "]";
            Check.that(inspector.role() == Role.INSPECTOR, field, "'" + inspector.id() + "' is a " + inspector.role());
            Check.that(
                    participants.contains(inspector.msp()),
                    field,
                    "'" + inspector.id() + "' belongs to " + inspector.msp() + ", which does not take part");
        }
        store.requireAbsent(InspectionDraw.TYPE, r.id());
        InspectionDraw draw =
                InspectionDraw.open(r.id(), r.region(), r.category(), participants, inspectors, store.stamp());
        store.put(InspectionDraw.TYPE, draw.id(), draw);
        store.index(InspectionDraw.ALL, draw.id());
        store.event("DrawCreated", draw);
        return Canonical.json(draw);
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String CommitSeed(Context ctx, String request) {
        RecordStore store = new RecordStore(ctx.getStub());
        Caller caller = Caller.of(ctx, store);
        SeedCommitment r = Canonical.read(request, SeedCommitment.class);
        Check.id("drawId", r.drawId());
        Check.sha256("seedHash", r.seedHash());
        InspectionDraw draw = participantAdminOf(store, caller, r.drawId(), "commit a seed");
        InspectionDraw committed = draw.commit(caller.msp(), r.seedHash(), store.stamp());
        store.put(InspectionDraw.TYPE, committed.id(), committed);
        store.event("SeedCommitted", committed);
        return Canonical.json(committed);
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String RevealSeed(Context ctx, String request) {
        RecordStore store = new RecordStore(ctx.getStub());
        Caller caller = Caller.of(ctx, store);
        SeedReveal r = Canonical.read(request, SeedReveal.class);
        Check.id("drawId", r.drawId());
        Seeds.seed("seed", r.seed());
        InspectionDraw draw = participantAdminOf(store, caller, r.drawId(), "reveal a seed");
        InspectionDraw revealed = draw.reveal(caller.msp(), r.seed(), store.stamp());
        store.put(InspectionDraw.TYPE, revealed.id(), revealed);
        store.event(revealed.status() == DrawStatus.REVEALED ? "DrawRevealed" : "SeedRevealed", revealed);
        return Canonical.json(revealed);
    }

    /**
     * Rates every entity of the draw's region and category now, under the policy in force now, and
     * publishes the selection {@link DrawSelection} makes of them with the combined seed.
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String Publish(Context ctx, String request) {
        RecordStore store = new RecordStore(ctx.getStub());
        Caller caller = Caller.of(ctx, store);
        DrawRef r = Canonical.read(request, DrawRef.class);
        Check.id("drawId", r.drawId());
        InspectionDraw draw = store.get(InspectionDraw.TYPE, r.drawId(), InspectionDraw.class);
        caller.requireAdminOf(draw.region(), "publish the selection of draw " + draw.id());
        draw.requireStatus(DrawStatus.REVEALED, "publish its selection");
        Instant now = store.now();
        List<Candidate> candidates = store
                .idsByIndex(Entity.BY_REGION, draw.region(), draw.category().name())
                .stream()
                .map(entity -> {
                    Rating rating = CreditRatings.rate(store, entity, now);
                    return new Candidate(entity, rating.grade().name(), rating.samplingRatio());
                })
                .toList();
        DrawSelection.Outcome outcome = DrawSelection.select(draw.combinedSeed(), candidates, draw.inspectors());
        Publication publication = new Publication(
                now.toString(),
                RatingPolicies.asOf(store, now).version(),
                candidates,
                outcome.selected(),
                outcome.assignments());
        InspectionDraw published = draw.publish(publication, store.stamp());
        store.put(InspectionDraw.TYPE, published.id(), published);
        store.event("DrawPublished", published);
        return Canonical.json(published);
    }

    /**
     * Records what the inspection of a drawn entity found, on the draw and as the entity's credit
     * event (reference: the draw). Answers the result.
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String RecordResult(Context ctx, String request) {
        RecordStore store = new RecordStore(ctx.getStub());
        Caller caller = Caller.of(ctx, store);
        ResultRecord r = Canonical.read(request, ResultRecord.class);
        Check.id("drawId", r.drawId());
        Check.id("entity", r.entity());
        if (r.inspector() != null) {
            Check.id("inspector", r.inspector());
        }
        Check.required("outcome", r.outcome());
        Check.text("findings", r.findings());
        Check.sha256("evidenceDigest", r.evidenceDigest());
        InspectionDraw draw = store.get(InspectionDraw.TYPE, r.drawId(), InspectionDraw.class);
        String inspector = inspectorOf(caller, draw, r);
        Stamp stamp = store.stamp();
        // Named after the transaction, not the draw and entity: nobody can take the id beforehand
        // through credit:RecordEvent and so block the result.
        String creditEventId = "inspection:" + stamp.txId();
        InspectionResult result = new InspectionResult(
                r.entity(),
                inspector,
                r.outcome(),
                r.findings(),
                r.evidenceDigest(),
                creditEventId,
                caller.actor(),
                stamp.recordedAt(),
                stamp.txId());
        InspectionDraw recorded = draw.withResult(result);
        CreditEvents.record(
                store,
                CreditEvent.of(
                        creditEventId,
                        r.entity(),
                        r.outcome().creditEvent(),
                        store.now(),
                        caller.actor(),
                        r.evidenceDigest(),
                        new Reference(ReferenceKind.DRAW, draw.id())));
        store.put(InspectionDraw.TYPE, recorded.id(), recorded);
        store.event("InspectionResultRecorded", result);
        return Canonical.json(result);
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String Get(Context ctx, String request) {
        RecordStore store = new RecordStore(ctx.getStub());
        ById r = Canonical.read(request, ById.class);
        Check.id("id", r.id());
        return Canonical.json(store.get(InspectionDraw.TYPE, r.id(), InspectionDraw.class));
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String List(Context ctx, String request) {
        RecordStore store = new RecordStore(ctx.getStub());
        Listing r = Canonical.read(request, Listing.class);
        Page<InspectionDraw> page =
                store.recordPage(InspectionDraw.ALL, InspectionDraw.class, InspectionDraw.TYPE, r.size(), r.bookmark());
        return Canonical.json(page);
    }

    /**
     * Who inspected: an INSPECTOR records only for the entity the draw assigned to it; the region's
     * centre admin records for any inspector of the pool (by default the assigned one).
     */
    private static String inspectorOf(Caller caller, InspectionDraw draw, ResultRecord r) {
        String assigned = draw.assignedInspector(r.entity());
        if (caller.has(Role.INSPECTOR)) {
            String own = caller.participant().orElseThrow().id();
            if (!own.equals(assigned)) {
                throw Fail.forbidden(
                        "inspector " + own + " is not assigned to entity " + r.entity() + " in draw " + draw.id());
            }
            if (r.inspector() != null && !r.inspector().equals(own)) {
                throw Fail.forbidden("inspector " + own + " may record only its own results");
            }
            return own;
        }
        caller.requireAdminOf(draw.region(), "record results of draw " + draw.id());
        if (r.inspector() == null) {
            return assigned;
        }
        Check.that(
                draw.inspectors().contains(r.inspector()),
                "inspector",
                "'" + r.inspector() + "' is not in the inspector pool of draw " + draw.id());
        return r.inspector();
    }

    /** The draw, once the caller is known to be a centre admin of one of its participating regions. */
    private static InspectionDraw participantAdminOf(RecordStore store, Caller caller, String id, String action) {
        caller.require(action, Role.CENTRE_ADMIN);
        InspectionDraw draw = store.get(InspectionDraw.TYPE, id, InspectionDraw.class);
        if (!draw.participants().contains(caller.msp())) {
            throw Fail.forbidden(caller.msp() + " does not take part in draw " + id + " and may not " + action);
        }
        return draw;
    }
}
