package org.metroledger.chaincode.notice;

/** What a notice announces. */
public enum NoticeKind {
    /** A current PASS verification certificate's validity ends within the window. */
    CERTIFICATE_EXPIRING,
    /** A mandatory instrument has no current PASS verification certificate. */
    INSTRUMENT_OVERDUE
}
