package org.metroledger.gateway.contracts;

import java.util.concurrent.CompletableFuture;
import org.metroledger.chaincode.notice.Notice;
import org.metroledger.chaincode.notice.NoticeContract.DueNotices;
import org.metroledger.chaincode.notice.NoticeContract.DueQuery;
import org.metroledger.chaincode.state.ById;
import org.metroledger.gateway.identity.Member;
import org.metroledger.gateway.ledger.Ledger;

/** The notice contract: expiry and overdue notices due, announced once, read. */
public final class Notices {
    private static final AnswerType<Notice> NOTICE = AnswerType.of(Notice.class);
    private static final AnswerType<DueNotices> DUE = AnswerType.of(DueNotices.class);

    private final Functions functions;

    Notices(Ledger ledger) {
        this.functions = new Functions(ledger, "notice");
    }

    /** The notices due for a region or an entity that are not recorded yet. */
    public CompletableFuture<Answer<DueNotices>> due(Member who, DueQuery query) {
        return functions.evaluate(who, "Due", Request.of(query), DUE);
    }

    /** Records a notice that is due, once. */
    public CompletableFuture<Written<Notice>> announce(Member who, String id) {
        return functions.submit(who, "Announce", Request.of(new ById(id)), NOTICE);
    }

    public CompletableFuture<Answer<Notice>> get(Member who, String id) {
        return functions.evaluate(who, "Get", Request.of(new ById(id)), NOTICE);
    }
}
