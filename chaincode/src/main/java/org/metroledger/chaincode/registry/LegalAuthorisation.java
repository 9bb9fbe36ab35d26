package org.metroledger.chaincode.registry;

import java.time.Instant;
import org.metroledger.chaincode.json.Canonical;

/**
 * A legal-verification authorisation (法定计量检定授权): region {@code region}'s centre admin lets lab
 * {@code lab} issue VERIFICATION certificates for instruments of {@code category} in that region,
 * from {@code validFrom} until {@code validUntil} (exclusive). One record per (lab, region,
 * category); granting again replaces it, and its key history keeps every grant.
 */
public record LegalAuthorisation(
        String lab,
        String region,
        String category,
        String validFrom,
        String validUntil,
        String grantedBy,
        String recordedAt,
        String txId) {
    /** Record type: state key {@code (LegalAuthorisation, lab, region, category)}. */
    public static final String TYPE = "LegalAuthorisation";
    /** Index {@code (region, category, lab)}: who may verify what in a region. */
    public static final String BY_REGION = "authorisation~region";

    /** True when the authorisation was in force at that instant. */
    public boolean inForceAt(Instant at) {
        return !at.isBefore(Canonical.instant(validFrom)) && at.isBefore(Canonical.instant(validUntil));
    }
}
