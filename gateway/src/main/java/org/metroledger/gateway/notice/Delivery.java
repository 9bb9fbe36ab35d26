package org.metroledger.gateway.notice;

/**
 * One attempt to deliver a notice to a webhook: when, the receiver's HTTP status (0 when none was
 * answered), the error when it failed, and when the next attempt is due (null when none will be).
 */
public record Delivery(
        String id,
        String webhook,
        String notice,
        String event,
        int attempt,
        String at,
        int status,
        boolean delivered,
        String error,
        String nextAttemptAt) {}
