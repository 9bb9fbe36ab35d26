package org.metroledger.gateway.http;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.openapi.contract.Operation;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.metroledger.gateway.failure.ApiCode;
import org.metroledger.gateway.failure.ApiFailure;

/**
 * Reads a request body only where the operation declares one, and only of a media type it declares
 * (else 415, before a byte is read), up to 1 MiB or, where a route asked for it, 16 MiB; beyond: 413.
 * No operation takes a form, so the form and multipart decoders never run: a body sent to an
 * operation without one is left unread, and the connection discards it.
 */
final class RequestBodies {
    static final long JSON_BODY_BYTES = 1L << 20;
    static final long LARGE_BODY_BYTES = 16L << 20;

    private RequestBodies() {}

    /**
     * The media types each operation's request body may have, from the served document (the
     * validator's copy lacks those it cannot parse, such as application/xml).
     */
    static Map<String, Set<String>> declared(JsonObject document) {
        Map<String, Set<String>> declared = new HashMap<>();
        JsonObject paths = document.getJsonObject("paths", new JsonObject());
        for (String path : paths.fieldNames()) {
            JsonObject item = paths.getJsonObject(path);
            for (String method : item.fieldNames()) {
                if (item.getValue(method) instanceof JsonObject operation
                        && operation.getJsonObject("requestBody") != null) {
                    JsonObject content =
                            operation.getJsonObject("requestBody").getJsonObject("content", new JsonObject());
                    declared.put(operation.getString("operationId"), new TreeSet<>(content.fieldNames()));
                }
            }
        }
        return declared;
    }

    /** The body handler of one operation; null when it takes no body. */
    static Handler<RoutingContext> of(Operation operation, Set<String> mediaTypes, boolean large) {
        if (mediaTypes == null || mediaTypes.isEmpty()) {
            return null;
        }
        BodyHandler reader = BodyHandler.create(false).setBodyLimit(large ? LARGE_BODY_BYTES : JSON_BODY_BYTES);
        return ctx -> {
            String contentType = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
            if (contentType != null && !mediaTypes.contains(contentType.split(";", 2)[0].strip())) {
                ctx.response().putHeader("Connection", "close");
                ctx.fail(ApiFailure.of(
                        ApiCode.UNSUPPORTED_MEDIA_TYPE,
                        "Content-Type " + contentType.split(";", 2)[0].strip() + " is not accepted by "
                                + operation.getOperationId() + ": send " + String.join(" or ", mediaTypes)));
                return;
            }
            reader.handle(ctx);
        };
    }
}
