package org.metroledger.gateway.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/**
 * Runs one job per item with a progress bar and sums up: issued, skipped (already on the ledger,
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

    Batch(String task, PrintStream progress) {
        this.task = task;
        this.progress = progress;
    }

    /** Runs every item in order; a job that throws counts as failed with the exception's message. */
    List<Outcome> run(List<T> items, Function<T, String> where, Function<T, Outcome> job) {
        List<Outcome> outcomes = new ArrayList<>();
        try (ProgressBar bar = new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(items.size())
                .setConsumer(new ConsoleProgressBarConsumer(progress))
                .setUpdateIntervalMillis(200)
                .build()) {
            for (T item : items) {
                Outcome outcome;
                try {
                    outcome = job.apply(item);
                } catch (RuntimeException e) {
                    outcome = Outcome.failed(where.apply(item), e.getMessage());
                }
                outcomes.add(outcome);
                bar.step();
            }
        }
        return outcomes;
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
