package org.metroledger.gateway.qr;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.metroledger.chaincode.registry.Lab;
import org.metroledger.gateway.contracts.Contracts;
import org.metroledger.gateway.contracts.Listings;
import org.metroledger.gateway.identity.Member;

/** Reads the trust list off the ledger: every lab of the registry's ListLabs, page by page. */
public final class LedgerTrustList {
    private static final int PAGE_SIZE = 100;
    /** Stops a misbehaving bookmark from looping forever; far above any real number of labs. */
    private static final int MAX_PAGES = 1000;

    private final Contracts contracts;
    private final Member reader;
    private final Clock clock;

    public LedgerTrustList(Contracts contracts, Member reader, Clock clock) {
        this.contracts = contracts;
        this.reader = reader;
        this.clock = clock;
    }

    public CompletableFuture<TrustList> current() {
        // Height first: the list then holds at least what the ledger had at that height.
        long height = contracts.ledger().height();
        String generatedAt = clock.instant().toString();
        return Listings.pages(paging -> contracts.registry().listLabs(reader, paging), PAGE_SIZE, MAX_PAGES)
                .thenApply(pages -> {
                    List<Lab> labs = new ArrayList<>();
                    pages.forEach(page -> labs.addAll(page.value().items()));
                    return new TrustList(generatedAt, height, labs);
                });
    }
}
