package org.metroledger.chaincode.state;

import com.fasterxml.jackson.databind.JsonNode;

/** One committed version of a record, newest first in a history. */
public record HistoryEntry(String txId, String timestamp, boolean deleted, JsonNode value) {}
