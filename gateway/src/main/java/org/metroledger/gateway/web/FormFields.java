package org.metroledger.gateway.web;

import io.netty.handler.codec.http.QueryStringDecoder;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.metroledger.gateway.failure.ApiCode;
import org.metroledger.gateway.failure.ApiFailure;

/**
 * Reads the small url-encoded form of a sign-in or sign-out, bounded in bytes and fields, without
 * Vert.x's form decoder (whose overflows surface as faults of ours). Every failure is a 4xx.
 */
final class FormFields implements Handler<RoutingContext> {
    static final String MEDIA_TYPE = "application/x-www-form-urlencoded";
    private static final String KEY = "metroledger.form";

    private final int maxBytes;
    private final int maxFields;

    FormFields(int maxBytes, int maxFields) {
        this.maxBytes = maxBytes;
        this.maxFields = maxFields;
    }

    /** The fields a {@link FormFields} in front of the route read; each given at most once. */
    static Map<String, String> of(RoutingContext ctx) {
        Map<String, String> fields = ctx.get(KEY);
        if (fields == null) {
            throw new IllegalStateException("route has no form reader in front of it");
        }
        return fields;
    }

    @Override
    public void handle(RoutingContext ctx) {
        String type = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
        String media = type == null ? "" : type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!MEDIA_TYPE.equals(media)) {
            refuse(ctx, ApiCode.UNSUPPORTED_MEDIA_TYPE, "Content-Type must be " + MEDIA_TYPE);
            return;
        }
        String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && (!length.matches("[0-9]{1,10}") || Long.parseLong(length) > maxBytes)) {
            refuse(ctx, ApiCode.PAYLOAD_TOO_LARGE, "the form is larger than " + maxBytes + " bytes");
            return;
        }
        Buffer body = Buffer.buffer();
        boolean[] refused = {false};
        ctx.request().handler(chunk -> {
            if (refused[0]) {
                return;
            }
            if (body.length() + chunk.length() > maxBytes) {
                refused[0] = true;
                refuse(ctx, ApiCode.PAYLOAD_TOO_LARGE, "the form is larger than " + maxBytes + " bytes");
                return;
            }
            body.appendBuffer(chunk);
        });
        ctx.request().exceptionHandler(ctx::fail);
        ctx.request().endHandler(end -> {
            if (refused[0]) {
                return;
            }
            try {
                ctx.put(KEY, parse(body.toString(StandardCharsets.UTF_8)));
            } catch (ApiFailure e) {
                ctx.fail(e);
                return;
            }
            ctx.next();
        });
        ctx.request().resume();
    }

    private Map<String, String> parse(String body) {
        Map<String, List<String>> decoded;
        try {
            decoded = new QueryStringDecoder(body, StandardCharsets.UTF_8, false, maxFields + 1, true).parameters();
        } catch (IllegalArgumentException e) {
            throw ApiFailure.invalid("form", "has a broken percent-escape");
        }
        int count = decoded.values().stream().mapToInt(List::size).sum();
        if (count > maxFields) {
            throw ApiFailure.invalid("form", "has more than " + maxFields + " fields");
        }
        Map<String, String> fields = new HashMap<>();
        decoded.forEach((name, values) -> {
            if (values.size() > 1) {
                throw ApiFailure.invalid(name, "is given twice");
            }
            fields.put(name, values.get(0));
        });
        return fields;
    }

    /** The rest of the body is not read: the connection closes rather than parse it as a next request. */
    private static void refuse(RoutingContext ctx, ApiCode code, String message) {
        ctx.response().putHeader("Connection", "close");
        ctx.fail(ApiFailure.of(code, message));
    }
}
