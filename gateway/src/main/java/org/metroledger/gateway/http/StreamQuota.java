package org.metroledger.gateway.http;

import java.util.HashMap;
import java.util.Map;
import org.metroledger.gateway.failure.ApiCode;
import org.metroledger.gateway.failure.ApiFailure;

/**
 * Bounds the event streams open at once: per connection (HTTP/2 multiplexes many on one), per
 * caller and in all. Each stream holds memory, a heartbeat timer and a ledger subscription for as
 * long as its client likes, so an unbounded number would let one client exhaust the gateway.
 * Beyond a caller's or a connection's share: 429 TOO_MANY_REQUESTS; beyond the total: 503.
 */
final class StreamQuota {
    /** The limits; each at least 1. */
    record Limits(int perConnection, int perCaller, int total) {
        static final Limits DEFAULT = new Limits(4, 8, 256);

        Limits {
            if (perConnection < 1 || perCaller < 1 || total < 1) {
                throw new IllegalArgumentException("stream limits must be at least 1: " + this);
            }
        }
    }

    /** One open stream's share; closing it more than once gives it back once. */
    interface Lease extends AutoCloseable {
        @Override
        void close();
    }

    private final Limits limits;
    private final Map<Object, Integer> byConnection = new HashMap<>();
    private final Map<String, Integer> byCaller = new HashMap<>();
    private int total;

    StreamQuota(Limits limits) {
        this.limits = limits;
    }

    /**
     * Takes a share for a new stream of a caller on a connection.
     *
     * @throws ApiFailure TOO_MANY_REQUESTS or UNAVAILABLE, saying which limit was reached
     */
    synchronized Lease open(Object connection, String caller) {
        if (total >= limits.total()) {
            throw ApiFailure.of(
                    ApiCode.UNAVAILABLE,
                    "this gateway serves " + limits.total() + " event streams already; retry later");
        }
        if (byCaller.getOrDefault(caller, 0) >= limits.perCaller()) {
            throw ApiFailure.of(
                    ApiCode.TOO_MANY_REQUESTS,
                    "a caller may hold " + limits.perCaller() + " event streams at once; close one first");
        }
        if (byConnection.getOrDefault(connection, 0) >= limits.perConnection()) {
            throw ApiFailure.of(
                    ApiCode.TOO_MANY_REQUESTS,
                    "a connection may carry " + limits.perConnection() + " event streams at once; close one first");
        }
        total++;
        byCaller.merge(caller, 1, Integer::sum);
        byConnection.merge(connection, 1, Integer::sum);
        boolean[] closed = {false};
        return () -> {
            synchronized (this) {
                if (closed[0]) {
                    return;
                }
                closed[0] = true;
                total--;
                byCaller.computeIfPresent(caller, (k, n) -> n == 1 ? null : n - 1);
                byConnection.computeIfPresent(connection, (k, n) -> n == 1 ? null : n - 1);
            }
        };
    }

    /** Streams open now, for tests and metrics. */
    synchronized int open() {
        return total;
    }
}
