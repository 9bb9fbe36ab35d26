package org.metroledger.gateway.failure;

/** The one place error codes become HTTP statuses, for the API and the pages alike. */
public final class HttpStatuses {
    private HttpStatuses() {}

    public static int of(ApiCode code) {
        return switch (code) {
            case INVALID_ARGUMENT -> 400;
            case UNAUTHENTICATED -> 401;
            case FORBIDDEN, IDENTITY_REFUSED -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT, MVCC_READ_CONFLICT -> 409;
            case PAYLOAD_TOO_LARGE -> 413;
            case UNSUPPORTED_MEDIA_TYPE -> 415;
            case SIGNATURE_INVALID -> 422;
            case TOO_MANY_REQUESTS -> 429;
            case UNAVAILABLE, STORE_CORRUPTED -> 503;
            case INTERNAL -> 500;
        };
    }
}
