package org.metroledger.chaincode.registry;

/** A calibration or verification laboratory, with the public key its certificates are signed with. */
public record Lab(
        String id,
        String name,
        String region,
        Accreditation accreditation,
        String publicKey,
        LabStatus status,
        String statusReason,
        String recordedAt,
        String txId) {
    public static final String TYPE = "Lab";
    public static final String ALL = "lab~all";
}
