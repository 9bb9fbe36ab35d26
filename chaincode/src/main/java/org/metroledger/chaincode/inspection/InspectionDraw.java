package org.metroledger.chaincode.inspection;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.metroledger.chaincode.error.Fail;
import org.metroledger.chaincode.json.Check;
import org.metroledger.chaincode.registry.EntityCategory;
import org.metroledger.chaincode.state.Stamp;

/**
 * A random inspection draw (双随机、一公开) and its commit/reveal protocol. Who may act is the
 * contract's business; this record only knows which steps are possible in which order.
 */
public record InspectionDraw(
        String id,
        String region,
        EntityCategory category,
        List<String> participants,
        List<String> inspectors,
        Map<String, String> commitments,
        Map<String, String> reveals,
        String combinedSeed,
        Publication publication,
        Map<String, InspectionResult> results,
        DrawStatus status,
        String recordedAt,
        String txId,
        String revealPeriod,
        String revealDeadline,
        Integer threshold,
        Map<String, Dealing> dealings,
        Map<String, String> confirmations,
        Map<String, Map<String, String>> shares,
        List<WithheldSeed> withheld,
        Map<String, Cancellation> cancellations) {
    public static final String TYPE = "InspectionDraw";
    public static final String ALL = "draw~all";
    /** The reveal period of a draw whose creator names none. */
    public static final Duration DEFAULT_REVEAL_PERIOD = Duration.ofDays(7);

    /**
     * A seed its centre did not reveal by the deadline, rebuilt from the other centres' shares: the
     * secret its dealing committed to, and whether that matches its SHA-256 commitment too.
     */
    public record WithheldSeed(String msp, String seed, boolean matchesCommitment) {}

    /** A participating centre's vote to cancel the draw. */
    public record Cancellation(String at, String reason, String txId) {}

    /**
     * A new draw waiting for every participant's commitment (participants are kept sorted), whose
     * reveals close {@code revealPeriod} after they open; with three or more participants every
     * commitment comes with a {@link Dealing} of its seed.
     */
    public static InspectionDraw open(
            String id,
            String region,
            EntityCategory category,
            List<String> participants,
            List<String> inspectors,
            Duration revealPeriod,
            Stamp stamp) {
        return new InspectionDraw(
                id,
                region,
                category,
                participants.stream().sorted().toList(),
                inspectors.stream().sorted().toList(),
                Map.of(),
                Map.of(),
                null,
                null,
                Map.of(),
                DrawStatus.OPEN,
                stamp.recordedAt(),
                stamp.txId(),
                revealPeriod.toString(),
                null,
                participants.size() >= 3 ? SeedSharing.threshold(participants.size()) : null,
                null,
                null,
                null,
                null,
                null);
    }

    /** Whether commitments carry dealings of their seeds (a draw of three or more centres made with reveal deadlines). */
    public boolean escrowed() {
        return threshold != null;
    }

    public InspectionDraw commit(String msp, String seedHash, Stamp stamp) {
        return commit(msp, seedHash, null, stamp);
    }

    /**
     * Takes a participant's commitment (and, in an escrowed draw, its dealing, whose shape the
     * contract has checked). Without escrow the reveal deadline starts once everyone has committed.
     */
    public InspectionDraw commit(String msp, String seedHash, Dealing dealing, Stamp stamp) {
        if (commitments.containsKey(msp)) {
            throw Fail.conflict(msp + " has committed its seed for draw " + id + " already");
        }
        requireStatus(DrawStatus.OPEN, "commit a seed");
        if (escrowed() && dealing == null) {
            throw Fail.invalid(
                    "dealing",
                    "is required: draw " + id + " has " + participants.size()
                            + " participants, so every seed is dealt to the others");
        }
        if (!escrowed() && dealing != null) {
            throw Fail.invalid("dealing", "is only for draws of three or more centres made with a reveal deadline");
        }
        Map<String, String> committed = new TreeMap<>(commitments);
        committed.put(msp, seedHash);
        boolean complete = committed.keySet().containsAll(participants);
        Copy next = new Copy(this);
        next.commitments = committed;
        next.status = complete ? DrawStatus.COMMITTED : DrawStatus.OPEN;
        if (dealing != null) {
            Map<String, Dealing> dealt = new TreeMap<>(dealings());
            dealt.put(msp, dealing);
            next.dealings = dealt;
        }
        if (complete && !escrowed()) {
            next.revealDeadline = deadlineFrom(stamp);
        }
        return next.build(stamp);
    }

    /**
     * A recipient's statement that every share dealt to it decrypts and lies on its dealer's
     * committed polynomial. Reveals open, and the deadline starts, once every participant confirmed.
     */
    public InspectionDraw confirm(String msp, Stamp stamp) {
        if (!escrowed()) {
            throw Fail.conflict("draw " + id + " deals no shares, so there is nothing to confirm");
        }
        requireStatus(DrawStatus.COMMITTED, "take confirmations of dealt shares");
        if (confirmations().containsKey(msp)) {
            throw Fail.conflict(msp + " has confirmed its shares of draw " + id + " already");
        }
        Map<String, String> confirmed = new TreeMap<>(confirmations());
        confirmed.put(msp, stamp.recordedAt());
        Copy next = new Copy(this);
        next.confirmations = confirmed;
        if (confirmed.keySet().containsAll(participants)) {
            next.revealDeadline = deadlineFrom(stamp);
        }
        return next.build(stamp);
    }

    /** Takes a reveal before the deadline; the last one fixes the combined seed. A seed not matching its commitment is refused. */
    public InspectionDraw reveal(String msp, String seed, Stamp stamp) {
        if (reveals.containsKey(msp)) {
            throw Fail.conflict(msp + " has revealed its seed for draw " + id + " already");
        }
        if (status == DrawStatus.OPEN) {
            throw Fail.conflict("draw " + id + " still waits for the commitments of " + missing(commitments.keySet())
                    + "; nobody reveals before everyone has committed");
        }
        requireStatus(DrawStatus.COMMITTED, "reveal a seed");
        if (escrowed() && revealDeadline == null) {
            throw Fail.conflict(
                    "draw " + id + " still waits for " + missing(confirmations().keySet())
                            + " to confirm the shares dealt to them; nobody reveals before");
        }
        if (deadlinePassed(stamp)) {
            throw Fail.conflict("the reveal deadline of draw " + id + " passed at " + revealDeadline
                    + "; the seeds not revealed are rebuilt from the other centres' shares");
        }
        if (!Seeds.commitment(seed).equals(commitments.get(msp))) {
            throw Fail.invalid("seed", "does not match the commitment " + msp + " made for draw " + id);
        }
        if (escrowed() && !SeedSharing.opens(dealings().get(msp).commitments(), seed)) {
            throw Fail.invalid("seed", "is not the secret of the dealing " + msp + " made for draw " + id);
        }
        Map<String, String> revealed = new TreeMap<>(reveals);
        revealed.put(msp, seed);
        boolean complete = revealed.keySet().containsAll(participants);
        Copy next = new Copy(this);
        next.reveals = revealed;
        next.combinedSeed = complete ? Seeds.combine(revealed) : null;
        next.status = complete ? DrawStatus.REVEALED : DrawStatus.COMMITTED;
        return next.build(stamp);
    }

    /**
     * Takes a participant's decrypted shares of seeds not revealed by the deadline, by dealer; each
     * must lie on its dealer's committed polynomial at the poster's share index.
     */
    public InspectionDraw postShares(String msp, Map<String, String> posted, Stamp stamp) {
        if (!escrowed()) {
            throw Fail.conflict("draw " + id + " deals no shares; without every reveal it can only be cancelled");
        }
        requireStatus(DrawStatus.COMMITTED, "take shares of withheld seeds");
        if (revealDeadline == null || !deadlinePassed(stamp)) {
            throw Fail.conflict("shares of draw " + id + " are posted only after its reveal deadline"
                    + (revealDeadline == null ? " (not set yet)" : " " + revealDeadline));
        }
        int index = SeedSharing.indexes(participants).get(msp);
        Map<String, Map<String, String>> all = new TreeMap<>(shares());
        for (Map.Entry<String, String> share : posted.entrySet()) {
            String dealer = share.getKey();
            String field = "shares." + dealer;
            Check.that(participants.contains(dealer), field, "'" + dealer + "' does not take part in draw " + id);
            Check.that(!dealer.equals(msp), field, "a centre posts shares of the others' seeds, not of its own");
            Check.that(!reveals.containsKey(dealer), field, dealer + " revealed its seed; no share is needed");
            Check.that(
                    SeedSharing.verifies(dealings().get(dealer).commitments(), index, share.getValue()),
                    field,
                    "does not lie on the polynomial " + dealer + " committed to at share index " + index);
            Map<String, String> ofDealer = new TreeMap<>(all.getOrDefault(dealer, Map.of()));
            if (ofDealer.containsKey(msp)) {
                throw Fail.conflict(msp + " has posted its share of " + dealer + "'s seed for draw " + id + " already");
            }
            ofDealer.put(msp, share.getValue());
            all.put(dealer, ofDealer);
        }
        Copy next = new Copy(this);
        next.shares = all;
        return next.build(stamp);
    }

    /**
     * The draw with its combined seed fixed: as it is once every seed is revealed, or after the
     * deadline of an escrowed draw with each seed not revealed rebuilt from a threshold of posted
     * shares and named in {@code withheld}. CONFLICT naming what is still missing otherwise.
     */
    public InspectionDraw closed(Stamp stamp) {
        if (status != DrawStatus.COMMITTED || revealDeadline == null || !deadlinePassed(stamp)) {
            return this;
        }
        List<String> absent = missing(reveals.keySet());
        if (!escrowed()) {
            throw Fail.conflict("draw " + id + " has two centres and no dealt shares; without the seed of " + absent
                    + " it cannot be completed, only cancelled by the centres that revealed");
        }
        Map<String, Integer> indexes = SeedSharing.indexes(participants);
        Map<String, String> seeds = new TreeMap<>(reveals);
        List<WithheldSeed> rebuilt = new ArrayList<>();
        for (String msp : absent) {
            Map<String, String> posted = shares().getOrDefault(msp, Map.of());
            if (posted.size() < threshold) {
                throw Fail.conflict("draw " + id + " has " + posted.size() + " of the " + threshold
                        + " shares it needs to rebuild the seed " + msp + " did not reveal");
            }
            Map<Integer, String> byIndex = new TreeMap<>();
            posted.entrySet().stream()
                    .limit(threshold)
                    .forEach(e -> byIndex.put(indexes.get(e.getKey()), e.getValue()));
            String seed = SeedSharing.reconstruct(byIndex);
            seeds.put(msp, seed);
            rebuilt.add(new WithheldSeed(msp, seed, Seeds.commitment(seed).equals(commitments.get(msp))));
        }
        Copy next = new Copy(this);
        next.combinedSeed = Seeds.combine(seeds);
        next.withheld = rebuilt;
        next.status = DrawStatus.REVEALED;
        return next.build(stamp);
    }

    public InspectionDraw publish(Publication chosen, Stamp stamp) {
        requireStatus(DrawStatus.REVEALED, "publish its selection");
        Copy next = new Copy(this);
        next.publication = chosen;
        next.status = DrawStatus.PUBLISHED;
        return next.build(stamp);
    }

    /**
     * Takes a participating centre's vote to cancel; CANCELLED once a majority of the electorate
     * voted. After the reveal deadline the centres that did not reveal have no vote and do not count.
     */
    public InspectionDraw cancel(String msp, String reason, Stamp stamp) {
        if (status == DrawStatus.PUBLISHED || status == DrawStatus.CANCELLED) {
            throw Fail.conflict("draw " + id + " is " + status + " and cannot be cancelled");
        }
        List<String> electorate = electorate(stamp);
        if (!electorate.contains(msp)) {
            throw Fail.forbidden(msp + " did not reveal its seed for draw " + id + " by the deadline " + revealDeadline
                    + " and has no vote on cancelling it");
        }
        if (cancellations().containsKey(msp)) {
            throw Fail.conflict(msp + " has voted to cancel draw " + id + " already");
        }
        Map<String, Cancellation> votes = new TreeMap<>(cancellations());
        votes.put(msp, new Cancellation(stamp.recordedAt(), reason, stamp.txId()));
        long counted = votes.keySet().stream().filter(electorate::contains).count();
        Copy next = new Copy(this);
        next.cancellations = votes;
        if (counted >= electorate.size() / 2 + 1) {
            next.status = DrawStatus.CANCELLED;
        }
        return next.build(stamp);
    }

    /** Adds the result for a selected entity; one result per entity. */
    public InspectionDraw withResult(InspectionResult result) {
        requireStatus(DrawStatus.PUBLISHED, "take inspection results");
        if (!publication.assignments().containsKey(result.entity())) {
            throw Fail.conflict("entity " + result.entity() + " was not selected by draw " + id);
        }
        if (results.containsKey(result.entity())) {
            throw Fail.conflict("draw " + id + " has a result for entity " + result.entity() + " already");
        }
        Map<String, InspectionResult> recorded = new TreeMap<>(results);
        recorded.put(result.entity(), result);
        Copy next = new Copy(this);
        next.results = recorded;
        return next.build(new Stamp(result.recordedAt(), result.txId()));
    }

    /** The inspector the draw assigned to an entity, if it selected that entity. */
    public String assignedInspector(String entity) {
        return publication == null ? null : publication.assignments().get(entity);
    }

    @Override
    public Map<String, Dealing> dealings() {
        return dealings == null ? Map.of() : dealings;
    }

    @Override
    public Map<String, String> confirmations() {
        return confirmations == null ? Map.of() : confirmations;
    }

    @Override
    public Map<String, Map<String, String>> shares() {
        return shares == null ? Map.of() : shares;
    }

    @Override
    public Map<String, Cancellation> cancellations() {
        return cancellations == null ? Map.of() : cancellations;
    }

    private List<String> electorate(Stamp stamp) {
        if (status == DrawStatus.COMMITTED && revealDeadline != null && deadlinePassed(stamp)) {
            return participants.stream().filter(reveals::containsKey).toList();
        }
        return participants;
    }

    private List<String> missing(java.util.Set<String> present) {
        return participants.stream().filter(p -> !present.contains(p)).toList();
    }

    private boolean deadlinePassed(Stamp stamp) {
        return revealDeadline != null && !Instant.parse(stamp.recordedAt()).isBefore(Instant.parse(revealDeadline));
    }

    private String deadlineFrom(Stamp stamp) {
        // Draws stored before deadlines existed have no period and never close.
        return revealPeriod == null
                ? null
                : Instant.parse(stamp.recordedAt())
                        .plus(Duration.parse(revealPeriod))
                        .toString();
    }

    void requireStatus(DrawStatus expected, String action) {
        if (status != expected) {
            throw Fail.conflict("draw " + id + " is " + status + " and cannot " + action + " (needs " + expected + ")");
        }
    }

    /** The fields of a draw being rewritten; {@link #build} stamps the next version. */
    private static final class Copy {
        final InspectionDraw from;
        Map<String, String> commitments;
        Map<String, String> reveals;
        String combinedSeed;
        Publication publication;
        Map<String, InspectionResult> results;
        DrawStatus status;
        String revealDeadline;
        Map<String, Dealing> dealings;
        Map<String, String> confirmations;
        Map<String, Map<String, String>> shares;
        List<WithheldSeed> withheld;
        Map<String, Cancellation> cancellations;

        Copy(InspectionDraw d) {
            from = d;
            commitments = d.commitments;
            reveals = d.reveals;
            combinedSeed = d.combinedSeed;
            publication = d.publication;
            results = d.results;
            status = d.status;
            revealDeadline = d.revealDeadline;
            dealings = d.dealings;
            confirmations = d.confirmations;
            shares = d.shares;
            withheld = d.withheld;
            cancellations = d.cancellations;
        }

        InspectionDraw build(Stamp stamp) {
            return new InspectionDraw(
                    from.id,
                    from.region,
                    from.category,
                    from.participants,
                    from.inspectors,
                    commitments,
                    reveals,
                    combinedSeed,
                    publication,
                    results,
                    status,
                    stamp.recordedAt(),
                    stamp.txId(),
                    from.revealPeriod,
                    revealDeadline,
                    from.threshold,
                    dealings,
                    confirmations,
                    shares,
                    withheld,
                    cancellations);
        }
    }
}
