package org.metroledger.gateway.contracts;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.metroledger.chaincode.audit.AuditContract.TypedId;
import org.metroledger.chaincode.state.HistoryEntry;
import org.metroledger.gateway.identity.Member;
import org.metroledger.gateway.ledger.Ledger;

/** The audit contract: every committed version of a record of any type. */
public final class Audit {
    private final Functions functions;

    Audit(Ledger ledger) {
        this.functions = new Functions(ledger, "audit");
    }

    /** Every committed version of a record of any type, newest first. */
    public CompletableFuture<Answer<List<HistoryEntry>>> history(Member who, String type, String id) {
        return functions.evaluate(
                who, "History", Request.of(new TypedId(type, id)), AnswerType.listOf(HistoryEntry.class));
    }
}
