package org.metroledger.chaincode.identity;

/**
 * An X.509 identity registered by its region's centre admin with one role. For a LAB or ENTITY
 * participant, {@code organisation} is the lab id or entity id it acts for.
 */
public record Participant(
        String id,
        String msp,
        String identity,
        String identityKey,
        Role role,
        String organisation,
        String name,
        String recordedAt,
        String txId) {
    public static final String TYPE = "Participant";
    public static final String BY_IDENTITY = "participant~identity";
}
