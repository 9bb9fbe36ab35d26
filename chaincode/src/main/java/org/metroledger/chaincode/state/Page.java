package org.metroledger.chaincode.state;

import java.util.List;

/** One page of a paginated listing; an empty bookmark means there is no further page. */
public record Page<T>(List<T> items, String bookmark) {}
