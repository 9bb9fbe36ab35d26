package org.metroledger.chaincode.credit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.metroledger.chaincode.commitment.Commitment;
import org.metroledger.chaincode.commitment.Commitments;
import org.metroledger.chaincode.indicator.Days;
import org.metroledger.chaincode.indicator.Grades;
import org.metroledger.chaincode.indicator.Tally;
import org.metroledger.chaincode.registry.Entity;
import org.metroledger.chaincode.state.RecordStore;

/**
 * Keeps an entity's grade timeline for the indicators ({@link Grades}): rated at the first midnight
 * on or after every instant its rating can change at (its registration, each event's occurrence,
 * repair and end of counting under every policy version, each commitment's start and end, each
 * policy's activation), which is where the grade of a day can change.
 */
public final class GradeTimelines {
    private GradeTimelines() {}

    /**
     * Recomputes the entity's timeline and writes the grade deltas. A transaction does not read its
     * own writes, so the caller hands over what it wrote: the entity when it registers it, the
     * event when it records or repairs one (null for none).
     */
    public static void refresh(RecordStore store, Entity entity, CreditEvent written) {
        List<CreditEvent> events = new ArrayList<>();
        for (CreditEvent stored : CreditEvents.ofEntity(store, entity.id())) {
            if (written == null || !stored.id().equals(written.id())) {
                events.add(stored);
            }
        }
        if (written != null) {
            events.add(written);
        }
        Grades after = timeline(store, entity, events);
        Tally tally = new Tally();
        Grades.save(store, Grades.of(store, entity.id()).orElse(null), after, tally);
        tally.write(store.stub(), written == null ? entity.id() : written.id());
    }

    /** The entity's grade day by day from its registration, given its events. */
    public static Grades timeline(RecordStore store, Entity entity, List<CreditEvent> events) {
        List<RatingPolicy> policies = RatingPolicies.all(store);
        List<Commitment> commitments = Commitments.ofEntity(store, entity.id());
        List<Instant> points = new ArrayList<>();
        points.add(Instant.parse(entity.recordedAt()));
        for (CreditEvent event : events) {
            points.add(event.occurred());
            if (event.repairedAt() != null) {
                points.add(Instant.parse(event.repairedAt()));
            }
            for (RatingPolicy policy : policies) {
                EventRule rule = policy.rule(event.type());
                if (rule != null) {
                    points.add(rule.expiry(event.occurred()));
                }
            }
        }
        for (Commitment commitment : commitments) {
            points.add(commitment.start());
            if (commitment.end() != null) {
                points.add(commitment.end());
            }
        }
        policies.stream().filter(p -> p.activatedAt() != null).forEach(p -> points.add(Instant.parse(p.activatedAt())));
        LocalDate first = Days.of(Instant.parse(entity.recordedAt()));
        TreeSet<LocalDate> days = new TreeSet<>();
        points.forEach(p -> days.add(Days.of(p)));
        List<Grades.Segment> segments = new ArrayList<>();
        for (LocalDate day : days.tailSet(first, true)) {
            Instant at = Days.start(day);
            String commitment = commitments.stream()
                    .filter(c -> c.inEffectAt(at))
                    .findFirst()
                    .map(Commitment::id)
                    .orElse(null);
            String grade = RatingRules.rate(RatingPolicies.asOf(store, at), entity.id(), events, commitment, at)
                    .grade()
                    .name();
            if (segments.isEmpty() || !segments.get(segments.size() - 1).grade().equals(grade)) {
                segments.add(new Grades.Segment(day.toString(), grade));
            }
        }
        return new Grades(
                entity.id(),
                entity.region(),
                entity.province(),
                entity.category().name(),
                List.copyOf(segments));
    }
}
