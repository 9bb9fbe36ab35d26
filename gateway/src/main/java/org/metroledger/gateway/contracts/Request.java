package org.metroledger.gateway.contracts;

import java.util.List;
import java.util.Objects;
import org.metroledger.chaincode.json.Canonical;

/**
 * The one JSON argument of a transaction function, typed by the chaincode's request record {@code
 * T}. Either built from such a record, or a client's document passed through as sent once the
 * OpenAPI document has validated it: the chaincode reads and checks it either way, so it is not
 * parsed here.
 *
 * @param <T> the record the function reads its argument as
 */
public final class Request<T> {
    private static final Request<Void> NONE = new Request<>(null);

    private final String json;

    private Request(String json) {
        this.json = json;
    }

    /** A request built by the gateway, serialised as the chaincode serialises. */
    public static <T> Request<T> of(T request) {
        return new Request<>(Canonical.json(Objects.requireNonNull(request, "request")));
    }

    /** A client's JSON document, as sent (already checked against the API's schema of this request). */
    public static <T> Request<T> sent(String json) {
        return new Request<>(Objects.requireNonNull(json, "json"));
    }

    /** For the functions that take no argument. */
    static Request<Void> none() {
        return NONE;
    }

    /** The JSON text sent to the chaincode, or null when the function takes no argument. */
    public String json() {
        return json;
    }

    List<String> arguments() {
        return json == null ? List.of() : List.of(json);
    }
}
