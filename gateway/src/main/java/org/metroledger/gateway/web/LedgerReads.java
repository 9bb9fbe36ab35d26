package org.metroledger.gateway.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.metroledger.chaincode.error.ErrorCode;
import org.metroledger.chaincode.json.Canonical;
import org.metroledger.gateway.identity.Member;
import org.metroledger.gateway.ledger.Ledger;
import org.metroledger.gateway.ledger.LedgerException;

/** Evaluates contract functions for the pages and reads their answers as JSON trees. */
final class LedgerReads {
    private final Ledger ledger;

    LedgerReads(Ledger ledger) {
        this.ledger = ledger;
    }

    Ledger ledger() {
        return ledger;
    }

    CompletableFuture<JsonNode> read(Member who, String function, Map<String, ?> request) {
        return ledger.evaluate(who, function, List.of(Canonical.json(request)))
                .thenApply(answer -> Canonical.tree(answer, function));
    }

    /**
     * The same, answering null when the record is absent (NOT_FOUND): for the parts of a page that
     * may rightly be missing, such as an entity with no commitment.
     */
    CompletableFuture<JsonNode> optional(Member who, String function, Map<String, ?> request) {
        return read(who, function, request).exceptionally(failure -> {
            Throwable cause =
                    failure instanceof java.util.concurrent.CompletionException ? failure.getCause() : failure;
            if (cause instanceof LedgerException e && e.code() == ErrorCode.NOT_FOUND) {
                return null;
            }
            throw failure instanceof RuntimeException r ? r : new java.util.concurrent.CompletionException(failure);
        });
    }
}
