package org.metroledger.gateway.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;
import org.metroledger.chaincode.json.Canonical;
import org.metroledger.chaincode.state.Listing;
import org.metroledger.chaincode.state.Page;
import org.metroledger.gateway.contracts.Answer;
import org.metroledger.gateway.failure.ApiFailure;

/**
 * Page bookmarks as clients carry them. The chaincode's bookmark is a composite state key with NUL
 * separators, which no URL query can carry; clients get it as base64url and send it back so.
 */
public final class Bookmarks {
    private Bookmarks() {}

    /** The page a listing's {@code pageSize} and {@code bookmark} query parameters ask for. */
    static Listing paging(RoutingContext ctx) {
        return paging(ctx.queryParams()::get);
    }

    /**
     * The page the {@code pageSize} and {@code bookmark} parameters ask for (null when absent); a
     * page size that is no whole number, or a bookmark no listing answered, is an {@link ApiFailure}
     * naming it. The chaincode checks the size's range and that the bookmark is of its listing.
     */
    public static Listing paging(UnaryOperator<String> parameter) {
        Long size = Requests.wholeNumber("pageSize", parameter.apply("pageSize"));
        if (size != null && size > Integer.MAX_VALUE) {
            throw ApiFailure.invalid("pageSize", "is too large (got " + size + ")");
        }
        return new Listing(size == null ? null : size.intValue(), fromClient(parameter.apply("bookmark")));
    }

    /** Answers 200 with a page of a listing, its bookmark as the client carries it. */
    static void page(RoutingContext ctx, CompletableFuture<? extends Answer<? extends Page<?>>> page) {
        LedgerAnswers.onContext(ctx, page)
                .map(Bookmarks::forClient)
                .onSuccess(json -> LedgerAnswers.json(ctx, 200, json))
                .onFailure(ctx::fail);
    }

    /** A page of a listing as JSON, its bookmark as the client carries it. */
    public static String forClient(Answer<? extends Page<?>> page) {
        ObjectNode json = page.tree().deepCopy();
        json.put("bookmark", toClient(json.path("bookmark").asText(null)));
        return Canonical.json(json);
    }

    /** The bookmark to hand a client; empty (the last page) stays empty. */
    public static String toClient(String chaincodeBookmark) {
        if (chaincodeBookmark == null || chaincodeBookmark.isEmpty()) {
            return "";
        }
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(chaincodeBookmark.getBytes(StandardCharsets.UTF_8));
    }

    /** The chaincode's bookmark from a client's, or null when none was given. */
    public static String fromClient(String clientBookmark) {
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
