package org.metroledger.chaincode.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BoundedCacheTest {
    private static String computed(Integer key) {
        return "value of " + key;
    }

    @Test
    void many_threads_always_get_the_computed_value_and_the_size_stays_bounded() throws Exception {
        BoundedCache<Integer, String> cache = new BoundedCache<>(5_000);
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
        AtomicInteger largest = new AtomicInteger();
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            done.add(pool.submit(() -> {
                start.await();
                ThreadLocalRandom random = ThreadLocalRandom.current();
                for (int i = 0; i < 50_000; i++) {
                    // Half the calls on a hot set that fits, half spread over four times the capacity.
                    int key = random.nextBoolean() ? random.nextInt(1_000) : random.nextInt(20_000);
                    String value =
                            random.nextInt(4) == 0 ? cache.peek(key) : cache.get(key, BoundedCacheTest::computed);
                    if (value != null && !value.equals(computed(key))) {
                        wrong.add(key + " -> " + value);
                    }
                    if (i % 1_000 == 0) {
                        largest.accumulateAndGet(cache.size(), Math::max);
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        assertThat(wrong).isEmpty();
        assertThat(largest.get()).isLessThanOrEqualTo(cache.capacity());
        assertThat(cache.size()).isLessThanOrEqualTo(cache.capacity()).isGreaterThan(cache.capacity() / 2);
        for (int key = 0; key < 20_000; key++) {
            String kept = cache.peek(key);
            assertThat(kept == null || kept.equals(computed(key)))
                    .as("key %d", key)
                    .isTrue();
        }
    }

    @Test
    void an_entry_used_since_the_hand_last_passed_survives_the_next_eviction() {
        BoundedCache<Integer, String> cache = new BoundedCache<>(4);
        for (int key = 0; key < 4; key++) {
            cache.get(key, BoundedCacheTest::computed);
        }
        cache.get(4, BoundedCacheTest::computed); // evicts one of 0..3: all unused, the hand takes 0
        assertThat(cache.peek(0)).isNull();
        cache.peek(1);
        cache.get(5, BoundedCacheTest::computed); // passes over 1, used, and takes 2
        assertThat(cache.peek(1)).isEqualTo(computed(1));
        assertThat(cache.peek(2)).isNull();
        assertThat(cache.size()).isEqualTo(4);
    }

    @Test
    void a_failing_computation_keeps_nothing() {
        BoundedCache<String, Integer> cache = new BoundedCache<>(8);
        for (int i = 0; i < 2; i++) {
            try {
                cache.get("x", Integer::parseInt);
            } catch (NumberFormatException expected) {
                // fails on every call
            }
        }
        assertThat(cache.size()).isZero();
        assertThat(cache.peek("x")).isNull();
    }
}
