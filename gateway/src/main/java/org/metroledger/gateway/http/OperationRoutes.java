package org.metroledger.gateway.http;

import io.vertx.core.json.JsonObject;
import io.vertx.micrometer.PrometheusScrapingHandler;
import org.metroledger.chaincode.error.ErrorCode;
import org.metroledger.gateway.ledger.Ledger;

/** Health, metrics and the OpenAPI document: what operators and client generators read. */
final class OperationRoutes implements RouteGroup {
    @Override
    public void register(Api api) {
        Ledger ledger = api.services().ledger();
        api.on("health", ctx -> {
            long height;
            try {
                height = ledger.height();
            } catch (RuntimeException e) {
                Failures.send(ctx, ErrorCode.UNAVAILABLE, "the " + ledger.backend() + " ledger is not ready");
                return;
            }
            JsonObject health = new JsonObject()
                    .put("status", "UP")
                    .put("live", true)
                    .put("ready", true)
                    .put(
                            "ledger",
                            new JsonObject().put("backend", ledger.backend()).put("height", height));
            LedgerAnswers.json(ctx, 200, health.encode());
        });
        api.on("metrics", PrometheusScrapingHandler.create(api.services().metrics()));
        api.on(
                "openapi",
                ctx -> ctx.response()
                        .putHeader("Content-Type", "application/json; charset=utf-8")
                        .putHeader("Access-Control-Allow-Origin", "*")
                        .end(api.document()));
    }
}
