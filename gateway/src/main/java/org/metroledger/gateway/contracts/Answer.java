package org.metroledger.gateway.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.metroledger.chaincode.json.Canonical;
import org.metroledger.gateway.failure.ApiCode;
import org.metroledger.gateway.ledger.LedgerException;

/**
 * A function's answer: the chaincode's JSON as it came, read as the record {@code T} or as a tree
 * only when asked, so that a route passing the JSON on never parses it.
 *
 * @param <T> the record the chaincode answered
 */
public final class Answer<T> {
    private final String json;
    private final AnswerType<T> type;
    private T value;
    private JsonNode tree;

    Answer(String json, AnswerType<T> type) {
        this.json = json;
        this.type = type;
    }

    /** The chaincode's JSON, byte for byte. */
    public String json() {
        return json;
    }

    /** The answer as its record, read on first use. */
    public synchronized T value() {
        if (value == null) {
            value = type.read(json);
        }
        return value;
    }

    /** The answer as a JSON tree, read on first use; never change it. */
    public synchronized JsonNode tree() {
        if (tree == null) {
            tree = Canonical.tree(json, "answer");
        }
        return tree;
    }

    /**
     * The answer, or null when the record is absent (NOT_FOUND): for the parts of a page that may
     * rightly be missing, such as an entity with no commitment.
     */
    public static <A> CompletableFuture<A> orNull(CompletableFuture<A> read) {
        return read.exceptionally(failure -> {
            Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
            if (cause instanceof LedgerException e && e.code() == ApiCode.NOT_FOUND) {
                return null;
            }
            throw failure instanceof RuntimeException r ? r : new CompletionException(failure);
        });
    }
}
