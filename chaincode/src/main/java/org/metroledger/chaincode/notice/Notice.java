package org.metroledger.chaincode.notice;

/**
 * A notice, recorded once: {@code expiring:<certificate>} when a certificate entered its expiry
 * window ({@code day} its validity's last day as the indicators count it), or {@code
 * overdue:<instrument>:<since>} when an instrument became overdue ({@code day} the gap's first).
 */
public record Notice(
        String id,
        NoticeKind kind,
        String certificate,
        String instrument,
        String entity,
        String region,
        String province,
        String category,
        String day,
        String recordedAt,
        String txId) {
    public static final String TYPE = "Notice";
    /** Days before a certificate's validity ends that its expiry notice is due. */
    public static final int WINDOW_DAYS = 30;

    static String expiringId(String certificate) {
        return "expiring:" + certificate;
    }

    static String overdueId(String instrument, String since) {
        return "overdue:" + instrument + ":" + since;
    }
}
