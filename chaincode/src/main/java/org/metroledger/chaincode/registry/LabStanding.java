package org.metroledger.chaincode.registry;

import java.time.Instant;
import java.util.Optional;

/**
 * A lab's standing from an instant on, until the next entry of its history: its status and the
 * accreditation it held. Kept as history so a certificate is judged by the standing at its own
 * dates, never by today's.
 */
public record LabStanding(String from, LabStatus status, String reason, Accreditation accreditation, String txId) {
    /** Why a lab of this standing could not issue for the category at that instant, if it could not. */
    public Optional<String> problemWith(String labId, String category, Instant at) {
        if (status != LabStatus.ACTIVE) {
            return Optional.of(
                    "lab " + labId + " was " + status + " at " + at + (reason == null ? "" : " (" + reason + ")"));
        }
        if (!accreditation.covers(category, at)) {
            return Optional.of("accreditation " + accreditation.body() + " " + accreditation.number()
                    + " did not cover " + category + " at " + at);
        }
        return Optional.empty();
    }
}
