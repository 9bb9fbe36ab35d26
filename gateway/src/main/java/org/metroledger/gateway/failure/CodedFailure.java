package org.metroledger.gateway.failure;

/**
 * A failure that carries the API error code to answer with: the gateway's own refusals
 * ({@link ApiFailure}) and failed ledger calls alike, so the API and the pages answer both the same.
 */
public interface CodedFailure {
    ApiCode code();

    /** The message for the caller, without a code prefix. */
    String getMessage();
}
