package org.metroledger.chaincode.inspection;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;
import org.metroledger.chaincode.contract.MetroContract;
import org.metroledger.chaincode.contract.TransactionContext;
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
import org.metroledger.chaincode.signature.LabSignature;
import org.metroledger.chaincode.state.ById;
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
public final class InspectionContract implements MetroContract {

    /** Request of Create. */
    public record DrawCreation(
            String id,
            String region,
            EntityCategory category,
            List<String> participants,
            List<String> inspectors,
            String revealPeriod) {}

    /** Request of CommitSeed. */
    public record SeedCommitment(String drawId, String seedHash, Dealing dealing) {}

    /** Request of RegisterShareKey. */
    public record ShareKeyRegistration(String publicKey) {}

    /** Request of GetShareKey. */
    public record ByMsp(String msp) {}

    /** Request of PostShares: the caller's decrypted shares of the seeds not revealed, by dealer. */
    public record SharePosting(String drawId, Map<String, String> shares) {}

    /** Request of Cancel. */
    public record CancelVote(String drawId, String reason) {}

    private static final Duration SHORTEST_REVEAL_PERIOD = Duration.ofSeconds(1);
    private static final Duration LONGEST_REVEAL_PERIOD = Duration.ofDays(90);

    /** Request of RevealSeed. */
    public record SeedReveal(String drawId, String seed) {}

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
    public String Create(TransactionContext ctx, String request) {
        RecordStore store = ctx.store();
        DrawCreation r = Canonical.read(request, DrawCreation.class);
        Check.id("id", r.id());
        Check.id("region", r.region());
        Check.required("category", r.category());
        List<String> participants = Check.distinctIds("participants", r.participants(), 2);
        Check.that(participants.contains(r.region()), "participants", "must include the draw's region " + r.region());
        List<String> inspectors = Check.distinctIds("inspectors", r.inspectors(), 1);
        ctx.caller().requireAdminOf(r.region(), "create inspection draws");
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
        Duration period = revealPeriod(r.revealPeriod());
        if (participants.size() >= 3) {
            participants.forEach(msp -> shareKey(store, msp));
        }
        store.requireAbsent(InspectionDraw.TYPE, r.id());
        InspectionDraw draw =
                InspectionDraw.open(r.id(), r.region(), r.category(), participants, inspectors, period, store.stamp());
        store.put(InspectionDraw.TYPE, draw.id(), draw);
        store.index(InspectionDraw.ALL, draw.id());
        return store.answerWithEvent("DrawCreated", draw);
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String CommitSeed(TransactionContext ctx, String request) {
        RecordStore store = ctx.store();
        SeedCommitment r = Canonical.read(request, SeedCommitment.class);
        Check.id("drawId", r.drawId());
        Check.sha256("seedHash", r.seedHash());
        return participantStep(
                store,
                ctx.caller(),
                r.drawId(),
                "commit a seed",
                draw -> {
                    if (r.dealing() != null && draw.escrowed()) {
                        checkDealing(store, draw, ctx.caller().msp(), r.dealing());
                    }
                    return draw.commit(ctx.caller().msp(), r.seedHash(), r.dealing(), store.stamp());
                },
                committed -> "SeedCommitted");
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String RevealSeed(TransactionContext ctx, String request) {
        RecordStore store = ctx.store();
        SeedReveal r = Canonical.read(request, SeedReveal.class);
        Check.id("drawId", r.drawId());
        Seeds.seed("seed", r.seed());
        return participantStep(
                store,
                ctx.caller(),
                r.drawId(),
                "reveal a seed",
                draw -> draw.reveal(ctx.caller().msp(), r.seed(), store.stamp()),
                revealed -> revealed.status() == DrawStatus.REVEALED ? "DrawRevealed" : "SeedRevealed");
    }

    /**
     * Rates every entity of the draw's region and category now, under the policy in force now, and
     * publishes the selection {@link DrawSelection} makes of them with the combined seed.
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String Publish(TransactionContext ctx, String request) {
        RecordStore store = ctx.store();
        DrawRef r = Canonical.read(request, DrawRef.class);
        Check.id("drawId", r.drawId());
        InspectionDraw stored = store.get(InspectionDraw.TYPE, r.drawId(), InspectionDraw.class);
        ctx.caller().requireAdminOf(stored.region(), "publish the selection of draw " + stored.id());
        InspectionDraw draw = stored.closed(store.stamp());
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
        return store.answerWithEvent("DrawPublished", published);
    }

    /**
     * Records what the inspection of a drawn entity found, on the draw and as the entity's credit
     * event (reference: the draw). Answers the result.
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String RecordResult(TransactionContext ctx, String request) {
        RecordStore store = ctx.store();
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
        String inspector = inspectorOf(ctx.caller(), draw, r);
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
                ctx.caller().actor(),
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
                        ctx.caller().actor(),
                        r.evidenceDigest(),
                        new Reference(ReferenceKind.DRAW, draw.id())));
        store.put(InspectionDraw.TYPE, recorded.id(), recorded);
        return store.answerWithEvent("InspectionResultRecorded", result);
    }

    /**
     * Registers the caller's centre's share key, which the other centres encrypt their shares of
     * draw seeds to; a new one replaces it for dealings made from then on.
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String RegisterShareKey(TransactionContext ctx, String request) {
        RecordStore store = ctx.store();
        ShareKeyRegistration r = Canonical.read(request, ShareKeyRegistration.class);
        LabSignature.publicKey("publicKey", r.publicKey());
        ctx.caller().require("register a draw share key", Role.CENTRE_ADMIN);
        store.get(Region.TYPE, ctx.caller().msp(), Region.class);
        Stamp stamp = store.stamp();
        ShareKey key = new ShareKey(
                ctx.caller().msp(),
                r.publicKey(),
                LabSignature.fingerprint(r.publicKey()),
                stamp.recordedAt(),
                stamp.txId());
        store.put(ShareKey.TYPE, key.msp(), key);
        return store.answerWithEvent("ShareKeyRegistered", key);
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String GetShareKey(TransactionContext ctx, String request) {
        RecordStore store = ctx.store();
        ByMsp r = Canonical.read(request, ByMsp.class);
        Check.id("msp", r.msp());
        return Canonical.json(store.get(ShareKey.TYPE, r.msp(), ShareKey.class));
    }

    /** A participant states that the shares dealt to it decrypt and verify; reveals open once all have. */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String ConfirmShares(TransactionContext ctx, String request) {
        RecordStore store = ctx.store();
        DrawRef r = Canonical.read(request, DrawRef.class);
        Check.id("drawId", r.drawId());
        return participantStep(
                store,
                ctx.caller(),
                r.drawId(),
                "confirm dealt shares",
                draw -> draw.confirm(ctx.caller().msp(), store.stamp()),
                confirmed -> confirmed.revealDeadline() != null ? "DrawRevealsOpened" : "SharesConfirmed");
    }

    /** After the reveal deadline, a participant posts its decrypted shares of the seeds not revealed. */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String PostShares(TransactionContext ctx, String request) {
        RecordStore store = ctx.store();
        SharePosting r = Canonical.read(request, SharePosting.class);
        Check.id("drawId", r.drawId());
        Check.required("shares", r.shares());
        Check.that(!r.shares().isEmpty(), "shares", "must name at least one dealer");
        r.shares().forEach((dealer, share) -> {
            Check.id("shares", dealer);
            Seeds.seed("shares." + dealer, share);
        });
        return participantStep(
                store,
                ctx.caller(),
                r.drawId(),
                "post shares",
                draw -> draw.postShares(ctx.caller().msp(), new TreeMap<>(r.shares()), store.stamp()),
                posted -> "SharesPosted");
    }

    /** A participating centre's vote to cancel the draw; a majority cancels it (see InspectionDraw.cancel). */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String Cancel(TransactionContext ctx, String request) {
        RecordStore store = ctx.store();
        CancelVote r = Canonical.read(request, CancelVote.class);
        Check.id("drawId", r.drawId());
        Check.text("reason", r.reason());
        return participantStep(
                store,
                ctx.caller(),
                r.drawId(),
                "vote to cancel",
                draw -> draw.cancel(ctx.caller().msp(), r.reason(), store.stamp()),
                voted -> voted.status() == DrawStatus.CANCELLED ? "DrawCancelled" : "DrawCancelVoted");
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String Get(TransactionContext ctx, String request) {
        return ById.answer(ctx.store(), request, InspectionDraw.TYPE, InspectionDraw.class);
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String List(TransactionContext ctx, String request) {
        RecordStore store = ctx.store();
        Listing r = Canonical.read(request, Listing.class);
        Page<InspectionDraw> page =
                store.recordPage(r.over(store, InspectionDraw.ALL), InspectionDraw.class, InspectionDraw.TYPE);
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

    private static Duration revealPeriod(String text) {
        if (text == null) {
            return InspectionDraw.DEFAULT_REVEAL_PERIOD;
        }
        Duration period;
        try {
            period = Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw Fail.invalid("revealPeriod", "must be an ISO-8601 duration such as P7D or PT1H (got '" + text + "')");
        }
        Check.that(
                period.compareTo(SHORTEST_REVEAL_PERIOD) >= 0 && period.compareTo(LONGEST_REVEAL_PERIOD) <= 0,
                "revealPeriod",
                "must be between PT1S and P90D (got " + text + ")");
        return period;
    }

    private static ShareKey shareKey(RecordStore store, String msp) {
        return store.find(ShareKey.TYPE, msp, ShareKey.class)
                .orElseThrow(
                        () -> Fail.conflict(msp + " has registered no draw share key (inspection:RegisterShareKey);"
                                + " a draw of three or more centres deals every seed to the others' keys"));
    }

    /** A dealing's shape: a threshold of points, and a share for every other participant under its current key. */
    private static void checkDealing(RecordStore store, InspectionDraw draw, String dealer, Dealing dealing) {
        List<String> commitments = Check.items("dealing.commitments", dealing.commitments(), 1);
        Check.that(
                commitments.size() == draw.threshold(),
                "dealing.commitments",
                "must hold " + draw.threshold() + " points, the threshold of draw " + draw.id());
        for (int i = 0; i < commitments.size(); i++) {
            Check.that(
                    SeedSharing.isPoint(commitments.get(i)),
                    "dealing.commitments[" + i + "]",
                    "must be a compressed P-256 point as 66 lowercase hex characters");
        }
        Map<String, Dealing.EncryptedShare> shares = Check.required("dealing.shares", dealing.shares());
        List<String> recipients =
                draw.participants().stream().filter(p -> !p.equals(dealer)).toList();
        Check.that(
                shares.keySet().equals(new java.util.HashSet<>(recipients)),
                "dealing.shares",
                "must hold one share for each of " + recipients);
        for (String recipient : recipients) {
            String field = "dealing.shares." + recipient;
            Dealing.EncryptedShare share = Check.required(field, shares.get(recipient));
            Check.that(
                    shareKey(store, recipient).fingerprint().equals(share.key()),
                    field + ".key",
                    "must be the fingerprint of " + recipient + "'s registered share key");
            Check.that(
                    SeedSharing.isCiphertext(share.ciphertext()),
                    field + ".ciphertext",
                    "must be an ECIES ciphertext of " + SeedSharing.CIPHERTEXT_BYTES + " bytes as base64url");
        }
    }

    /**
     * A participating centre's step on a draw: the step applied to the stored draw, the result
     * stored and announced under the event name it gives.
     */
    private static String participantStep(
            RecordStore store,
            Caller caller,
            String drawId,
            String action,
            UnaryOperator<InspectionDraw> step,
            Function<InspectionDraw, String> event) {
        InspectionDraw next = step.apply(participantAdminOf(store, caller, drawId, action));
        store.put(InspectionDraw.TYPE, next.id(), next);
        return store.answerWithEvent(event.apply(next), next);
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
