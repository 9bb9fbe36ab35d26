package org.metroledger.chaincode.registry;

/** One line of a lab's accreditation scope: what it may measure, over what range, how well. */
public record ScopeItem(String category, String quantity, String range, String cmcUncertainty) {}
