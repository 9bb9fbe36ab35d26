package org.metroledger.gateway.http;

import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;
import org.metroledger.chaincode.catalogue.CatalogueContract;
import org.metroledger.chaincode.state.Listing;
import org.metroledger.gateway.contracts.Contracts;
import org.metroledger.gateway.failure.ApiFailure;
import org.metroledger.gateway.identity.Member;

/**
 * The capability catalogue (DESIGN §4): {@code GET /api/v1/capabilities}. The {@code /catalogue}
 * page searches through {@link #search} too, so both turn query parameters into a search alike.
 */
public final class CatalogueRoutes implements RouteGroup {
    private final Contracts contracts;
    private final Member reader;

    CatalogueRoutes(Contracts contracts, Member reader) {
        this.contracts = contracts;
        this.reader = reader;
    }

    @Override
    public void register(Api api) {
        api.on(
                "searchCapabilities",
                ctx -> LedgerAnswers.onContext(ctx, search(contracts, reader, ctx.queryParams()::get))
                        .onSuccess(page -> LedgerAnswers.json(ctx, 200, page))
                        .onFailure(ctx::fail));
    }

    /**
     * One page of the catalogue for the query parameters (null or blank when not given), as JSON
     * with its bookmark as clients carry it (base64url). A bad page size or bookmark throws an
     * {@link ApiFailure}; the chaincode refuses the other bad parameters, naming them.
     */
    public static CompletableFuture<String> search(
            Contracts contracts, Member reader, UnaryOperator<String> parameter) {
        UnaryOperator<String> given = name -> {
            String value = parameter.apply(name);
            return value == null || value.isBlank() ? null : value.strip();
        };
        Listing paging = Bookmarks.paging(given);
        CatalogueContract.Search query = new CatalogueContract.Search(
                given.apply("category"),
                given.apply("quantity"),
                given.apply("range"),
                given.apply("region"),
                given.apply("labRegion"),
                given.apply("at"),
                paging.pageSize(),
                paging.bookmark());
        return contracts.catalogue().search(reader, query).thenApply(Bookmarks::forClient);
    }
}
