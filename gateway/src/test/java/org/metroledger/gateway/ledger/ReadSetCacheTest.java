package org.metroledger.gateway.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

class ReadSetCacheTest {
    private static final Set<String> READ_BY_A = Set.of("shared", "a");

    @Test
    void an_answer_survives_blocks_that_write_other_keys_and_ends_with_one_that_writes_its_own() {
        ReadSetCache<String, String> cache = started(5);
        cache.remember("A", new ReadAnswer("x", 5, READ_BY_A, true), "answer-a");

        cache.committed(new BlockWrites(5, Set.of("b", "c")));
        assertThat(cache.find("A", 6)).contains("answer-a");

        cache.committed(new BlockWrites(6, Set.of("shared")));
        assertThat(cache.find("A", 7)).isEmpty();
    }

    @Test
    void an_answer_read_before_a_block_that_wrote_its_keys_is_not_kept() {
        ReadSetCache<String, String> cache = started(5);
        cache.committed(new BlockWrites(5, Set.of("a")));

        cache.remember("A", new ReadAnswer("x", 5, READ_BY_A, true), "stale");
        assertThat(cache.find("A", 6)).isEmpty();

        cache.remember("A", new ReadAnswer("x", 6, READ_BY_A, true), "fresh");
        assertThat(cache.find("A", 6)).contains("fresh");
    }

    @Test
    void nothing_is_found_while_the_ledger_reports_a_block_not_yet_applied() {
        ReadSetCache<String, String> cache = started(5);
        cache.remember("A", new ReadAnswer("x", 5, READ_BY_A, true), "answer-a");

        assertThat(cache.find("A", 5)).contains("answer-a");
        assertThat(cache.find("A", 6)).isEmpty();
    }

    @Test
    void incomplete_read_sets_answers_read_before_the_known_blocks_and_gaps_are_never_reused() {
        ReadSetCache<String, String> cache = started(5);
        cache.remember("A", new ReadAnswer("x", 5, READ_BY_A, false), "incomplete");
        cache.remember("B", new ReadAnswer("x", 4, Set.of("b"), true), "before the start");
        assertThat(cache.find("A", 5)).isEmpty();
        assertThat(cache.find("B", 5)).isEmpty();

        cache.remember("C", new ReadAnswer("x", 5, Set.of("c"), true), "answer-c");
        cache.committed(new BlockWrites(7, Set.of("z")));
        assertThat(cache.find("C", 8)).isEmpty();
    }

    @Test
    void nothing_is_kept_before_the_cache_follows_a_ledger() {
        ReadSetCache<String, String> cache = new ReadSetCache<>(10, 10);
        cache.remember("A", new ReadAnswer("x", 0, READ_BY_A, true), "answer-a");
        assertThat(cache.find("A", 0)).isEmpty();
    }

    /**
     * Readers and a writer race on a versioned store: every answer found equals a fresh evaluation
     * of some state between the find's start and end, while most finds are answered across
     * commits of unrelated keys.
     */
    @Test
    void every_reused_answer_equals_a_fresh_evaluation_under_concurrent_writes() throws Exception {
        VersionedStore store = new VersionedStore();
        ReadSetCache<Integer, String> cache = new ReadSetCache<>(1_000, 64);
        assertThat(cache.follow(store)).isTrue();
        ConcurrentLinkedQueue<String> mismatches = new ConcurrentLinkedQueue<>();
        AtomicInteger hits = new AtomicInteger();
        AtomicInteger hitsAcrossCommits = new AtomicInteger();
        java.util.concurrent.atomic.AtomicBoolean writing = new java.util.concurrent.atomic.AtomicBoolean(true);
        Thread writer = new Thread(() -> {
            store.writeBlocks(3_000, new SplittableRandom(7));
            writing.set(false);
        });
        List<Thread> readers = new ArrayList<>();
        for (int r = 0; r < 2; r++) {
            SplittableRandom random = new SplittableRandom(100 + r);
            readers.add(new Thread(() -> {
                Map<Integer, Long> keptAt = new HashMap<>();
                while (writing.get()) {
                    int question = random.nextInt(VersionedStore.QUESTIONS);
                    long before = store.height();
                    Optional<String> found = cache.find(question, before);
                    long after = store.height();
                    if (found.isPresent()) {
                        hits.incrementAndGet();
                        if (keptAt.getOrDefault(question, Long.MAX_VALUE) < before) {
                            hitsAcrossCommits.incrementAndGet();
                        }
                        if (!store.answeredBetween(question, found.get(), before, after)) {
                            mismatches.add(question + ": " + found.get() + " at heights " + before + "-" + after);
                        }
                    } else {
                        ReadAnswer read = store.evaluate(question, random);
                        cache.remember(question, read, read.payload());
                        keptAt.put(question, read.fromHeight());
                    }
                }
            }));
        }
        readers.forEach(Thread::start);
        writer.start();
        writer.join();
        for (Thread reader : readers) {
            reader.join();
        }

        assertThat(mismatches).isEmpty();
        assertThat(hitsAcrossCommits.get()).as("finds answered across commits").isGreaterThan(100);
        assertThat(hits.get()).as("finds answered from the cache").isGreaterThan(1_000);
    }

    private static ReadSetCache<String, String> started(long height) {
        ReadSetCache<String, String> cache = new ReadSetCache<>(10, 10);
        cache.follow(new FixedHeight(height));
        return cache;
    }

    private static final class FixedHeight extends WriteSetsOnlyLedger {
        private final long height;

        FixedHeight(long height) {
            this.height = height;
        }

        @Override
        public long height() {
            return height;
        }
    }

    /**
     * Every state by height, as the embedded ledger publishes them: a block's state and height
     * first, its write set to the followers after (with a delay, so finds meet unapplied blocks).
     * Question q reads "shared", "k{q}" and "k{q+1}"; blocks mostly write other keys.
     */
    private static final class VersionedStore extends WriteSetsOnlyLedger {
        static final int QUESTIONS = 8;
        private static final int KEYS = 40;
        private final Map<Long, Map<String, Integer>> states = new ConcurrentHashMap<>();
        private final AtomicLong height = new AtomicLong();

        VersionedStore() {
            states.put(0L, Map.of());
        }

        @Override
        public long height() {
            return height.get();
        }

        void writeBlocks(int blocks, SplittableRandom random) {
            for (long number = 0; number < blocks; number++) {
                Map<String, Integer> next = new HashMap<>(states.get(number));
                Set<String> keys = new HashSet<>();
                int writes = 1 + random.nextInt(3);
                for (int i = 0; i < writes; i++) {
                    int k = random.nextInt(KEYS * 10);
                    keys.add(k == 0 ? "shared" : "k" + (k % KEYS));
                }
                keys.forEach(key -> next.merge(key, 1, Integer::sum));
                states.put(number + 1, Map.copyOf(next));
                height.set(number + 1);
                if (random.nextInt(4) == 0) {
                    LockSupport.parkNanos(random.nextInt(50_000));
                }
                follower.accept(new BlockWrites(number, keys));
                LockSupport.parkNanos(random.nextInt(100_000));
            }
        }

        /** Reads at the height seen first, or a later one, as a snapshot taken after it may. */
        ReadAnswer evaluate(int question, SplittableRandom random) {
            long from = height();
            if (random.nextInt(3) == 0) {
                LockSupport.parkNanos(random.nextInt(200_000));
            }
            long snapshot = height();
            return new ReadAnswer(answer(question, snapshot), from, keysOf(question), true);
        }

        boolean answeredBetween(int question, String answer, long from, long to) {
            for (long h = from; h <= to; h++) {
                if (answer(question, h).equals(answer)) {
                    return true;
                }
            }
            return false;
        }

        private String answer(int question, long at) {
            Map<String, Integer> state = states.get(at);
            StringBuilder text = new StringBuilder();
            for (String key : keysOf(question)) {
                text.append(key).append('=').append(state.getOrDefault(key, 0)).append(';');
            }
            return text.toString();
        }

        private static Set<String> keysOf(int question) {
            return new TreeSet<>(Set.of("shared", "k" + question, "k" + (question + 1)));
        }
    }
}
