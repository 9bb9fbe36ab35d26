package org.metroledger.gateway.http;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.regex.Pattern;
import org.metroledger.gateway.contracts.Request;
import org.metroledger.gateway.failure.ApiFailure;

/** Light shaping of requests into the one JSON argument a contract function takes. */
public final class Requests {
    private static final Pattern WHOLE_NUMBER = Pattern.compile("[0-9]{1,18}");

    private Requests() {}

    /** The body as sent; validation has already checked it is a JSON object of the right shape. */
    public static <T> Request<T> body(RoutingContext ctx) {
        return Request.sent(ctx.body().asString());
    }

    /** The body with a path parameter added as a field (see {@link #bodyWithText}). */
    public static <T> Request<T> bodyWith(RoutingContext ctx, String field, String pathParam) {
        return Request.sent(bodyWithText(ctx, field, pathParam));
    }

    /**
     * The body with a path parameter added as a field, e.g. the certificate id of
     * {@code /certificates/{id}/revocation}. A body naming a different value is refused.
     */
    static String bodyWithText(RoutingContext ctx, String field, String pathParam) {
        JsonObject body = ctx.body().isEmpty() ? new JsonObject() : ctx.body().asJsonObject();
        String value = ctx.pathParam(pathParam);
        Object given = body.getValue(field);
        if (given != null && !value.equals(given)) {
            throw ApiFailure.invalid(field, "in the body ('" + given + "') differs from the path ('" + value + "')");
        }
        return body.put(field, value).encode();
    }

    /** A request object of named values; null values are left out. */
    public static String of(Object... namesAndValues) {
        JsonObject request = new JsonObject();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                request.put((String) namesAndValues[i], namesAndValues[i + 1]);
            }
        }
        return request.encode();
    }

    /**
     * A whole number given as text in a path or query parameter, or null when absent. The validator
     * reads "1.0", "1e1" and "1 " as integers too; the handlers take plain digits only, so such
     * spellings are refused here, naming the parameter, rather than failing a parse later.
     */
    public static Long wholeNumber(String name, String text) {
        if (text == null) {
            return null;
        }
        if (!WHOLE_NUMBER.matcher(text).matches()) {
            throw ApiFailure.invalid(name, "must be a whole number in plain digits (got '" + text + "')");
        }
        return Long.valueOf(text);
    }
}
