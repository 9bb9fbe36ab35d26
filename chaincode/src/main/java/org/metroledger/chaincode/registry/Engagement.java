package org.metroledger.chaincode.registry;

import org.metroledger.chaincode.state.Stamp;

/**
 * A service request (委托): the owner of an instrument, or the holder lab of a standard, engages a
 * lab to calibrate it. Open until a certificate of that lab for that subject uses it, or until the
 * requester withdraws it; nobody else can put a certificate on the subject uninvited.
 */
public record Engagement(
        String id,
        String lab,
        String subject,
        SubjectType subjectType,
        String requestedBy,
        EngagementStatus status,
        String certificate,
        String statusReason,
        String statusChangedAt,
        String recordedAt,
        String txId) {
    public static final String TYPE = "Engagement";
    /** Index {@code (subject, lab, id)} of OPEN engagements only: what a certificate may use. */
    public static final String OPEN = "engagement~open";
    /** Index {@code (subject, id)}: every engagement of a subject. */
    public static final String BY_SUBJECT = "engagement~subject";

    /** This engagement after leaving OPEN, stamped by the transaction that ends it. */
    public Engagement ended(EngagementStatus newStatus, String certificateId, String reason, Stamp stamp) {
        return new Engagement(
                id,
                lab,
                subject,
                subjectType,
                requestedBy,
                newStatus,
                certificateId,
                reason,
                stamp.recordedAt(),
                stamp.recordedAt(),
                stamp.txId());
    }
}
