package org.metroledger.gateway.http;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.micrometer.PrometheusScrapingHandler;
import org.metroledger.gateway.failure.ApiCode;
import org.metroledger.gateway.failure.HttpStatuses;
import org.metroledger.gateway.ledger.Ledger;
import org.metroledger.gateway.ledger.LedgerException;

/** Health, metrics and the OpenAPI document: what operators and client generators read. */
final class OperationRoutes implements RouteGroup {
    private final Ledger ledger;
    private final PrometheusMeterRegistry metrics;

    OperationRoutes(Ledger ledger, PrometheusMeterRegistry metrics) {
        this.ledger = ledger;
        this.metrics = metrics;
    }

    @Override
    public void register(Api api) {
        // Live while this process answers; ready only while the backend's probe succeeds, so a
        // load balancer stops sending users to a gateway whose ledger does not answer. A 503 carries
        // the health fields and the error shape both.
        api.on(
                "health",
                ctx -> LedgerAnswers.onContext(ctx, ledger.probe())
                        .onComplete(probe -> health(ctx, ledger, probe.cause())));
        api.on("metrics", PrometheusScrapingHandler.create(metrics));
        api.on(
                "openapi",
                ctx -> ctx.response()
                        .putHeader("Content-Type", "application/json; charset=utf-8")
                        .putHeader("Access-Control-Allow-Origin", "*")
                        .end(api.document()));
    }

    private static void health(RoutingContext ctx, Ledger ledger, Throwable failure) {
        JsonObject health = new JsonObject()
                .put("status", failure == null ? "UP" : "DOWN")
                .put("live", true)
                .put("ready", failure == null)
                .put("ledger", new JsonObject().put("backend", ledger.backend()).put("height", ledger.height()));
        if (failure == null) {
            LedgerAnswers.json(ctx, 200, health.encode());
            return;
        }
        Throwable cause = failure instanceof java.util.concurrent.CompletionException ? failure.getCause() : failure;
        String reason = cause instanceof LedgerException e ? e.getMessage() : "no answer";
        // Not ready is 503 whatever the probe says; a damaged store is named as such.
        ApiCode code = cause instanceof LedgerException e && e.code() == ApiCode.STORE_CORRUPTED
                ? ApiCode.STORE_CORRUPTED
                : ApiCode.UNAVAILABLE;
        health.put(
                "error",
                new JsonObject()
                        .put("code", code.name())
                        .put("message", "the " + ledger.backend() + " ledger is not ready: " + reason));
        LedgerAnswers.json(ctx, HttpStatuses.of(code), health.encode());
    }
}
