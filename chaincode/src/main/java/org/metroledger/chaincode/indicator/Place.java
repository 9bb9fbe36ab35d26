package org.metroledger.chaincode.indicator;

/**
 * Where a record counts: its region (MSP), province and category (an instrument's category, or an
 * entity's for credit grades). Every tally is written twice, for the category and for all
 * categories of the province (an empty category), so that a province's figures are one read.
 */
public record Place(String region, String province, String category) {
    /** The category of every tally written for the province as a whole. */
    public static final String ALL = "";

    /** This place without its category: the province's row of all categories. */
    public Place anyCategory() {
        return new Place(region, province, ALL);
    }
}
