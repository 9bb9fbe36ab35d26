package org.metroledger.gateway.ledger.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metroledger.simulation.KeyChange;
import org.metroledger.simulation.StateEntry;
import org.metroledger.simulation.Version;
import org.metroledger.simulation.WorldState;

class LedgerStoreTest {
    private static final Instant T = Instant.parse("2025-06-01T08:00:00Z");

    @TempDir
    Path directory;

    private static LedgerStore.Change put(String key, String value, long block) {
        return new LedgerStore.Change(
                key, value.getBytes(StandardCharsets.UTF_8), new Version(block, 0), "tx" + block, T.plusSeconds(block));
    }

    private static void commit(LedgerStore store, List<LedgerStore.Change> changes) {
        long n = store.tip().height();
        store.commit(n, "hash" + n, new byte[] {1}, List.of(), changes);
    }

    @Test
    void ranges_follow_utf8_byte_order_and_composite_key_bounds() {
        try (LedgerStore store = LedgerStore.open(directory)) {
            // Code point order puts U+FFFF before the supplementary U+1F600; UTF-16 order would not.
            commit(
                    store,
                    List.of(
                            put("\u0000T\u0000a\u0000", "a", 0),
                            put("\u0000T\u0000b\u0000", "b", 0),
                            put("\u0000U\u0000a\u0000", "other type", 0),
                            put("k\uffff", "bmp", 0),
                            put("k\ud83d\ude00", "emoji", 0)));
            WorldState state = store.latest();

            assertThat(state.range("\u0000T\u0000", "\u0000T\u0000\udbff\udfff", 100))
                    .extracting(StateEntry::key)
                    .containsExactly("\u0000T\u0000a\u0000", "\u0000T\u0000b\u0000");
            assertThat(state.range("k", "", 100))
                    .extracting(StateEntry::key)
                    .containsExactly("k\uffff", "k\ud83d\ude00");
            assertThat(state.range("\u0000", "", 2)).hasSize(2);
            assertThat(WorldState.KEY_ORDER.compare("k\uffff", "k\ud83d\ude00")).isNegative();
        }
    }

    @Test
    void values_versions_history_and_deletes_persist_across_reopen() {
        try (LedgerStore store = LedgerStore.open(directory)) {
            commit(store, List.of(put("key", "v1", 0), put("keyX", "other", 0)));
            commit(store, List.of(put("key", "v2", 1)));
            commit(store, List.of(new LedgerStore.Change("key", null, new Version(2, 0), "tx2", T.plusSeconds(2))));
        }
        try (LedgerStore store = LedgerStore.open(directory)) {
            assertThat(store.tip().height()).isEqualTo(3);
            assertThat(store.tip().hash()).isEqualTo("hash2");
            assertThat(store.latest().get("key")).isNull();
            assertThat(store.latest().get("keyX").version()).isEqualTo(new Version(0, 0));
            List<KeyChange> history = store.latest().history("key");
            assertThat(history).extracting(KeyChange::txId).containsExactly("tx0", "tx1", "tx2");
            assertThat(history).extracting(KeyChange::deleted).containsExactly(false, false, true);
            assertThat(new String(history.get(1).value(), StandardCharsets.UTF_8))
                    .isEqualTo("v2");
            assertThat(history.get(1).timestamp()).isEqualTo(T.plusSeconds(1));
            // "keyX" shares the prefix "key" but not its history.
            assertThat(store.latest().history("keyX")).hasSize(1);
        }
    }

    @Test
    void a_snapshot_does_not_see_later_commits() {
        try (LedgerStore store = LedgerStore.open(directory)) {
            commit(store, List.of(put("key", "v1", 0)));
            try (LedgerStore.StateSnapshot snapshot = store.snapshot()) {
                commit(store, List.of(put("key", "v2", 1), put("new", "n", 1)));
                assertThat(new String(snapshot.get("key").value(), StandardCharsets.UTF_8))
                        .isEqualTo("v1");
                assertThat(snapshot.range("", "", 10))
                        .extracting(StateEntry::key)
                        .containsExactly("key");
                assertThat(snapshot.history("key")).hasSize(1);
            }
            assertThat(store.latest().get("new")).isNotNull();
        }
    }
}
