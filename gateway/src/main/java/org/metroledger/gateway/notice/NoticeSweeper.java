package org.metroledger.gateway.notice;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.metroledger.chaincode.notice.Notice;
import org.metroledger.chaincode.notice.NoticeContract.DueQuery;
import org.metroledger.gateway.contracts.Contracts;
import org.metroledger.gateway.failure.ApiCode;
import org.metroledger.gateway.identity.Member;
import org.metroledger.gateway.ledger.LedgerException;

/**
 * Asks the ledger which notices are due for a region or an entity and announces each, as the
 * member given: the ledger records each once, so sweeps by several gateways, or again, announce
 * nothing twice (a notice announced meanwhile is skipped).
 */
public final class NoticeSweeper {
    private final Contracts contracts;

    public NoticeSweeper(Contracts contracts) {
        this.contracts = contracts;
    }

    /** The ids of the notices this sweep announced, in the order the ledger listed them. */
    public CompletableFuture<List<String>> sweep(Member who, DueQuery scope) {
        return contracts.notices().due(who, scope).thenCompose(answer -> {
            List<String> announced = new ArrayList<>();
            CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
            for (Notice notice : answer.value().notices()) {
                chain = chain.thenCompose(v -> contracts
                        .notices()
                        .announce(who, notice.id())
                        .handle((written, failure) -> {
                            if (failure == null) {
                                synchronized (announced) {
                                    announced.add(notice.id());
                                }
                                return null;
                            }
                            Throwable cause = failure instanceof CompletionException c ? c.getCause() : failure;
                            if (cause instanceof LedgerException e && e.code() == ApiCode.CONFLICT) {
                                return null;
                            }
                            throw failure instanceof CompletionException c ? c : new CompletionException(failure);
                        }));
            }
            return chain.thenApply(v -> List.copyOf(announced));
        });
    }
}
