package org.metroledger.chaincode.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.metroledger.simulation.InMemoryWorldState;
import org.metroledger.simulation.Proposal;
import org.metroledger.simulation.SimulatedStub;
import org.metroledger.simulation.Version;

/**
 * Levels read from year, month and day totals and the delta rows left agree with the plain sum of
 * every delta, across year, month and day boundaries, before, during and after a partial
 * compaction and with back-dated deltas after one.
 */
class LevelsTest {
    private static final Place PLACE = new Place("NorthMSP", "北京", "weighing");
    private final InMemoryWorldState state = new InMemoryWorldState();
    private final Map<LocalDate, Long> deltas = new TreeMap<>();
    private long block;

    @Test
    void levels_equal_the_sum_of_deltas_through_partial_compactions_and_back_dated_writes() {
        LocalDate first = LocalDate.parse("2024-12-30");
        for (int i = 0; i < 420; i += 7) {
            write(first.plusDays(i), i % 3 == 0 ? -1 : 2);
        }
        write(LocalDate.parse("2025-01-01"), 5);
        write(LocalDate.parse("2025-12-31"), 3);
        agree();
        for (long limit : new long[] {1, 3, 10, 25}) {
            run(stub -> Compaction.compact(stub, LocalDate.parse("2025-09-30"), limit));
            agree();
        }
        run(stub -> Compaction.compact(stub, LocalDate.parse("2026-03-01"), 200_000));
        agree();
        // Back-dated deltas for folded days, of another year, month and day; then folded again.
        write(LocalDate.parse("2024-12-31"), 4);
        write(LocalDate.parse("2025-03-01"), -2);
        write(LocalDate.parse("2025-03-01"), 7);
        agree();
        run(stub -> Compaction.compact(stub, LocalDate.parse("2026-03-01"), 2));
        agree();
        run(stub -> Compaction.compact(stub, LocalDate.parse("2026-03-01"), 200_000));
        agree();
        assertThat(level(LocalDate.parse("2024-12-29"))).isZero();
        assertThat(level(LocalDate.parse("2025-01-01"))).isEqualTo(-1 + 4 + 5);
    }

    private void agree() {
        List<String> wrong = new ArrayList<>();
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = LocalDate.parse("2024-12-25");
                d.isBefore(LocalDate.parse("2026-03-10"));
                d = d.plusDays(1)) {
            days.add(d);
        }
        long[] all = levels(days);
        for (int i = 0; i < days.size(); i++) {
            long expected = expected(days.get(i));
            if (all[i] != expected || level(days.get(i)) != expected) {
                wrong.add(days.get(i) + ": " + all[i] + "/" + level(days.get(i)) + " not " + expected);
            }
        }
        assertThat(wrong).isEmpty();
    }

    private long expected(LocalDate day) {
        return deltas.entrySet().stream()
                .filter(e -> !e.getKey().isAfter(day))
                .mapToLong(Map.Entry::getValue)
                .sum();
    }

    private long level(LocalDate day) {
        return levels(List.of(day))[0];
    }

    private long[] levels(List<LocalDate> days) {
        long[][] out = new long[1][];
        run(stub -> out[0] = Tally.levels(stub, Metric.TESTED, PLACE, days));
        return out[0];
    }

    private void write(LocalDate day, long delta) {
        deltas.merge(day, delta, Long::sum);
        run(stub -> new Tally().add(Metric.TESTED, PLACE, day, delta).write(stub, "r" + block));
    }

    private void run(Consumer<SimulatedStub> tx) {
        block++;
        SimulatedStub stub = new SimulatedStub(
                state, new Proposal("c", "tx" + block, Instant.EPOCH, new byte[] {1}, "NorthMSP", List.of(), Map.of()));
        tx.accept(stub);
        state.apply(stub.readWriteSet(), new Version(block, 0), "tx" + block, Instant.EPOCH);
    }
}
