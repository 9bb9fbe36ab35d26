package org.metroledger.chaincode.inspection;

import java.util.List;
import java.util.Map;

/**
 * A draw's published selection with every input needed to re-run it: the whole population of
 * candidates as rated at {@code publishedAt} under policy {@code policyVersion}.
 */
public record Publication(
        String publishedAt,
        int policyVersion,
        List<Candidate> candidates,
        List<Candidate> selected,
        Map<String, String> assignments) {}
