package org.metroledger.chaincode.indicator;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.metroledger.chaincode.state.RecordStore;

/**
 * An entity's credit grade day by day, from its registration on, as its credit records last
 * written made it: each segment holds its grade from its day until the next segment's. The grade
 * tallies count each entity in the grade of the segment a day falls in.
 */
public record Grades(String entity, String region, String province, String category, List<Segment> segments) {
    public static final String TYPE = "IndicatorGrades";

    /** A grade from a day on. */
    public record Segment(String from, String grade) {}

    public static Optional<Grades> of(RecordStore store, String entity) {
        return store.find(TYPE, entity, Grades.class);
    }

    /** Stores the timeline and adds to the tally the grade counts that changed since {@code before}. */
    public static void save(RecordStore store, Grades before, Grades after, Tally tally) {
        Map<Metric, Map<LocalDate, Long>> old = before == null ? Map.of() : before.edges();
        Map<Metric, Map<LocalDate, Long>> now = after.edges();
        Place place = new Place(after.region, after.province, after.category);
        for (String grade : List.of("A", "B", "C", "D")) {
            Metric metric = Metric.grade(grade);
            tally.change(metric, place, old.getOrDefault(metric, Map.of()), now.getOrDefault(metric, Map.of()));
        }
        store.put(TYPE, after.entity, after);
    }

    private Map<Metric, Map<LocalDate, Long>> edges() {
        Map<Metric, Map<LocalDate, Long>> edges = new EnumMap<>(Metric.class);
        for (int i = 0; i < segments.size(); i++) {
            Metric metric = Metric.grade(segments.get(i).grade());
            Map<LocalDate, Long> days = edges.computeIfAbsent(metric, m -> new TreeMap<>());
            days.merge(LocalDate.parse(segments.get(i).from()), 1L, Long::sum);
            if (i + 1 < segments.size()) {
                days.merge(LocalDate.parse(segments.get(i + 1).from()), -1L, Long::sum);
            }
        }
        return edges;
    }
}
