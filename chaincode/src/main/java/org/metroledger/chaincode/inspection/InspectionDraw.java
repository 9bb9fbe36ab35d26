package org.metroledger.chaincode.inspection;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.metroledger.chaincode.error.Fail;
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
        String txId) {
    public static final String TYPE = "InspectionDraw";
    public static final String ALL = "draw~all";

    /** A new draw waiting for every participant's commitment; participants are kept sorted. */
    public static InspectionDraw open(
            String id,
            String region,
            EntityCategory category,
            List<String> participants,
            List<String> inspectors,
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
                stamp.txId());
    }

    public InspectionDraw commit(String msp, String seedHash, Stamp stamp) {
        if (commitments.containsKey(msp)) {
            throw Fail.conflict(msp + " has committed its seed for draw " + id + " already");
        }
        requireStatus(DrawStatus.OPEN, "commit a seed");
        Map<String, String> committed = new TreeMap<>(commitments);
        committed.put(msp, seedHash);
        DrawStatus next = committed.keySet().containsAll(participants) ? DrawStatus.COMMITTED : DrawStatus.OPEN;
        return next(committed, reveals, null, null, results, next, stamp);
    }

    /** Takes a reveal; the last one fixes the combined seed. A seed not matching its commitment is refused. */
    public InspectionDraw reveal(String msp, String seed, Stamp stamp) {
        if (reveals.containsKey(msp)) {
            throw Fail.conflict(msp + " has revealed its seed for draw " + id + " already");
        }
        if (status == DrawStatus.OPEN) {
            List<String> missing = participants.stream()
                    .filter(p -> !commitments.containsKey(p))
                    .toList();
            throw Fail.conflict("draw " + id + " still waits for the commitments of " + missing
                    + "; nobody reveals before everyone has committed");
        }
        requireStatus(DrawStatus.COMMITTED, "reveal a seed");
        if (!Seeds.commitment(seed).equals(commitments.get(msp))) {
            throw Fail.invalid("seed", "does not match the commitment " + msp + " made for draw " + id);
        }
        Map<String, String> revealed = new TreeMap<>(reveals);
        revealed.put(msp, seed);
        boolean complete = revealed.keySet().containsAll(participants);
        return next(
                commitments,
                revealed,
                complete ? Seeds.combine(revealed) : null,
                null,
                results,
                complete ? DrawStatus.REVEALED : DrawStatus.COMMITTED,
                stamp);
    }

    public InspectionDraw publish(Publication chosen, Stamp stamp) {
        requireStatus(DrawStatus.REVEALED, "publish its selection");
        return next(commitments, reveals, combinedSeed, chosen, results, DrawStatus.PUBLISHED, stamp);
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
        return next(
                commitments,
                reveals,
                combinedSeed,
                publication,
                recorded,
                status,
                new Stamp(result.recordedAt(), result.txId()));
    }

    /** The inspector the draw assigned to an entity, if it selected that entity. */
    public String assignedInspector(String entity) {
        return publication == null ? null : publication.assignments().get(entity);
    }

    private InspectionDraw next(
            Map<String, String> committed,
            Map<String, String> revealed,
            String combined,
            Publication published,
            Map<String, InspectionResult> recorded,
            DrawStatus nextStatus,
            Stamp stamp) {
        return new InspectionDraw(
                id,
                region,
                category,
                participants,
                inspectors,
                committed,
                revealed,
                combined,
                published,
                recorded,
                nextStatus,
                stamp.recordedAt(),
                stamp.txId());
    }

    void requireStatus(DrawStatus expected, String action) {
        if (status != expected) {
            throw Fail.conflict("draw " + id + " is " + status + " and cannot " + action + " (needs " + expected + ")");
        }
    }
}
