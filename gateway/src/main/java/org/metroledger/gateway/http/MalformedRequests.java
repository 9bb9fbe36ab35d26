package org.metroledger.gateway.http;

import io.netty.handler.codec.TooLongFrameException;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import org.metroledger.gateway.failure.ApiCode;

/**
 * Answers requests the HTTP decoder could not read (an overlong request line, oversized headers,
 * garbage) in the error shape. Vert.x's own handler answers these with an empty body, before any
 * route, so no failure handler of the router ever sees them.
 */
final class MalformedRequests implements Handler<HttpServerRequest> {
    @Override
    public void handle(HttpServerRequest request) {
        Throwable cause = request.decoderResult().cause();
        String what = cause == null || cause.getMessage() == null ? "" : cause.getMessage();
        // The connection's framing cannot be trusted after a request it could not decode: the
        // server closes it, and says so, or a client would send its next request into it.
        request.response().putHeader("Connection", "close");
        if (cause instanceof TooLongFrameException && what.startsWith("An HTTP line is larger than")) {
            Failures.send(request.response(), 414, ApiCode.INVALID_ARGUMENT, "the request line is too long: " + what);
        } else if (cause instanceof TooLongFrameException && what.startsWith("HTTP header is larger than")) {
            Failures.send(
                    request.response(), 431, ApiCode.INVALID_ARGUMENT, "the request headers are too large: " + what);
        } else {
            Failures.send(request.response(), 400, ApiCode.INVALID_ARGUMENT, "the request is not valid HTTP");
        }
    }
}
