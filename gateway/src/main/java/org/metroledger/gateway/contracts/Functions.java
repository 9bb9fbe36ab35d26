package org.metroledger.gateway.contracts;

import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import org.metroledger.gateway.identity.Member;
import org.metroledger.gateway.ledger.Ledger;
import org.metroledger.gateway.ledger.ReadAnswer;

/** The transaction functions of one contract, called by name: the only place names are spelt out. */
final class Functions {
    private final Ledger ledger;
    private final String contract;

    Functions(Ledger ledger, String contract) {
        this.ledger = ledger;
        this.contract = contract;
    }

    Ledger ledger() {
        return ledger;
    }

    /** Submits as {@code who}; completes once the transaction is committed valid. */
    <T> CompletableFuture<Written<T>> submit(Member who, String function, Request<?> request, AnswerType<T> type) {
        return Futures.map(
                ledger.submit(who, name(function), request.arguments()), committed -> new Written<>(committed, type));
    }

    /**
     * Submits like {@link #submit}, except that an endorsed answer {@code idle} says writes nothing
     * is not ordered (see {@link Ledger#submitUnless}).
     */
    <T> CompletableFuture<Written<T>> submitUnless(
            Member who, String function, Request<?> request, AnswerType<T> type, Predicate<T> idle) {
        return Futures.map(
                ledger.submitUnless(who, name(function), request.arguments(), json -> idle.test(type.read(json))),
                committed -> new Written<>(committed, type));
    }

    /** Evaluates as {@code who} against committed state. */
    <T> CompletableFuture<Answer<T>> evaluate(Member who, String function, Request<?> request, AnswerType<T> type) {
        return Futures.map(evaluateJson(who, function, request), json -> new Answer<>(json, type));
    }

    /** Evaluates as {@code who} and answers the chaincode's JSON text. */
    CompletableFuture<String> evaluateJson(Member who, String function, Request<?> request) {
        return ledger.evaluate(who, name(function), request.arguments());
    }

    /** Evaluates and says what the answer read (see {@link Ledger#evaluateTracked}). */
    CompletableFuture<ReadAnswer> evaluateTracked(Member who, String function, Request<?> request) {
        return ledger.evaluateTracked(who, name(function), request.arguments());
    }

    private String name(String function) {
        return contract + ":" + function;
    }
}
