package org.metroledger.chaincode.inspection;

/** The result of inspecting one drawn entity, with the credit event it produced. */
public record InspectionResult(
        String entity,
        String inspector,
        InspectionOutcome outcome,
        String findings,
        String evidenceDigest,
        String creditEvent,
        String recordedBy,
        String recordedAt,
        String txId) {}
