package org.metroledger.gateway.web;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;

/**
 * The capability catalogue's search as the API runs it, handed to the {@code /catalogue} page so
 * both turn query parameters into a search alike (the HTTP layer implements it; pages sit below).
 */
@FunctionalInterface
public interface CatalogueSearch {
    /** The search's query parameters, of the API and the page alike. */
    List<String> PARAMETERS =
            List.of("category", "quantity", "range", "region", "labRegion", "at", "pageSize", "bookmark");

    /** One page of hits as JSON for the parameters (null when not given). */
    CompletableFuture<String> search(UnaryOperator<String> parameter);
}
