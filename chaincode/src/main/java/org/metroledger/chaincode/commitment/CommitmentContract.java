package org.metroledger.chaincode.commitment;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;
import org.metroledger.chaincode.contract.MetroContract;
import org.metroledger.chaincode.contract.TransactionContext;
import org.metroledger.chaincode.error.Fail;
import org.metroledger.chaincode.json.Canonical;
import org.metroledger.chaincode.json.Check;
import org.metroledger.chaincode.registry.Entity;
import org.metroledger.chaincode.state.ById;
import org.metroledger.chaincode.state.Listing;
import org.metroledger.chaincode.state.Page;
import org.metroledger.chaincode.state.ReasonedChange;
import org.metroledger.chaincode.state.RecordStore;
import org.metroledger.chaincode.state.Stamp;

/**
 * Integrity commitments (诚信计量承诺): an entity publishes and withdraws its own; anyone reads them.
 * An entity has at most one ACTIVE commitment in effect at any time.
 */
@Contract(name = "commitment", info = @Info(title = "MetroLedger integrity commitments", version = "1"))
public final class CommitmentContract implements MetroContract {
    private static final int MAX_PLEDGE_TEXT = 1000;

    /** Request of Publish; {@code effectiveFrom} defaults to the transaction time. */
    public record Publication(
            String id,
            String entity,
            List<Pledge> items,
            String textDigest,
            String effectiveFrom,
            String effectiveTo) {}

    /** Request of Withdraw. */
    public record Withdrawal(String id, String reason) implements ReasonedChange {}

    /** Request naming an entity. */
    public record ByEntity(String entity) {}

    /** Request of ListByEntity. */
    public record EntityListing(String entity, Integer pageSize, String bookmark) {}

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String Publish(TransactionContext ctx, String request) {
        RecordStore store = ctx.store();
        Publication r = Canonical.read(request, Publication.class);
        Check.id("id", r.id());
        Check.id("entity", r.entity());
        List<Pledge> items = validItems(r.items());
        Check.sha256("textDigest", r.textDigest());
        Instant now = store.now();
        Instant from = Check.instantOr("effectiveFrom", r.effectiveFrom(), now);
        Instant to = Check.optionalInstant("effectiveTo", r.effectiveTo());
        if (to != null) {
            Check.that(to.isAfter(from), "effectiveTo", "must be after effectiveFrom");
            Check.that(to.isAfter(now), "effectiveTo", "must be after the transaction time " + now);
        }
        if (!ctx.caller().entityId("publish commitments").equals(r.entity())) {
            throw Fail.forbidden("an entity may publish commitments only for itself");
        }
        store.get(Entity.TYPE, r.entity(), Entity.class);
        store.requireAbsent(Commitment.TYPE, r.id());
        Stamp s = store.stamp();
        Commitment commitment = new Commitment(
                r.id(),
                r.entity(),
                items,
                r.textDigest(),
                from.toString(),
                to == null ? null : to.toString(),
                s.recordedAt(),
                CommitmentStatus.ACTIVE,
                null,
                null,
                s.recordedAt(),
                s.txId());
        Instant start = commitment.start();
        for (Commitment other : Commitments.ofEntity(store, r.entity())) {
            if (other.activeDuring(start, to)) {
                throw Fail.conflict("entity " + r.entity() + " has ACTIVE commitment '" + other.id()
                        + "' in effect then; withdraw it first");
            }
        }
        Commitments.insert(store, commitment);
        return store.answerWithEvent("CommitmentPublished", commitment);
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String Withdraw(TransactionContext ctx, String request) {
        RecordStore store = ctx.store();
        Withdrawal r = ReasonedChange.read(request, Withdrawal.class);
        String entity = ctx.caller().entityId("withdraw commitments");
        Commitment commitment = store.get(Commitment.TYPE, r.id(), Commitment.class);
        if (!commitment.entity().equals(entity)) {
            throw Fail.forbidden("an entity may withdraw only its own commitments");
        }
        if (commitment.status() != CommitmentStatus.ACTIVE) {
            throw Fail.conflict("commitment '" + r.id() + "' is " + commitment.status() + ", not ACTIVE");
        }
        Commitment withdrawn =
                commitment.withStatus(CommitmentStatus.WITHDRAWN, r.reason(), store.now(), store.stamp());
        Commitments.update(store, withdrawn);
        return store.answerWithEvent("CommitmentWithdrawn", withdrawn);
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String Get(TransactionContext ctx, String request) {
        return ById.answer(ctx.store(), request, Commitment.TYPE, Commitment.class);
    }

    /** An entity's commitments, oldest first, whatever their status. */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String ListByEntity(TransactionContext ctx, String request) {
        RecordStore store = ctx.store();
        EntityListing r = Canonical.read(request, EntityListing.class);
        Check.id("entity", r.entity());
        Listing.PageQuery query = new Listing(r.pageSize(), r.bookmark()).over(store, Commitment.BY_ENTITY, r.entity());
        store.get(Entity.TYPE, r.entity(), Entity.class);
        Page<Commitment> page = store.recordPage(query, Commitment.class, Commitment.TYPE);
        return Canonical.json(page);
    }

    /** The commitment in effect at the transaction time, or NOT_FOUND. */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String Active(TransactionContext ctx, String request) {
        RecordStore store = ctx.store();
        ByEntity r = Canonical.read(request, ByEntity.class);
        Check.id("entity", r.entity());
        store.get(Entity.TYPE, r.entity(), Entity.class);
        Commitment active = Commitments.inEffect(store, r.entity(), store.now())
                .orElseThrow(() -> Fail.notFound("active commitment of entity", r.entity()));
        return Canonical.json(active);
    }

    private static List<Pledge> validItems(List<Pledge> items) {
        Check.items("items", items, 1);
        Set<PledgeKind> seen = EnumSet.noneOf(PledgeKind.class);
        for (int i = 0; i < items.size(); i++) {
            Pledge item = items.get(i);
            String at = "items[" + i + "].";
            Check.required(at + "kind", item.kind());
            Check.that(seen.add(item.kind()), at + "kind", item.kind() + " is pledged twice");
            if (item.text() != null) {
                Check.text(at + "text", item.text(), MAX_PLEDGE_TEXT);
            }
        }
        return List.copyOf(items);
    }
}
