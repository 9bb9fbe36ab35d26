package org.metroledger.chaincode.commitment;

/** What an operator pledges in its integrity commitment (诚信计量自我承诺). */
public enum PledgeKind {
    /** Use only instruments that passed verification. */
    USE_VERIFIED_INSTRUMENTS,
    /** Never use overdue or failed instruments. */
    NO_OVERDUE_OR_FAILED_INSTRUMENTS,
    /** Display measured values and their units to the customer. */
    DISPLAY_VALUES_AND_UNITS,
    /** Make good any short weight (缺斤短两). */
    COMPENSATE_SHORT_WEIGHT,
    /** Follow the metrology rules for prepackaged goods. */
    PREPACKAGED_GOODS_RULES,
    /** Accept metrological supervision and inspection. */
    ACCEPT_SUPERVISION
}
