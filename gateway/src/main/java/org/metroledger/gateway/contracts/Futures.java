package org.metroledger.gateway.contracts;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * Continues a ledger future so that a failure stays the ledger's own exception, as {@code Ledger}
 * answers it: {@code thenApply}/{@code thenCompose} would wrap it in a CompletionException, and
 * callers recover from a {@code LedgerException} by its code.
 */
final class Futures {
    private Futures() {}

    static <A, B> CompletableFuture<B> then(
            CompletableFuture<A> future, Function<? super A, ? extends CompletionStage<B>> next) {
        CompletableFuture<B> result = new CompletableFuture<>();
        future.whenComplete((value, failure) -> {
            if (failure != null) {
                result.completeExceptionally(unwrap(failure));
                return;
            }
            try {
                next.apply(value).whenComplete((answer, later) -> {
                    if (later != null) {
                        result.completeExceptionally(unwrap(later));
                    } else {
                        result.complete(answer);
                    }
                });
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    static <A, B> CompletableFuture<B> map(CompletableFuture<A> future, Function<? super A, ? extends B> next) {
        return then(future, value -> CompletableFuture.completedFuture(next.apply(value)));
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }
}
