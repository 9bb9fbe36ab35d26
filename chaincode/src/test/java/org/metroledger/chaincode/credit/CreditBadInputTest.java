package org.metroledger.chaincode.credit;

import static org.metroledger.testbed.TestWorld.ENTITY_EAST;
import static org.metroledger.testbed.TestWorld.ENTITY_NORTH;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.metroledger.chaincode.json.Canonical;
import org.metroledger.simulation.Member;
import org.metroledger.testbed.Expect;
import org.metroledger.testbed.TestWorld;

/**
 * Bad input to every commitment and credit function, from a caller allowed to call it:
 * INVALID_ARGUMENT naming the field, and an empty write set.
 */
class CreditBadInputTest {
    private static final TestWorld WORLD = new TestWorld();
    private static final Object REMOVED = new Object();
    private static final String LONG = "x".repeat(5000);

    static {
        WORLD.bed.submit(WORLD.northEntity, "commitment:Publish", CreditRequests.publish("c-north", ENTITY_NORTH));
        WORLD.bed.submit(
                WORLD.northInspector,
                "credit:RecordEvent",
                CreditRequests.record("ev-north", ENTITY_NORTH, "SHORT_WEIGHT", "2025-05-01T00:00:00Z"));
    }

    /** The request with the value at a dotted path replaced, or removed for {@link #REMOVED}. */
    private static String with(Map<String, Object> request, String path, Object value) {
        ObjectNode root = Canonical.mapper().valueToTree(request);
        String[] steps = path.split("\\.");
        ObjectNode parent = root;
        for (int i = 0; i < steps.length - 1; i++) {
            parent = (ObjectNode) parent.get(steps[i]);
        }
        String last = steps[steps.length - 1];
        if (value == REMOVED) {
            parent.remove(last);
        } else {
            parent.set(last, Canonical.mapper().valueToTree(value));
        }
        return Canonical.json(root);
    }

    private static Arguments bad(Member caller, String function, String request, String field) {
        return Arguments.of(function, field, caller, request);
    }

    static Stream<Arguments> commitment() {
        Member entity = WORLD.northEntity;
        Map<String, Object> publication = CreditRequests.publication("c-x", ENTITY_NORTH);
        Function<Object, String> items = value -> with(publication, "items", value);
        String publish = "commitment:Publish";
        Map<String, Object> late = new LinkedHashMap<>(publication);
        late.put("effectiveFrom", "2026-01-01T00:00:00Z");
        return Stream.of(
                bad(entity, publish, "", "request"),
                bad(entity, publish, "not json", "request"),
                bad(entity, publish, "[]", "request"),
                bad(entity, publish, with(publication, "id", REMOVED), "id"),
                bad(entity, publish, with(publication, "id", "c x"), "id"),
                bad(entity, publish, with(publication, "id", "c".repeat(129)), "id"),
                bad(entity, publish, with(publication, "entity", REMOVED), "entity"),
                bad(entity, publish, with(publication, "items", REMOVED), "items"),
                bad(entity, publish, items.apply(List.of()), "items"),
                bad(entity, publish, items.apply("USE_VERIFIED_INSTRUMENTS"), "items"),
                bad(entity, publish, items.apply(List.of(Map.of("kind", "BRIBE_INSPECTORS"))), "items[0].kind"),
                bad(entity, publish, items.apply(List.of(Map.of("text", "no kind"))), "items[0].kind"),
                bad(
                        entity,
                        publish,
                        items.apply(
                                List.of(Map.of("kind", "ACCEPT_SUPERVISION"), Map.of("kind", "ACCEPT_SUPERVISION"))),
                        "items[1].kind"),
                bad(
                        entity,
                        publish,
                        items.apply(List.of(Map.of("kind", "ACCEPT_SUPERVISION", "text", LONG))),
                        "items[0].text"),
                bad(
                        entity,
                        publish,
                        with(publication, "textDigest", CreditRequests.DIGEST.toUpperCase()),
                        "textDigest"),
                bad(entity, publish, with(publication, "textDigest", 7), "textDigest"),
                bad(entity, publish, with(publication, "textDigest", REMOVED), "textDigest"),
                bad(entity, publish, with(publication, "effectiveFrom", "2025-13-01T00:00:00Z"), "effectiveFrom"),
                bad(entity, publish, with(publication, "effectiveTo", "next year"), "effectiveTo"),
                bad(entity, publish, with(late, "effectiveTo", "2025-12-01T00:00:00Z"), "effectiveTo"),
                bad(entity, publish, with(publication, "effectiveTo", "2025-05-01T00:00:00Z"), "effectiveTo"),
                bad(entity, publish, with(publication, "signature", "abc"), "signature"),
                bad(entity, "commitment:Withdraw", "{\"id\":\"c-north\"}", "reason"),
                bad(entity, "commitment:Withdraw", "{\"id\":\"c-north\",\"reason\":\"  \"}", "reason"),
                bad(entity, "commitment:Withdraw", "{\"id\":\"c-north\",\"reason\":\"" + LONG + "\"}", "reason"),
                bad(entity, "commitment:Withdraw", "{\"id\":5,\"reason\":\"r\"}", "id"),
                bad(entity, "commitment:Withdraw", "{\"reason\":\"r\"}", "id"),
                bad(WORLD.stranger, "commitment:Get", "{}", "id"),
                bad(WORLD.stranger, "commitment:Get", "{\"id\":[\"c-north\"]}", "id"),
                bad(WORLD.stranger, "commitment:ListByEntity", "{}", "entity"),
                bad(WORLD.stranger, "commitment:ListByEntity", listing(0, null), "pageSize"),
                bad(WORLD.stranger, "commitment:ListByEntity", listing(201, null), "pageSize"),
                bad(WORLD.stranger, "commitment:ListByEntity", listing("ten", null), "pageSize"),
                bad(WORLD.stranger, "commitment:ListByEntity", listing(2.5, null), "pageSize"),
                bad(WORLD.stranger, "commitment:ListByEntity", listing(2, LONG), "bookmark"),
                bad(
                        WORLD.stranger,
                        "commitment:ListByEntity",
                        listing(2, "\u0000commitment~entity\u0000" + ENTITY_EAST + "\u0000"),
                        "bookmark"),
                bad(WORLD.stranger, "commitment:Active", "{}", "entity"),
                bad(WORLD.stranger, "commitment:Active", "{\"entity\":true}", "entity"));
    }

    private static String listing(Object pageSize, String bookmark) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("entity", ENTITY_NORTH);
        request.put("pageSize", pageSize);
        if (bookmark != null) {
            request.put("bookmark", bookmark);
        }
        return Canonical.json(request);
    }

    static Stream<Arguments> credit() {
        Member inspector = WORLD.northInspector;
        Member admin = WORLD.northAdmin;
        Map<String, Object> recording =
                CreditRequests.recording("ev-x", ENTITY_NORTH, "INSPECTION_FAILED", "2025-05-01T00:00:00Z");
        Map<String, Object> breach =
                CreditRequests.recording("ev-x", ENTITY_NORTH, "COMMITMENT_BREACHED", "2025-06-01T08:00:00Z");
        String record = "credit:RecordEvent";
        return Stream.of(
                bad(inspector, record, "{", "request"),
                bad(inspector, record, with(recording, "id", REMOVED), "id"),
                bad(inspector, record, with(recording, "id", LONG), "id"),
                bad(inspector, record, with(recording, "entity", REMOVED), "entity"),
                bad(inspector, record, with(recording, "entity", "not an id!"), "entity"),
                bad(inspector, record, with(recording, "type", REMOVED), "type"),
                bad(inspector, record, with(recording, "type", "SPEEDING"), "type"),
                bad(inspector, record, with(recording, "type", 3), "type"),
                bad(inspector, record, with(recording, "occurredAt", REMOVED), "occurredAt"),
                bad(inspector, record, with(recording, "occurredAt", "2025-05-01"), "occurredAt"),
                bad(inspector, record, with(recording, "occurredAt", "2030-01-01T00:00:00Z"), "occurredAt"),
                bad(inspector, record, with(recording, "occurredAt", "1969-12-31T23:59:59Z"), "occurredAt"),
                bad(inspector, record, with(recording, "evidenceDigest", REMOVED), "evidenceDigest"),
                bad(inspector, record, with(recording, "evidenceDigest", "abc"), "evidenceDigest"),
                bad(
                        inspector,
                        record,
                        with(recording, "reference", Map.of("kind", "LAWSUIT", "id", "x")),
                        "reference.kind"),
                bad(inspector, record, with(recording, "reference", Map.of("kind", "INSPECTION")), "reference.id"),
                bad(inspector, record, with(recording, "reference", Map.of("id", "insp-1")), "reference.kind"),
                bad(inspector, record, with(recording, "reference", "insp-1"), "reference"),
                bad(inspector, record, CreditRequests.json(breach), "reference"),
                bad(
                        inspector,
                        record,
                        with(breach, "reference", Map.of("kind", "INSPECTION", "id", "c-north")),
                        "reference"),
                bad(inspector, record, with(recording, "recordedBy", "p-someone-else"), "recordedBy"),
                bad(admin, "credit:RepairEvent", "{\"id\":\"ev-north\"}", "reason"),
                bad(admin, "credit:RepairEvent", "{\"id\":\"ev-north\",\"reason\":\"" + LONG + "\"}", "reason"),
                bad(admin, "credit:RepairEvent", "{\"id\":\"ev north\",\"reason\":\"r\"}", "id"),
                bad(WORLD.stranger, "credit:Rating", "{}", "entity"),
                bad(WORLD.stranger, "credit:Rating", "{\"entity\":\"" + ENTITY_NORTH + "\",\"at\":\"tomorrow\"}", "at"),
                bad(WORLD.stranger, "credit:Rating", "{\"entity\":\"" + ENTITY_NORTH + "\",\"at\":5}", "at"),
                bad(WORLD.eastInspector, "credit:History", "{}", "entity"),
                bad(WORLD.eastInspector, "credit:History", listing(0, null), "pageSize"),
                bad(WORLD.eastInspector, "credit:History", listing("all", null), "pageSize"),
                bad(
                        WORLD.eastInspector,
                        "credit:History",
                        listing(2, "\u0000creditevent~entity~time\u0000" + ENTITY_EAST + "\u0000"),
                        "bookmark"),
                bad(inspector, "credit:GetEvent", "{}", "id"),
                bad(inspector, "credit:GetEvent", "{\"id\":\"\"}", "id"),
                bad(WORLD.stranger, "credit:GetPolicy", "{\"version\":0}", "version"),
                bad(WORLD.stranger, "credit:GetPolicy", "{\"version\":\"two\"}", "version"),
                bad(WORLD.stranger, "credit:GetPolicy", "{\"version\":1.5}", "version"),
                bad(admin, "credit:ApprovePolicy", "{}", "version"),
                bad(admin, "credit:ApprovePolicy", "{\"version\":\"2\"}", "version"),
                bad(admin, "credit:ApprovePolicy", "{\"version\":0}", "version"));
    }

    static Stream<Arguments> policy() {
        Member admin = WORLD.northAdmin;
        Map<String, Object> v2 = CreditRequests.policyV2();
        String propose = "credit:ProposePolicy";
        return Stream.of(
                bad(admin, propose, with(v2, "version", REMOVED), "version"),
                bad(admin, propose, with(v2, "version", 1), "version"),
                bad(admin, propose, with(v2, "version", 3), "version"),
                bad(admin, propose, with(v2, "baseScore", "100"), "baseScore"),
                bad(admin, propose, with(v2, "baseScore", -1), "baseScore"),
                bad(admin, propose, with(v2, "commitmentBonus", REMOVED), "commitmentBonus"),
                bad(admin, propose, with(v2, "events", REMOVED), "events"),
                bad(admin, propose, with(v2, "events.SHORT_WEIGHT", REMOVED), "events.SHORT_WEIGHT"),
                bad(admin, propose, with(v2, "events.SPEEDING", Map.of("points", -5, "countsFor", "P1Y")), "events"),
                bad(admin, propose, with(v2, "events.SHORT_WEIGHT.points", REMOVED), "events.SHORT_WEIGHT.points"),
                bad(admin, propose, with(v2, "events.SHORT_WEIGHT.points", 2000), "events.SHORT_WEIGHT.points"),
                bad(admin, propose, with(v2, "events.SHORT_WEIGHT.points", -1.5), "events.SHORT_WEIGHT.points"),
                bad(
                        admin,
                        propose,
                        with(v2, "events.SHORT_WEIGHT.countsFor", "2 years"),
                        "events.SHORT_WEIGHT.countsFor"),
                bad(admin, propose, with(v2, "events.SHORT_WEIGHT.countsFor", "P-1Y"), "events.SHORT_WEIGHT.countsFor"),
                bad(admin, propose, with(v2, "events.SHORT_WEIGHT.countsFor", "P0D"), "events.SHORT_WEIGHT.countsFor"),
                bad(
                        admin,
                        propose,
                        with(v2, "events.SHORT_WEIGHT.countsFor", "P200Y"),
                        "events.SHORT_WEIGHT.countsFor"),
                bad(admin, propose, with(v2, "events.SHORT_WEIGHT.cap", -1), "events.SHORT_WEIGHT.cap"),
                bad(
                        admin,
                        propose,
                        with(v2, "events.SHORT_WEIGHT.forcesGrade", "E"),
                        "events.SHORT_WEIGHT.forcesGrade"),
                bad(admin, propose, with(v2, "thresholds", REMOVED), "thresholds"),
                bad(admin, propose, with(v2, "thresholds.D", 40), "thresholds.D"),
                bad(admin, propose, with(v2, "thresholds.B", 95), "thresholds.B"),
                bad(admin, propose, with(v2, "thresholds.C", REMOVED), "thresholds.C"),
                bad(admin, propose, with(v2, "samplingRatio.A", "1.5"), "samplingRatio.A"),
                bad(admin, propose, with(v2, "samplingRatio.B", 0.1), "samplingRatio.B"),
                bad(admin, propose, with(v2, "samplingRatio.C", "-0.1"), "samplingRatio.C"),
                bad(admin, propose, with(v2, "samplingRatio.D", REMOVED), "samplingRatio.D"),
                bad(admin, propose, with(v2, "backdatingAllowance", "30 days"), "backdatingAllowance"),
                bad(admin, propose, with(v2, "backdatingAllowance", "P0D"), "backdatingAllowance"),
                bad(admin, propose, with(v2, "backdatingAllowance", "P-30D"), "backdatingAllowance"),
                bad(admin, propose, with(v2, "backdatingAllowance", "P11Y"), "backdatingAllowance"),
                bad(admin, propose, with(v2, "backdatingAllowance", 30), "backdatingAllowance"),
                bad(admin, propose, with(v2, "status", "ACTIVE"), "status"));
    }

    static Stream<Arguments> cases() {
        return Stream.of(commitment(), credit(), policy()).flatMap(s -> s);
    }

    @ParameterizedTest(name = "{0} refuses bad {1}")
    @MethodSource("cases")
    void bad_input_is_refused_naming_the_field(String function, String field, Member caller, String request) {
        Expect.invalid(WORLD.bed, field, caller, function, request);
    }
}
