package org.metroledger.chaincode.identity;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * An X.509 identity registered by its region's centre admin with one role. For a LAB or ENTITY
 * participant, {@code organisation} is the lab id or entity id it acts for. {@code
 * certificateSerial} (hex) names the registered certificate at its CA, for revocation; {@code
 * status} is ACTIVE until the region revokes the participant (records written before revocation
 * existed have none, and are ACTIVE).
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
        String txId,
        String certificateSerial,
        ParticipantStatus status,
        Revocation revocation) {
    public static final String TYPE = "Participant";
    public static final String BY_IDENTITY = "participant~identity";

    /** Who took the participant out of the network, when and why. */
    public record Revocation(String at, String reason, String by, String txId) {}

    /** Whether the region has revoked this participant. */
    @JsonIgnore
    public boolean isRevoked() {
        return status == ParticipantStatus.REVOKED;
    }

    /** This participant, revoked. */
    public Participant revoked(Revocation revocation) {
        return new Participant(
                id,
                msp,
                identity,
                identityKey,
                role,
                organisation,
                name,
                recordedAt,
                txId,
                certificateSerial,
                ParticipantStatus.REVOKED,
                revocation);
    }
}
