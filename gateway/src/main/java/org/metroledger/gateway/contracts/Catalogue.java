package org.metroledger.gateway.contracts;

import java.util.concurrent.CompletableFuture;
import org.metroledger.chaincode.catalogue.Capability;
import org.metroledger.chaincode.catalogue.CatalogueContract.Search;
import org.metroledger.chaincode.state.Page;
import org.metroledger.gateway.identity.Member;
import org.metroledger.gateway.ledger.Ledger;

/** The catalogue contract: the public capability catalogue (能力目录). */
public final class Catalogue {
    private static final AnswerType<Page<Capability>> PAGE = AnswerType.pageOf(Capability.class);

    private final Functions functions;

    Catalogue(Ledger ledger) {
        this.functions = new Functions(ledger, "catalogue");
    }

    /** A page of the scope lines matching the search (its bookmark as the chaincode answers it). */
    public CompletableFuture<Answer<Page<Capability>>> search(Member who, Search query) {
        return functions.evaluate(who, "Search", Request.of(query), PAGE);
    }
}
