package org.metroledger.gateway.contracts;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.metroledger.chaincode.state.Listing;
import org.metroledger.chaincode.state.Page;

/** Reads a listing page by page, following the chaincode's bookmarks: the one walk over pages. */
public final class Listings {
    private Listings() {}

    /**
     * Every page of a listing from the first, {@code pageSize} items a page, until a page is the last
     * (empty bookmark) or empty, or {@code maxPages} pages are read (a bookmark that never ends).
     */
    public static <T> CompletableFuture<List<Answer<Page<T>>>> pages(
            Function<Listing, CompletableFuture<Answer<Page<T>>>> listing, int pageSize, int maxPages) {
        return from(listing, new Listing(pageSize, null), new ArrayList<>(), maxPages);
    }

    private static <T> CompletableFuture<List<Answer<Page<T>>>> from(
            Function<Listing, CompletableFuture<Answer<Page<T>>>> listing,
            Listing paging,
            List<Answer<Page<T>>> pages,
            int maxPages) {
        return Futures.then(listing.apply(paging), page -> {
            pages.add(page);
            String next = page.value().bookmark();
            if (next == null || next.isEmpty() || page.value().items().isEmpty() || pages.size() >= maxPages) {
                return CompletableFuture.completedFuture(pages);
            }
            return from(listing, new Listing(paging.pageSize(), next), pages, maxPages);
        });
    }
}
