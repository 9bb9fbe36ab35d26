package org.metroledger.gateway.ledger.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.metroledger.simulation.InMemoryWorldState;
import org.metroledger.simulation.RangeRead;
import org.metroledger.simulation.ReadWriteSet;
import org.metroledger.simulation.StateEntry;
import org.metroledger.simulation.Version;

class BlockOverlayTest {
    private final InMemoryWorldState committed = new InMemoryWorldState();

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private void commit(Version version, String... keys) {
        Map<String, byte[]> writes = new TreeMap<>();
        for (String key : keys) {
            writes.put(key, bytes("v"));
        }
        committed.apply(ReadWriteSet.of(Map.of(), List.of(), writes, null), version, "tx", Instant.EPOCH);
    }

    @Test
    void earlier_writes_and_deletes_of_the_block_show_through_in_key_order() {
        commit(new Version(0, 0), "a", "c", "e");
        BlockOverlay overlay = new BlockOverlay(committed);
        overlay.write("b", bytes("new"), new Version(1, 0));
        overlay.write("c", null, new Version(1, 0));

        assertThat(overlay.get("c")).isNull();
        assertThat(overlay.get("b").version()).isEqualTo(new Version(1, 0));
        assertThat(overlay.range("a", "", 10)).extracting(StateEntry::key).containsExactly("a", "b", "e");
        assertThat(overlay.range("a", "", 2)).extracting(StateEntry::key).containsExactly("a", "b");
        assertThat(overlay.range("b", "e", 10)).extracting(StateEntry::key).containsExactly("b");
    }

    @Test
    void a_range_read_conflicts_when_an_earlier_transaction_of_the_block_added_a_key_inside_it() {
        commit(new Version(0, 0), "item/1");
        RangeRead seen =
                new RangeRead("item/", "item/~", List.of(new RangeRead.KeyRead("item/1", new Version(0, 0))), true);
        ReadWriteSet reader = ReadWriteSet.of(Map.of(), List.of(seen), Map.of(), null);
        BlockOverlay overlay = new BlockOverlay(committed);

        assertThat(reader.conflictWith(overlay)).isEmpty();
        overlay.write("item/2", bytes("phantom"), new Version(1, 0));
        assertThat(reader.conflictWith(overlay)).isPresent();
    }
}
