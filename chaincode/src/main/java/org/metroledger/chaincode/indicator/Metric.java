package org.metroledger.chaincode.indicator;

/**
 * What the indicator tallies count. Each is a level: its figure at a day is the sum of its deltas
 * of that day and every day before.
 */
public enum Metric {
    /** Mandatory instruments registered. */
    MANDATORY,
    /** Mandatory instruments with a current PASS verification certificate. */
    COVERED,
    /** Verification certificates of instruments recorded (running count: a period is a difference). */
    TESTED,
    /** Those of them that passed. */
    PASSED,
    GRADE_A,
    GRADE_B,
    GRADE_C,
    GRADE_D;

    /** The tally of entities in a credit grade ("A" to "D"). */
    public static Metric grade(String grade) {
        return valueOf("GRADE_" + grade);
    }
}
