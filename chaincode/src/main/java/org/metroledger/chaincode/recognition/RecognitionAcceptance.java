package org.metroledger.chaincode.recognition;

import java.util.List;

/** A region's formal acceptance of another region's result, kept for audit with the reasons it rested on. */
public record RecognitionAcceptance(
        String certificateId,
        String region,
        String agreementId,
        String verdict,
        List<RecognitionReason> reasons,
        String acceptedBy,
        String recordedAt,
        String txId) {
    public static final String TYPE = "RecognitionAcceptance";
    public static final String BY_CERTIFICATE = "acceptance~certificate";

    /** The record's id: '@' cannot occur in a certificate id, so the pair is unambiguous. */
    public static String idOf(String certificateId, String region) {
        return certificateId + "@" + region;
    }
}
