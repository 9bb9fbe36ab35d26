package org.metroledger.gateway.http;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import io.vertx.openapi.validation.ValidatorException;
import java.lang.System.Logger.Level;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.metroledger.gateway.failure.ApiCode;
import org.metroledger.gateway.failure.CodedFailure;
import org.metroledger.gateway.failure.HttpStatuses;

/**
 * Turns every failure into {@code {"error":{"code","message"}}} with the one HTTP status its code
 * maps to. Anything not recognised is a fault of ours: 500 INTERNAL with an error id that is logged.
 */
public final class Failures implements Handler<RoutingContext> {
    private static final System.Logger LOG = System.getLogger(Failures.class.getName());

    /** Sends an error answer; the connection stays usable. */
    public static void send(RoutingContext ctx, ApiCode code, String message) {
        if (ctx.response().headWritten()) {
            // Too late for a status (e.g. a broken event stream): all we can do is stop.
            ctx.response().reset();
            return;
        }
        send(ctx.response(), HttpStatuses.of(code), code, message);
    }

    /**
     * Sends an error answer with a status the HTTP layer decided (e.g. 414 for an overlong request
     * line, which no error code names).
     */
    static void send(HttpServerResponse response, int status, ApiCode code, String message) {
        JsonObject body = new JsonObject()
                .put("error", new JsonObject().put("code", code.name()).put("message", message));
        response.setStatusCode(status)
                .putHeader("Content-Type", "application/json; charset=utf-8")
                .end(body.toBuffer());
    }

    @Override
    public void handle(RoutingContext ctx) {
        if (unwrap(ctx.failure()) instanceof HttpClosedException) {
            // The client left before its request was read or answered: no one to answer, no fault of ours.
            LOG.log(
                    Level.DEBUG,
                    () -> "client closed the connection during " + ctx.request().method() + " "
                            + ctx.request().path());
            return;
        }
        Problem problem = problemOf(unwrap(ctx.failure()), ctx.statusCode(), ctx);
        if (problem.code() == ApiCode.INTERNAL) {
            String errorId = UUID.randomUUID().toString();
            LOG.log(
                    Level.ERROR,
                    "error " + errorId + " answering " + ctx.request().method() + " "
                            + ctx.request().path(),
                    ctx.failure());
            send(ctx, ApiCode.INTERNAL, "internal error " + errorId);
            return;
        }
        send(ctx, problem.code(), problem.message());
    }

    private record Problem(ApiCode code, String message) {}

    private static Problem problemOf(Throwable failure, int status, RoutingContext ctx) {
        if (failure instanceof CodedFailure f) {
            return new Problem(f.code(), f.getMessage());
        }
        if (failure instanceof ValidatorException f) {
            return new Problem(validationCode(f), f.getMessage());
        }
        if (failure instanceof DecodeException) {
            return new Problem(ApiCode.INVALID_ARGUMENT, "request body is not valid JSON");
        }
        if (failure instanceof HttpException f) {
            if (f.getCause() != null && f.getCause() != f) {
                Problem cause = problemOf(unwrap(f.getCause()), f.getStatusCode(), ctx);
                if (cause.code() != ApiCode.INTERNAL) {
                    return cause;
                }
            }
            return byStatus(f.getStatusCode(), ctx);
        }
        if (failure == null) {
            return byStatus(status, ctx);
        }
        return new Problem(ApiCode.INTERNAL, "");
    }

    private static Problem byStatus(int status, RoutingContext ctx) {
        String what = ctx.request().method() + " " + ctx.request().path();
        return switch (status) {
            case 400 -> new Problem(ApiCode.INVALID_ARGUMENT, "bad request: " + what);
            case 401 -> new Problem(ApiCode.UNAUTHENTICATED, "a valid bearer token is required");
            case 403 -> new Problem(ApiCode.FORBIDDEN, "forbidden: " + what);
            // An unknown method on a known path is, for the caller, an operation that does not exist.
            case 404, 405 -> new Problem(ApiCode.NOT_FOUND, "no operation " + what);
            case 413 -> new Problem(ApiCode.PAYLOAD_TOO_LARGE, "request body is too large");
            case 415 -> new Problem(ApiCode.UNSUPPORTED_MEDIA_TYPE, "unsupported content type");
            default -> new Problem(ApiCode.INTERNAL, "");
        };
    }

    private static ApiCode validationCode(ValidatorException e) {
        return switch (e.type()) {
            case UNSUPPORTED_VALUE_FORMAT -> ApiCode.UNSUPPORTED_MEDIA_TYPE;
            case MISSING_OPERATION -> ApiCode.NOT_FOUND;
            default -> ApiCode.INVALID_ARGUMENT;
        };
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
