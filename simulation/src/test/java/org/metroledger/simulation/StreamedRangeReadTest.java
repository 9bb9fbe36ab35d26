package org.metroledger.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hyperledger.fabric.shim.ledger.KeyValue;
import org.hyperledger.fabric.shim.ledger.QueryResultsIterator;
import org.junit.jupiter.api.Test;

class StreamedRangeReadTest {
    private static final Proposal PROPOSAL =
            new Proposal("ch", "tx", Instant.EPOCH, new byte[0], "NorthMSP", List.of(), Map.of());

    /** A state of {@code size} keys made as they are read: it holds nothing and counts what it hands out. */
    private static final class GeneratedState implements WorldState {
        private final int size;
        long handedOut;
        int open;

        GeneratedState(int size) {
            this.size = size;
        }

        @Override
        public VersionedValue get(String key) {
            return null;
        }

        @Override
        public StateScan scan(String start, String end) {
            open++;
            return new StateScan() {
                private int next;

                @Override
                public boolean hasNext() {
                    return next < size;
                }

                @Override
                public StateEntry next() {
                    handedOut++;
                    String key = String.format("k%09d", next++);
                    return new StateEntry(key, new VersionedValue(new byte[] {1}, new Version(1, 0)));
                }

                @Override
                public void close() {
                    open--;
                }
            };
        }

        @Override
        public List<KeyChange> history(String key) {
            return List.of();
        }
    }

    private static int readFirst(SimulatedStub stub, int count) throws Exception {
        int read = 0;
        try (QueryResultsIterator<KeyValue> rows = stub.getStateByRange("k", "l")) {
            for (KeyValue row : rows) {
                if (++read == count) {
                    break;
                }
            }
        }
        return read;
    }

    @Test
    void an_evaluation_that_stops_early_reads_about_as_far_and_records_no_range_keys() throws Exception {
        GeneratedState state = new GeneratedState(10_000_000);
        SimulatedStub stub = SimulatedStub.evaluating(state, PROPOSAL);

        assertThat(readFirst(stub, 25)).isEqualTo(25);

        assertThat(state.handedOut).isEqualTo(25);
        assertThat(state.open).isZero();
        ReadWriteSet rwset = stub.readWriteSet();
        assertThat(rwset.rangeReads()).isEmpty();
        assertThat(rwset.queriedRange()).isTrue();
        assertThatThrownBy(() -> rwset.conflictWith(state)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void an_evaluation_over_a_million_keys_keeps_none_of_them() throws Exception {
        GeneratedState state = new GeneratedState(1_000_000);
        SimulatedStub stub = SimulatedStub.evaluating(state, PROPOSAL);

        assertThat(readFirst(stub, Integer.MAX_VALUE)).isEqualTo(1_000_000);

        assertThat(stub.readWriteSet().rangeReads()).isEmpty();
        assertThat(stub.readWriteSet().reads()).isEmpty();
    }

    @Test
    void an_endorsement_records_the_keys_seen_up_to_where_the_chaincode_stopped() throws Exception {
        GeneratedState state = new GeneratedState(1_000);
        SimulatedStub stub = new SimulatedStub(state, PROPOSAL);

        readFirst(stub, 3);

        assertThat(state.handedOut).isEqualTo(3);
        RangeRead range = stub.readWriteSet().rangeReads().get(0);
        assertThat(range.seen())
                .extracting(RangeRead.KeyRead::key)
                .containsExactly("k000000000", "k000000001", "k000000002");
        assertThat(range.exhausted()).isFalse();
    }

    @Test
    void a_range_query_left_open_is_ended_and_recorded_when_the_simulation_ends() {
        GeneratedState state = new GeneratedState(2);
        SimulatedStub stub = new SimulatedStub(state, PROPOSAL);
        stub.getStateByRange("k", "l").forEach(row -> {});

        assertThat(state.open).isEqualTo(1);
        assertThat(stub.readWriteSet().rangeReads())
                .singleElement()
                .satisfies(r -> assertThat(r.exhausted()).isTrue());
        assertThat(state.open).isZero();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static void commit(InMemoryWorldState state, Version version, Map<String, byte[]> writes) {
        state.apply(ReadWriteSet.of(Map.of(), List.of(), writes, null), version, "tx", Instant.EPOCH);
    }

    private static ReadWriteSet endorsedScanOf(InMemoryWorldState state, int count) throws Exception {
        SimulatedStub stub = new SimulatedStub(state, PROPOSAL);
        readFirst(stub, count);
        return stub.readWriteSet();
    }

    @Test
    void a_submit_still_detects_keys_added_removed_or_changed_inside_what_it_read() throws Exception {
        InMemoryWorldState state = new InMemoryWorldState();
        commit(state, new Version(1, 0), new TreeMap<>(Map.of("k1", bytes("a"), "k2", bytes("b"), "k4", bytes("d"))));
        ReadWriteSet all = endorsedScanOf(state, Integer.MAX_VALUE);
        ReadWriteSet firstTwo = endorsedScanOf(state, 2);
        assertThat(all.conflictWith(state)).isEmpty();

        commit(state, new Version(2, 0), Map.of("k5", bytes("added")));
        assertThat(all.conflictWith(state)).contains("k5");
        assertThat(firstTwo.conflictWith(state)).isEmpty();

        InMemoryWorldState removed = new InMemoryWorldState();
        commit(removed, new Version(1, 0), new TreeMap<>(Map.of("k1", bytes("a"), "k2", bytes("b"))));
        ReadWriteSet before = endorsedScanOf(removed, Integer.MAX_VALUE);
        Map<String, byte[]> delete = new TreeMap<>();
        delete.put("k2", null);
        commit(removed, new Version(2, 0), delete);
        assertThat(before.conflictWith(removed)).contains("k2");

        commit(state, new Version(3, 0), Map.of("k2", bytes("changed")));
        assertThat(firstTwo.conflictWith(state)).contains("k2");
    }
}
