package org.metroledger.chaincode.registry;

import java.time.Instant;
import java.util.List;
import org.metroledger.chaincode.json.Canonical;

/** A lab's accreditation (e.g. CNAS) with its validity and scope. */
public record Accreditation(String body, String number, String validFrom, String validUntil, List<ScopeItem> scope) {
    /** True when the accreditation was in force at that instant and its scope names the category. */
    public boolean covers(String category, Instant at) {
        return !at.isBefore(Canonical.instant(validFrom))
                && at.isBefore(Canonical.instant(validUntil))
                && scope.stream().anyMatch(item -> item.category().equals(category));
    }
}
