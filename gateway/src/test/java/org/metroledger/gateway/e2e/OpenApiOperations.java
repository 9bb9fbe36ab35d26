package org.metroledger.gateway.e2e;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.metroledger.gateway.http.GatewayVerticle;

/**
 * The operations of the OpenAPI document the gateway serves, each with a request built from its
 * own schemas: the path with its parameters filled in, and a JSON body holding only the fields the
 * schema requires, every optional one left out. Values are plausible (ids, instants, enum members,
 * array sizes at the minimum) so a request gets past the schema into the contract's own checks.
 */
final class OpenApiOperations {
    /** One operation of the document and the request built for it. */
    record Operation(
            String operationId,
            HttpMethod method,
            String path,
            boolean secured,
            JsonObject body,
            List<String> mediaTypes) {
        boolean hasJsonBody() {
            return body != null;
        }

        @Override
        public String toString() {
            return operationId + " " + method + " " + path;
        }
    }

    private final JsonObject document;
    private final String suffix;
    private int instants;

    /**
     * @param suffix appended to every id made up, so requests of one run never meet another run's records
     */
    OpenApiOperations(String suffix) {
        this(read(), suffix);
    }

    /** The operations of a document as given, e.g. the one a gateway serves at /openapi.json. */
    OpenApiOperations(JsonObject document, String suffix) {
        this.document = document;
        this.suffix = suffix;
    }

    /** Every operation of the document, in its order. */
    List<Operation> all() {
        List<Operation> operations = new ArrayList<>();
        JsonObject paths = document.getJsonObject("paths");
        for (String path : paths.fieldNames()) {
            JsonObject item = paths.getJsonObject(path);
            for (String method : item.fieldNames()) {
                if (method.equals("parameters")) {
                    continue;
                }
                JsonObject operation = item.getJsonObject(method);
                JsonArray security = operation.getJsonArray("security", document.getJsonArray("security"));
                boolean secured = security != null && !security.isEmpty();
                operations.add(new Operation(
                        operation.getString("operationId"),
                        HttpMethod.valueOf(method.toUpperCase(java.util.Locale.ROOT)),
                        filledPath(path),
                        secured,
                        jsonBody(operation),
                        mediaTypes(operation)));
            }
        }
        return operations;
    }

    private String filledPath(String path) {
        String filled = path.replace("{n}", "0").replace("{type}", "Certificate");
        return filled.replaceAll("\\{[^}]+}", "id-" + suffix);
    }

    /** The media types the operation's request body may have; none when it takes no body. */
    private static List<String> mediaTypes(JsonObject operation) {
        JsonObject requestBody = operation.getJsonObject("requestBody");
        return requestBody == null
                ? List.of()
                : List.copyOf(requestBody.getJsonObject("content").fieldNames());
    }

    private JsonObject jsonBody(JsonObject operation) {
        JsonObject requestBody = operation.getJsonObject("requestBody");
        if (requestBody == null) {
            return null;
        }
        JsonObject json = requestBody.getJsonObject("content").getJsonObject("application/json");
        if (json == null) {
            return null;
        }
        Object sample = sample("body", json.getJsonObject("schema"));
        return sample instanceof JsonObject object ? object : new JsonObject();
    }

    /** A value for a schema; objects hold their required properties only. */
    private Object sample(String name, JsonObject schema) {
        schema = resolve(schema);
        if (schema.containsKey("enum")) {
            return schema.getJsonArray("enum").getValue(0);
        }
        if (schema.containsKey("const")) {
            return schema.getValue("const");
        }
        String type = schema.getString("type", schema.containsKey("properties") ? "object" : "string");
        return switch (type) {
            case "object" -> {
                JsonObject object = new JsonObject();
                JsonObject properties = schema.getJsonObject("properties", new JsonObject());
                for (Object required : schema.getJsonArray("required", new JsonArray())) {
                    String field = (String) required;
                    object.put(field, sample(field, properties.getJsonObject(field, new JsonObject())));
                }
                yield object;
            }
            case "array" -> {
                JsonArray array = new JsonArray();
                int size = schema.getInteger("minItems", 0);
                for (int i = 0; i < size; i++) {
                    Object item = sample(name, schema.getJsonObject("items", new JsonObject()));
                    array.add(item instanceof String s ? s + "-" + i : item);
                }
                yield array;
            }
            case "integer", "number" -> schema.getInteger("minimum", 1);
            case "boolean" -> true;
            default -> text(name, schema);
        };
    }

    private String text(String name, JsonObject schema) {
        String description = schema.getString("description", "");
        String pattern = schema.getString("pattern", "");
        if ("date-time".equals(schema.getString("format")) || description.contains("ISO-8601")) {
            // Each instant made up is later than the previous one: validFrom before validUntil.
            return (2030 + instants++) + "-01-01T00:00:00Z";
        }
        if (pattern.contains("{64}")) {
            return "ab".repeat(32);
        }
        if (description.contains("decimal")) {
            return "1.5";
        }
        return name.replaceAll("[^A-Za-z0-9]", "") + "-" + suffix;
    }

    private JsonObject resolve(JsonObject schema) {
        String ref = schema.getString("$ref");
        if (ref == null) {
            return schema;
        }
        Object target = document;
        for (String part : ref.substring(2).split("/")) {
            target = ((JsonObject) target).getValue(part);
        }
        return resolve((JsonObject) target);
    }

    private static JsonObject read() {
        try (InputStream in = GatewayVerticle.class.getResourceAsStream(GatewayVerticle.DOCUMENT)) {
            return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
