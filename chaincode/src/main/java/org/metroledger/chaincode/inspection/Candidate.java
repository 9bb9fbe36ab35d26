package org.metroledger.chaincode.inspection;

/** An entity in a draw's population with its credit grade and that grade's sampling ratio (a decimal string). */
public record Candidate(String entity, String grade, String ratio) {}
