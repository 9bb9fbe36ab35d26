package org.metroledger.chaincode.indicator;

import java.util.List;

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
    GRADE_D,
    /**
     * Current PASS verification certificates of instruments whose validity ends within 30 days:
     * each counts on the days [max(issued, validUntil − 30), min(validUntil, ended)).
     */
    EXPIRING_30,
    /** The same within 60 days. */
    EXPIRING_60,
    /** The same within 90 days. */
    EXPIRING_90;

    /** The expiry windows counted, in days: one metric each. */
    public static final List<Integer> EXPIRY_WINDOWS = List.of(30, 60, 90);

    /** The tally of entities in a credit grade ("A" to "D"). */
    public static Metric grade(String grade) {
        return valueOf("GRADE_" + grade);
    }

    /** The tally of certificates expiring within a window of {@link #EXPIRY_WINDOWS}. */
    public static Metric expiring(int days) {
        return valueOf("EXPIRING_" + days);
    }
}
