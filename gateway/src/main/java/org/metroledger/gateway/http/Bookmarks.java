package org.metroledger.gateway.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Page bookmarks as clients carry them. The chaincode's bookmark is a composite state key with NUL
 * separators, which no URL query can carry; clients get it as base64url and send it back so.
 */
final class Bookmarks {
    private Bookmarks() {}

    /** The bookmark to hand a client; empty (the last page) stays empty. */
    static String toClient(String chaincodeBookmark) {
        if (chaincodeBookmark == null || chaincodeBookmark.isEmpty()) {
            return "";
        }
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(chaincodeBookmark.getBytes(StandardCharsets.UTF_8));
    }

    /** The chaincode's bookmark from a client's, or null when none was given. */
    static String fromClient(String clientBookmark) {
        if (clientBookmark == null || clientBookmark.isEmpty()) {
            return null;
        }
        try {
            return new String(Base64.getUrlDecoder().decode(clientBookmark), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiFailure.invalid("bookmark", "is not a bookmark this listing answered");
        }
    }
}
