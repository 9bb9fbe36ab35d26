package org.metroledger.chaincode.state;

import org.metroledger.chaincode.json.Canonical;
import org.metroledger.chaincode.json.Check;

/**
 * A request that changes one record and says why (revoke, withdraw, terminate, repair, renew): the
 * id and the reason are checked alike wherever a record's standing changes.
 */
public interface ReasonedChange {
    /** Longest reason a change may give. */
    int MAX_REASON = 1000;

    String id();

    String reason();

    /** The request read, its {@code id} and then its {@code reason} checked (INVALID_ARGUMENT naming the field). */
    static <T extends ReasonedChange> T read(String request, Class<T> type) {
        T change = Canonical.read(request, type);
        Check.id("id", change.id());
        Check.text("reason", change.reason(), MAX_REASON);
        return change;
    }
}
