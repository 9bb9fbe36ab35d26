package org.metroledger.chaincode.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.metroledger.chaincode.credit.CreditRequests;
import org.metroledger.chaincode.error.ErrorCode;
import org.metroledger.chaincode.json.Canonical;
import org.metroledger.simulation.ContractHost.Simulation;
import org.metroledger.testbed.TestBed;
import org.metroledger.testbed.TestWorld;

/**
 * The indicator tallies that certificate, instrument, entity and credit writes keep agree with a
 * recount from every record, on every day asked and for every kind of place, through issue,
 * failure, supersession, revocation, expiry, a credit event, its repair and a compaction.
 */
class IndicatorTalliesTest {
    private static final String PUMP2 = "pump-north-4";
    private static final String METER = "meter-north-1";
    private static final String SCALE = "scale-east-1";
    private static final List<String> DAYS = List.of(
            "2025-05-30T00:00:00Z",
            "2025-06-01T00:00:00Z",
            "2025-06-02T00:00:00Z",
            "2025-06-15T12:00:00Z",
            "2025-07-01T12:00:00Z",
            "2025-07-02T12:00:00Z",
            "2025-07-15T00:00:00Z",
            "2025-07-25T00:00:00Z",
            "2025-08-16T00:00:00Z",
            "2025-08-21T00:00:00Z",
            "2026-06-01T00:00:00Z");

    private CertificateLedger ledger;
    private TestWorld world;

    @BeforeEach
    void setUp() {
        ledger = new CertificateLedger();
        world = ledger.world;
        instrument(world, PUMP2, TestWorld.ENTITY_NORTH, "weighing", true);
        instrument(world, METER, TestWorld.ENTITY_NORTH, CertificateLedger.CATEGORY, false);
        instrument(world, SCALE, TestWorld.ENTITY_EAST, "weighing", true);
    }

    @Test
    void tallies_agree_with_a_recount_through_the_lifecycle_of_records() {
        ledger.issue(CertificateLedger.pumpVerification("V-1"));
        ledger.issue(CertificateDraft.verification("V-2", TestWorld.LAB_NORTH, PUMP2)
                .cites("STD-W", "C-W")
                .with("conformity", "FAIL"));
        ledger.issue(CertificateDraft.verification("V-3", TestWorld.LAB_NORTH, METER)
                .cites("STD-W", "C-W")
                .with("validUntil", "2025-08-15T00:00:00Z"));
        agreeEverywhere();

        world.bed.at(Instant.parse("2025-07-01T10:00:00Z"));
        ledger.submit(
                world.northLab,
                "certificate:Supersede",
                CertificateLedger.pumpVerification("V-1b")
                        .with("previous", "V-1")
                        .dated("2025-06-30T08:00:00Z", "2025-06-30T10:00:00Z", "2025-08-20T00:00:00Z")
                        .signedBy(world.northLabKey));
        world.bed.at(Instant.parse("2025-07-02T10:00:00Z"));
        ledger.submit(
                world.northLab, "certificate:Revoke", Canonical.json(Map.of("id", "V-3", "reason", "wrong pump")));
        ledger.submit(
                world.eastLab,
                "certificate:Issue",
                CertificateDraft.verification("V-4", TestWorld.LAB_EAST, SCALE)
                        .cites("STD-W", "C-W")
                        .dated("2025-07-02T08:00:00Z", "2025-07-02T09:00:00Z", "2025-07-20T00:00:00Z")
                        .signedBy(world.eastLabKey));
        // A batch with two certificates of one instrument, read once in the transaction.
        ledger.submit(
                world.northLab,
                "certificate:IssueBatch",
                "{\"certificates\":["
                        + String.join(
                                ",",
                                CertificateDraft.verification("V-5", TestWorld.LAB_NORTH, PUMP2)
                                        .cites("STD-W", "C-W")
                                        .dated("2025-07-02T08:00:00Z", "2025-07-02T09:00:00Z", "2025-07-12T00:00:00Z")
                                        .signedBy(world.northLabKey),
                                CertificateDraft.verification("V-6", TestWorld.LAB_NORTH, PUMP2)
                                        .cites("STD-W", "C-W")
                                        .dated("2025-07-02T08:00:00Z", "2025-07-02T09:30:00Z", "2025-07-30T00:00:00Z")
                                        .with("conformity", "FAIL")
                                        .signedBy(world.northLabKey),
                                CertificateDraft.verification("V-7", TestWorld.LAB_NORTH, METER)
                                        .cites("STD-W", "C-W")
                                        .dated("2025-07-02T08:00:00Z", "2025-07-02T09:00:00Z", "2025-09-01T00:00:00Z")
                                        .signedBy(world.northLabKey))
                        + "]}");
        world.bed.at(Instant.parse("2025-07-03T10:00:00Z"));
        ledger.submit(
                world.northInspector,
                "credit:RecordEvent",
                CreditRequests.record("CE-1", TestWorld.ENTITY_NORTH, "SHORT_WEIGHT", "2025-07-01T09:00:00Z"));
        agreeEverywhere();

        world.bed.at(Instant.parse("2025-07-05T10:00:00Z"));
        JsonNode compacted = ledger.submit(world.northAdmin, "indicator:Compact", "{}");
        assertThat(compacted.get("folded").asLong()).isPositive();
        assertThat(compacted.get("complete").asBoolean()).isTrue();
        world.bed.at(Instant.parse("2025-07-10T10:00:00Z"));
        ledger.submit(
                world.northAdmin,
                "credit:RepairEvent",
                Canonical.json(Map.of("id", "CE-1", "reason", "corrected and trained")));
        agreeEverywhere();

        // The figures themselves, on 2025-07-25 (the end of the day): three mandatory instruments,
        // only the pump covered (by V-1b until 08-20); the east scale lapsed on 07-20.
        JsonNode national = summary(Map.of("at", "2025-07-25T00:00:00Z"));
        assertThat(national.at("/coverage/mandatory").asLong()).isEqualTo(3);
        assertThat(national.at("/coverage/covered").asLong()).isEqualTo(1);
        assertThat(national.at("/coverage/ratio").asText()).isEqualTo("0.3333");
        assertThat(national.at("/coverage/met").asBoolean()).isFalse();
        assertThat(national.at("/expiring/within30").asLong()).isEqualTo(1);
        // July: V-1b, V-4, V-5, V-7 PASS and V-6 FAIL; June: V-1, V-2 (FAIL), V-3 on 06-01.
        JsonNode july = national.get("passRates").get(national.get("passRates").size() - 1);
        assertThat(july.get("from").asText()).isEqualTo("2025-07-01");
        assertThat(july.get("tested").asLong()).isEqualTo(5);
        assertThat(july.get("passed").asLong()).isEqualTo(4);
        // The short weight made the north station B from 07-02 until its repair on 07-10.
        JsonNode duringPenalty = summary(Map.of("at", "2025-07-05T00:00:00Z", "since", "2025-06-15T00:00:00Z"));
        assertThat(duringPenalty.at("/credit/grades/B").asLong()).isEqualTo(1);
        assertThat(duringPenalty.at("/credit/change/A").asLong()).isEqualTo(-1);
        assertThat(national.at("/credit/grades/A").asLong()).isEqualTo(2);

        JsonNode overdue =
                ledger.evaluate(world.northInspector, "indicator:Overdue", Map.of("at", "2025-07-25T00:00:00Z"));
        assertThat(overdue.get("total").asLong()).isEqualTo(2);
        assertThat(overdue.at("/items/0/instrument").asText()).isEqualTo(PUMP2);
        assertThat(overdue.at("/items/0/since").asText()).isEqualTo("2025-07-12");
        assertThat(overdue.at("/items/1/instrument").asText()).isEqualTo(SCALE);
        assertThat(overdue.at("/items/1/days").asLong()).isEqualTo(5);
    }

    @Test
    void a_compaction_naming_its_places_survives_a_record_written_before_it_commits() {
        ledger.issue(CertificateLedger.pumpVerification("V-1"));
        world.bed.at(Instant.parse("2025-07-05T10:00:00Z"));
        String places = Canonical.json(ledger.evaluate(world.stranger, "indicator:Places", new String[0])
                .get("places"));
        assertThat(places).contains("weighing");
        String through = "\"through\":\"2025-07-04T00:00:00Z\"";
        Simulation named = world.bed.simulate(
                world.northAdmin, "indicator:Compact", "{" + through + ",\"places\":" + places + "}");
        Simulation unnamed = world.bed.simulate(world.northAdmin, "indicator:Compact", "{" + through + "}");
        assertThat(named.succeeded()).isTrue();
        assertThat(unnamed.succeeded()).isTrue();
        assertThat(texts(named.readWriteSet().writes()))
                .as("the same rows folded either way")
                .isEqualTo(texts(unnamed.readWriteSet().writes()))
                .isNotEmpty();

        // A certificate of today in the same places commits first, as in the compaction's block.
        ledger.issue(CertificateDraft.verification("V-2", TestWorld.LAB_NORTH, PUMP2)
                .cites("STD-W", "C-W")
                .dated("2025-07-05T08:00:00Z", "2025-07-05T09:00:00Z", "2026-07-05T00:00:00Z"));

        assertThat(named.readWriteSet().conflictWith(world.bed.state())).isEmpty();
        assertThat(unnamed.readWriteSet().conflictWith(world.bed.state()))
                .as("the place markers read by range, which the certificate rewrote")
                .isPresent();
        TestBed.Refusal refused = org.junit.jupiter.api.Assertions.assertThrows(
                TestBed.Refusal.class,
                () -> world.bed.submit(
                        world.northAdmin, "indicator:Compact", "{\"places\":[{\"region\":\"NorthMSP\"}]}"));
        assertThat(refused.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(refused).hasMessageContaining("places");
    }

    private static Map<String, String> texts(Map<String, byte[]> writes) {
        Map<String, String> texts = new LinkedHashMap<>();
        writes.forEach((key, value) ->
                texts.put(key, value == null ? null : new String(value, java.nio.charset.StandardCharsets.UTF_8)));
        return texts;
    }

    @Test
    void only_inspectors_and_centre_admins_read_named_lists_and_only_admins_recount() {
        CertificateLedger.assertRefused(
                () -> world.bed.evaluate(world.stranger, "indicator:Overdue", "{}"), ErrorCode.FORBIDDEN, "overdue");
        CertificateLedger.assertRefused(
                () -> world.bed.evaluate(world.northEntity, "indicator:Overdue", "{}"), ErrorCode.FORBIDDEN, "overdue");
        CertificateLedger.assertRefused(
                () -> world.bed.evaluate(world.northInspector, "indicator:Recount", "{}"),
                ErrorCode.FORBIDDEN,
                "recount");
        assertThat(summary(Map.of()).at("/coverage/mandatory").asLong()).isEqualTo(3);
    }

    @Test
    void bad_queries_name_the_field() {
        for (Map.Entry<String, Object> bad : Map.<String, Object>of(
                        "at",
                        "yesterday",
                        "months",
                        0,
                        "entityCategory",
                        "CASINO",
                        "region",
                        "no such",
                        "since",
                        "2030-01-01T00:00:00Z")
                .entrySet()) {
            CertificateLedger.assertRefused(
                    () -> world.bed.evaluate(
                            world.stranger, "indicator:Summary", Canonical.json(Map.of(bad.getKey(), bad.getValue()))),
                    ErrorCode.INVALID_ARGUMENT,
                    bad.getKey());
        }
    }

    private void agreeEverywhere() {
        List<Map<String, Object>> places = List.of(
                Map.of(),
                Map.of("region", "NorthMSP"),
                Map.of("region", "NorthMSP", "province", "北京"),
                Map.of("province", "上海"),
                Map.of("category", "weighing"),
                Map.of("region", "NorthMSP", "category", CertificateLedger.CATEGORY),
                Map.of("entityCategory", "FUEL_STATION"));
        List<String> disagreements = new ArrayList<>();
        for (Map<String, Object> place : places) {
            for (String day : DAYS) {
                Map<String, Object> query = new LinkedHashMap<>(place);
                query.put("at", day);
                query.put("since", "2025-05-01T00:00:00Z");
                query.put("months", 3);
                JsonNode tallied = figures(summary(query));
                JsonNode recounted = figures(ledger.evaluate(world.northAdmin, "indicator:Recount", query));
                if (!tallied.equals(recounted)) {
                    disagreements.add(query + ": tallies " + tallied + " recount " + recounted);
                }
                if (place.containsKey("entityCategory")) {
                    continue;
                }
                Map<String, Object> listed = new LinkedHashMap<>(place);
                listed.put("at", day);
                listed.put("limit", 1);
                JsonNode first = ledger.evaluate(world.northInspector, "indicator:Overdue", listed);
                JsonNode all = ledger.evaluate(world.northAdmin, "indicator:RecountOverdue", listed);
                if (!first.equals(all)) {
                    disagreements.add(listed + ": overdue " + first + " recount " + all);
                }
                if (first.get("total").asLong()
                        != tallied.at("/coverage/overdue").asLong()) {
                    disagreements.add(listed + ": overdue total " + first + " coverage " + tallied);
                }
            }
        }
        assertThat(disagreements).isEmpty();
    }

    private JsonNode summary(Map<String, Object> query) {
        return ledger.evaluate(world.stranger, "indicator:Summary", query);
    }

    /** The answer without what names its source. */
    private static JsonNode figures(JsonNode answer) {
        ObjectNode copy = answer.deepCopy();
        copy.remove(List.of("source", "inputs"));
        return copy;
    }

    static void instrument(TestWorld world, String id, String owner, String category, boolean mandatory) {
        world.bed.submit(
                owner.equals(TestWorld.ENTITY_EAST) ? world.eastAdmin : world.northAdmin,
                "registry:RegisterInstrument",
                Canonical.json(Map.of(
                        "id",
                        id,
                        "owner",
                        owner,
                        "type",
                        "instrument " + id,
                        "manufacturer",
                        "M",
                        "model",
                        "X",
                        "serial",
                        "S-" + id,
                        "location",
                        "here",
                        "mandatory",
                        mandatory,
                        "category",
                        category)));
    }
}
