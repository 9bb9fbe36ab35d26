package org.metroledger.chaincode.credit;

import java.util.List;

/**
 * An entity's credit as of an instant under one policy version: score, grade, the random-inspection
 * sampling ratio of that grade, and every event's contribution.
 *
 * @param commitment id of the commitment in effect at {@code at}, or null
 * @param forcedGrade a grade forced by a counting event, or null
 */
public record Rating(
        String entity,
        String at,
        int policyVersion,
        int baseScore,
        String commitment,
        int commitmentBonus,
        int score,
        Grade grade,
        Grade forcedGrade,
        String samplingRatio,
        List<Contribution> contributions) {}
