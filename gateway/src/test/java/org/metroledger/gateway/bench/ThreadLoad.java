package org.metroledger.gateway.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A load of blocking calls (fabric-gateway's client API blocks): {@code threads} callers, each
 * calling one after the other until a time or call budget is spent. Measures each call as {@link
 * HttpLoad} measures a request, so that the two compare.
 */
final class ThreadLoad {
    /** One blocking call; a thrown exception counts as a failed call. */
    @FunctionalInterface
    interface Call {
        void run(int i) throws Exception;
    }

    private ThreadLoad() {}

    static HttpLoad.Outcome run(String name, Call call, int threads, Duration duration, int maxCalls)
            throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + duration.toNanos();
        AtomicInteger next = new AtomicInteger();
        AtomicLong failed = new AtomicLong();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        List<long[]> perThread = new ArrayList<>();
        List<Thread> callers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            long[][] mine = {new long[1024]};
            int[] count = {0};
            Thread caller = new Thread(
                    () -> {
                        int i;
                        while (System.nanoTime() < deadline && (i = next.getAndIncrement()) < maxCalls) {
                            long began = System.nanoTime();
                            try {
                                call.run(i);
                                if (count[0] == mine[0].length) {
                                    mine[0] = Arrays.copyOf(mine[0], mine[0].length * 2);
                                }
                                mine[0][count[0]++] = System.nanoTime() - began;
                            } catch (Exception e) {
                                failed.incrementAndGet();
                                firstFailure.compareAndSet(null, e.toString());
                            }
                        }
                        synchronized (perThread) {
                            perThread.add(Arrays.copyOf(mine[0], count[0]));
                        }
                    },
                    name + "-" + t);
            callers.add(caller);
            caller.start();
        }
        for (Thread caller : callers) {
            caller.join(duration.toMillis() + 120_000);
            if (caller.isAlive()) {
                throw new IllegalStateException(name + ": a call did not end within two minutes of the deadline");
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] measured =
                perThread.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new HttpLoad.Outcome(name, measured.length, failed.get(), seconds, measured, firstFailure.get());
    }
}
