package org.metroledger.chaincode.catalogue;

import java.util.List;

/**
 * One hit of the capability catalogue: a line of an ACTIVE lab's unexpired accreditation scope,
 * with the lab's legal-verification authorisations for the line's category and, when the asker
 * named its region, whether the lab's results count there.
 */
public record Capability(
        LabSummary lab,
        AccreditationSummary accreditation,
        Line capability,
        List<Authorisation> authorisations,
        Recognition recognition) {

    /** Who the lab is. */
    public record LabSummary(String id, String name, String region, String status) {}

    /** The accreditation the line is part of. */
    public record AccreditationSummary(String body, String number, String validFrom, String validUntil) {}

    /** The scope line itself, and its position in the lab's scope. */
    public record Line(int line, String category, String quantity, String range, String cmcUncertainty) {}

    /** A legal-verification authorisation (法定计量检定授权) in force, by the region that granted it. */
    public record Authorisation(String region, String category, String validFrom, String validUntil) {}

    /**
     * Whether the lab's results for the line's category count in the asker's region: its own
     * region, or an ACTIVE recognition agreement in force covering both regions and the category
     * (named); else why not.
     */
    public record Recognition(String region, boolean counts, String agreementId, String detail) {}
}
