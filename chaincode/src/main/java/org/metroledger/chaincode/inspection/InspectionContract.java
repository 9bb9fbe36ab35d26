package org.metroledger.chaincode.inspection;

import java.util.List;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;
import org.metroledger.chaincode.error.Fail;
import org.metroledger.chaincode.identity.Caller;
import org.metroledger.chaincode.identity.Participant;
import org.metroledger.chaincode.identity.Role;
import org.metroledger.chaincode.json.Canonical;
import org.metroledger.chaincode.json.Check;
import org.metroledger.chaincode.registry.EntityCategory;
import org.metroledger.chaincode.registry.Region;
import org.metroledger.chaincode.state.Listing;
import org.metroledger.chaincode.state.Page;
import org.metroledger.chaincode.state.RecordStore;

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
