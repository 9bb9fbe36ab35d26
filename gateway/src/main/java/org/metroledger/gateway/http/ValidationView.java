package org.metroledger.gateway.http;

import io.vertx.core.json.JsonObject;
import java.util.Set;

/**
 * The OpenAPI document as the request validator reads it. Vert.x's validator refuses a document
 * naming media types it cannot parse (text/event-stream, image/png, application/xml), so those
 * entries are dropped from this copy; everything it validates (parameters, JSON bodies) is the
 * served document's, unchanged.
 */
final class ValidationView {
    private static final Set<String> READABLE = Set.of(
            "application/json",
            "application/json; charset=utf-8",
            "application/hal+json",
            "multipart/form-data",
            "application/octet-stream",
            "text/plain",
            "text/plain; charset=utf-8");

    private ValidationView() {}

    static JsonObject of(JsonObject document) {
        JsonObject view = document.copy();
        JsonObject paths = view.getJsonObject("paths", new JsonObject());
        for (String path : paths.fieldNames()) {
            JsonObject item = paths.getJsonObject(path);
            for (String method : item.fieldNames()) {
                if (!(item.getValue(method) instanceof JsonObject operation)) {
                    continue;
                }
                JsonObject body = operation.getJsonObject("requestBody");
                if (body != null && dropUnreadable(body)) {
                    operation.remove("requestBody");
                }
                JsonObject responses = operation.getJsonObject("responses", new JsonObject());
                for (String status : responses.fieldNames()) {
                    dropUnreadable(responses.getJsonObject(status));
                }
            }
        }
        return view;
    }

    /** Removes unreadable media types; answers true when none is left. */
    private static boolean dropUnreadable(JsonObject holder) {
        JsonObject content = holder.getJsonObject("content");
        if (content == null) {
            return false;
        }
        content.fieldNames().removeIf(media -> !READABLE.contains(media));
        if (content.isEmpty()) {
            holder.remove("content");
            return true;
        }
        return false;
    }
}
