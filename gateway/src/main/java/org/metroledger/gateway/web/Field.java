package org.metroledger.gateway.web;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads a ledger record's field as text for a page: empty when the record or field is absent. */
final class Field {
    private Field() {}

    static String of(JsonNode node, String... path) {
        JsonNode at = node;
        for (String name : path) {
            if (at == null || at.isNull() || at.isMissingNode()) {
                return "";
            }
            at = at.get(name);
        }
        return at == null || at.isNull() || at.isMissingNode() || at.isContainerNode() ? "" : at.asText();
    }

    static boolean present(JsonNode node) {
        return node != null && !node.isNull() && !node.isMissingNode();
    }
}
