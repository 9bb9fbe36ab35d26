package org.metroledger.gateway.http;

import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.CompletableFuture;
import org.metroledger.gateway.contracts.Answer;
import org.metroledger.gateway.contracts.Written;

/**
 * Writes the answers of contract functions: a write answers 201 with {@code {"record", "txId",
 * "blockNumber"}} once committed, a read the chaincode's JSON as is.
 */
public final class LedgerAnswers {
    private LedgerAnswers() {}

    /** Answers 201 with the write once it is committed. */
    public static void created(RoutingContext ctx, CompletableFuture<? extends Written<?>> write) {
        onContext(ctx, write).onSuccess(w -> json(ctx, 201, w.json())).onFailure(ctx::fail);
    }

    /** Answers 200 with the chaincode's JSON, passed on without parsing it. */
    public static void read(RoutingContext ctx, CompletableFuture<? extends Answer<?>> read) {
        onContext(ctx, read).onSuccess(answer -> json(ctx, 200, answer.json())).onFailure(ctx::fail);
    }

    /** A ledger future as a Vert.x future that completes on the request's event loop. */
    public static <T> Future<T> onContext(RoutingContext ctx, CompletableFuture<T> future) {
        return Future.fromCompletionStage(future, ctx.vertx().getOrCreateContext());
    }

    /** Writes a JSON text (already serialised, e.g. the chaincode's) with a status. */
    public static void json(RoutingContext ctx, int status, String json) {
        ctx.response()
                .setStatusCode(status)
                .putHeader("Content-Type", "application/json; charset=utf-8")
                .end(json);
    }
}
