package org.metroledger.gateway.http;

import io.vertx.core.Future;
import io.vertx.core.json.Json;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.metroledger.gateway.auth.BearerAuthentication;
import org.metroledger.gateway.identity.Member;
import org.metroledger.gateway.ledger.Committed;

/**
 * Calls contract functions for a request and writes their answers: a write answers 201 with
 * {@code {"record", "txId", "blockNumber"}} once committed, a read the chaincode's JSON as is.
 */
public final class LedgerAnswers {
    private final GatewayServices services;

    LedgerAnswers(GatewayServices services) {
        this.services = services;
    }

    /** Submits as the authenticated caller and answers 201 once the transaction is committed. */
    public void submit(RoutingContext ctx, String function, String request) {
        Member caller = BearerAuthentication.caller(ctx);
        onContext(ctx, services.ledger().submit(caller, function, List.of(request)))
                .onSuccess(committed -> json(ctx, 201, created(committed)))
                .onFailure(ctx::fail);
    }

    /** Evaluates as the authenticated caller and answers the chaincode's JSON. */
    public void evaluateAsCaller(RoutingContext ctx, String function, String request) {
        evaluate(ctx, BearerAuthentication.caller(ctx), function, request)
                .onSuccess(answer -> json(ctx, 200, answer))
                .onFailure(ctx::fail);
    }

    /** Evaluates as the gateway's own identity (public reads) and answers the chaincode's JSON. */
    public void evaluatePublic(RoutingContext ctx, String function, String request) {
        evaluate(ctx, services.publicReader(), function, request)
                .onSuccess(answer -> json(ctx, 200, answer))
                .onFailure(ctx::fail);
    }

    /** Evaluates a function, completing on the request's context. */
    public Future<String> evaluate(RoutingContext ctx, Member who, String function, String request) {
        List<String> args = request == null ? List.of() : List.of(request);
        return onContext(ctx, services.ledger().evaluate(who, function, args));
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

    /** The chaincode's canonical JSON is embedded as is: no re-parsing on the hot path. */
    public static String created(Committed committed) {
        return "{\"record\":" + committed.payload() + ",\"txId\":" + Json.encode(committed.txId()) + ",\"blockNumber\":"
                + committed.blockNumber() + "}";
    }
}
