package org.metroledger.gateway.ledger.fabric;

import io.grpc.CallOptions;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** How long each kind of Fabric call may take before the gateway gives up on it. */
public record Deadlines(Duration evaluate, Duration endorse, Duration submit, Duration commitStatus, Duration probe) {
    /** fabric-gateway's recommended defaults; a readiness probe must answer well within a health check's. */
    public static Deadlines standard() {
        return new Deadlines(
                Duration.ofSeconds(5),
                Duration.ofSeconds(15),
                Duration.ofSeconds(5),
                Duration.ofMinutes(1),
                Duration.ofSeconds(2));
    }

    CallOptions forProbe(CallOptions options) {
        return options.withDeadlineAfter(probe.toMillis(), TimeUnit.MILLISECONDS);
    }

    CallOptions forEvaluate(CallOptions options) {
        return options.withDeadlineAfter(evaluate.toMillis(), TimeUnit.MILLISECONDS);
    }

    CallOptions forEndorse(CallOptions options) {
        return options.withDeadlineAfter(endorse.toMillis(), TimeUnit.MILLISECONDS);
    }

    CallOptions forSubmit(CallOptions options) {
        return options.withDeadlineAfter(submit.toMillis(), TimeUnit.MILLISECONDS);
    }

    CallOptions forCommitStatus(CallOptions options) {
        return options.withDeadlineAfter(commitStatus.toMillis(), TimeUnit.MILLISECONDS);
    }
}
