package org.metroledger.gateway.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.Supplier;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/**
 * Runs one job per item, several at a time, with a progress bar and sums up: issued, skipped (already on the ledger,
 * so a rerun resumes where a broken one stopped) and failed, each failure with where and why.
 */
final class Batch<T> {
    /** What became of one item. */
    enum Result {
        ISSUED,
        SKIPPED,
        FAILED
    }

    /** One item's result; {@code where} is a file name or "line N", {@code why} the reason. */
    record Outcome(String where, Result result, String why) {
        static Outcome issued(String where) {
            return new Outcome(where, Result.ISSUED, null);
        }

        static Outcome skipped(String where, String why) {
            return new Outcome(where, Result.SKIPPED, why);
        }

        static Outcome failed(String where, String why) {
            return new Outcome(where, Result.FAILED, why);
        }
    }

    private final String task;
    private final PrintStream progress;
    private final int parallel;

    Batch(String task, PrintStream progress, int parallel) {
        this.task = task;
        this.progress = progress;
        this.parallel = parallel;
    }

    /** Runs every item, {@code parallel} at a time; outcomes come back in the items' order. */
    List<Outcome> run(List<T> items, Function<T, String> where, Function<T, Outcome> job) {
        return run(items, where, item -> null, item -> null, job);
    }

    /**
     * Runs every item, {@code parallel} at a time, except that an item whose {@code after} names the
     * {@code key} of an earlier item starts only once that one has finished (a supersession after
     * the certificate it replaces). A job that throws counts as failed with the exception's message.
     */
    List<Outcome> run(
            List<T> items,
            Function<T, String> where,
            Function<T, String> key,
            Function<T, String> after,
            Function<T, Outcome> job) {
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try (ProgressBar bar = new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(items.size())
                .setConsumer(new ConsoleProgressBarConsumer(progress))
                .setUpdateIntervalMillis(200)
                .build()) {
            Map<String, CompletableFuture<Outcome>> byKey = new HashMap<>();
            List<CompletableFuture<Outcome>> outcomes = new ArrayList<>();
            for (T item : items) {
                Supplier<Outcome> attempt = () -> {
                    try {
                        return job.apply(item);
                    } catch (RuntimeException e) {
                        return Outcome.failed(where.apply(item), e.getMessage());
                    }
                };
                CompletableFuture<Outcome> before = after.apply(item) == null ? null : byKey.get(after.apply(item));
                CompletableFuture<Outcome> outcome = before == null
                        ? CompletableFuture.supplyAsync(attempt, pool)
                        : before.handleAsync((done, failure) -> attempt.get(), pool);
                outcome.whenComplete((done, failure) -> bar.step());
                outcomes.add(outcome);
                if (key.apply(item) != null) {
                    byKey.putIfAbsent(key.apply(item), outcome);
                }
            }
            return outcomes.stream().map(CompletableFuture::join).toList();
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Runs groups of items, {@code parallel} groups at a time, one job per group answering each of
     * its items in order; the progress bar counts items. A group starts only once every earlier
     * group sharing one of its items' {@code conflict} keys has finished: on Fabric two
     * transactions writing one record cannot both commit (the later fails MVCC_READ_CONFLICT), so
     * they go one after the other rather than race and retry. A job that throws fails every item of
     * its group with the exception's message. Outcomes come back in the items' order.
     */
    List<Outcome> runGroups(
            List<List<T>> groups,
            Function<T, String> where,
            Function<T, String> conflict,
            Function<List<T>, List<Outcome>> job) {
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try (ProgressBar bar = new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(groups.stream().mapToInt(List::size).sum())
                .setConsumer(new ConsoleProgressBarConsumer(progress))
                .setUpdateIntervalMillis(200)
                .build()) {
            Map<String, CompletableFuture<List<Outcome>>> lastByKey = new HashMap<>();
            List<CompletableFuture<List<Outcome>>> outcomes = new ArrayList<>();
            for (List<T> group : groups) {
                Supplier<List<Outcome>> attempt = () -> {
                    try {
                        return job.apply(group);
                    } catch (RuntimeException e) {
                        return group.stream()
                                .map(item -> Outcome.failed(where.apply(item), e.getMessage()))
                                .toList();
                    }
                };
                Set<String> keys = new HashSet<>();
                group.stream().map(conflict).forEach(keys::add);
                CompletableFuture<?>[] before = keys.stream()
                        .map(lastByKey::get)
                        .filter(f -> f != null)
                        .distinct()
                        .toArray(CompletableFuture<?>[]::new);
                CompletableFuture<List<Outcome>> outcome = before.length == 0
                        ? CompletableFuture.supplyAsync(attempt, pool)
                        : CompletableFuture.allOf(before).handleAsync((done, failure) -> attempt.get(), pool);
                outcome.whenComplete((done, failure) -> bar.stepBy(group.size()));
                outcomes.add(outcome);
                keys.forEach(k -> lastByKey.put(k, outcome));
            }
            return outcomes.stream().flatMap(group -> group.join().stream()).toList();
        } finally {
            pool.shutdownNow();
        }
    }

    /** Prints the summary and answers the exit code: 0 when nothing failed, else 1. */
    static int summarise(List<Outcome> outcomes, PrintWriter out) {
        long issued = count(outcomes, Result.ISSUED);
        long skipped = count(outcomes, Result.SKIPPED);
        long failed = count(outcomes, Result.FAILED);
        out.println("issued " + issued + ", skipped " + skipped + ", failed " + failed);
        for (Outcome o : outcomes) {
            if (o.result() != Result.ISSUED) {
                out.println(
                        "  " + o.result().name().toLowerCase(java.util.Locale.ROOT) + " " + o.where() + ": " + o.why());
            }
        }
        out.flush();
        return failed == 0 ? 0 : 1;
    }

    private static long count(List<Outcome> outcomes, Result result) {
        return outcomes.stream().filter(o -> o.result() == result).count();
    }
}
