package org.metroledger.gateway.qr;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.metroledger.chaincode.json.Canonical;
import org.metroledger.chaincode.registry.Lab;
import org.metroledger.gateway.identity.Member;
import org.metroledger.gateway.ledger.Ledger;

/** Reads the trust list off the ledger: every lab of {@code registry:ListLabs}, page by page. */
public final class LedgerTrustList {
    private static final int PAGE_SIZE = 100;
    /** Stops a misbehaving bookmark from looping forever; far above any real number of labs. */
    private static final int MAX_PAGES = 1000;

    private final Ledger ledger;
    private final Member reader;
    private final Clock clock;

    public LedgerTrustList(Ledger ledger, Member reader, Clock clock) {
        this.ledger = ledger;
        this.reader = reader;
        this.clock = clock;
    }

    public CompletableFuture<TrustList> current() {
        // Height first: the list then holds at least what the ledger had at that height.
        long height = ledger.height();
        String generatedAt = clock.instant().toString();
        return page(null, new ArrayList<>(), 0).thenApply(labs -> new TrustList(generatedAt, height, labs));
    }

    private CompletableFuture<List<Lab>> page(String bookmark, List<Lab> labs, int pages) {
        Map<String, Object> request =
                bookmark == null ? Map.of("pageSize", PAGE_SIZE) : Map.of("pageSize", PAGE_SIZE, "bookmark", bookmark);
        return ledger.evaluate(reader, "registry:ListLabs", List.of(Canonical.json(request)))
                .thenCompose(answer -> {
                    JsonNode page = Canonical.tree(answer, "ListLabs answer");
                    page.path("items")
                            .forEach(item -> labs.add(Canonical.mapper().convertValue(item, Lab.class)));
                    String next = page.path("bookmark").asText("");
                    if (next.isEmpty() || page.path("items").isEmpty() || pages + 1 >= MAX_PAGES) {
                        return CompletableFuture.completedFuture(labs);
                    }
                    return page(next, labs, pages + 1);
                });
    }
}
