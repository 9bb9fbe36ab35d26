package org.metroledger.chaincode.credit;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.metroledger.chaincode.json.Canonical;

/** Well-formed requests of the commitment and credit contracts, for tests to send or spoil. */
public final class CreditRequests {
    public static final String DIGEST = "0123456789abcdef".repeat(4);

    private CreditRequests() {}

    public static Map<String, Object> publication(String id, String entity) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("id", id);
        request.put("entity", entity);
        request.put(
                "items",
                List.of(
                        Map.of("kind", "USE_VERIFIED_INSTRUMENTS"),
                        Map.of("kind", "COMPENSATE_SHORT_WEIGHT", "text", "缺一罚十")));
        request.put("textDigest", DIGEST);
        return request;
    }

    public static String publish(String id, String entity) {
        return Canonical.json(publication(id, entity));
    }

    public static Map<String, Object> recording(String id, String entity, String type, String occurredAt) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("id", id);
        request.put("entity", entity);
        request.put("type", type);
        request.put("occurredAt", occurredAt);
        request.put("evidenceDigest", DIGEST);
        return request;
    }

    public static String record(String id, String entity, String type, String occurredAt) {
        return Canonical.json(recording(id, entity, type, occurredAt));
    }

    /** Version 2: v1 with short weight doubled to −30 and grade C sampled at 25 %. */
    public static Map<String, Object> policyV2() {
        Map<String, Object> policy = Canonical.mapper()
                .convertValue(RatingPolicies.DEFAULT_V1, new TypeReference<LinkedHashMap<String, Object>>() {});
        for (String governance : List.of("status", "approvals")) {
            policy.remove(governance);
        }
        policy.put("version", 2);
        @SuppressWarnings("unchecked")
        Map<String, Object> events = new LinkedHashMap<>((Map<String, Object>) policy.get("events"));
        events.put("SHORT_WEIGHT", Map.of("points", -30, "countsFor", "P2Y"));
        policy.put("events", events);
        @SuppressWarnings("unchecked")
        Map<String, Object> ratios = new LinkedHashMap<>((Map<String, Object>) policy.get("samplingRatio"));
        ratios.put("C", "0.25");
        policy.put("samplingRatio", ratios);
        return policy;
    }

    public static String json(Map<String, Object> request) {
        return Canonical.json(request);
    }

    /** A copy of the request with one field replaced, or removed when the value is null. */
    public static String with(Map<String, Object> request, String field, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(request);
        if (value == null) {
            copy.remove(field);
        } else {
            copy.put(field, value);
        }
        return Canonical.json(copy);
    }
}
