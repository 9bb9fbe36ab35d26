package org.metroledger.chaincode.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.metroledger.chaincode.error.ErrorCode;
import org.metroledger.chaincode.json.Canonical;
import org.metroledger.simulation.Member;
import org.metroledger.testbed.Expect;
import org.metroledger.testbed.TestBed;
import org.metroledger.testbed.TestWorld;

/**
 * Expiry and overdue notices (notice contract): what is due comes from the indicators' rows, each
 * notice is recorded once and only while it is true, and overdue instruments are named only to
 * those who may read the named lists.
 */
class ExpiryNoticeTest {
    private static final String BARE = "pump-north-9";
    private final CertificateLedger ledger = new CertificateLedger();
    private final TestWorld world = ledger.world;

    ExpiryNoticeTest() {
        world.bed.at(Instant.parse("2025-06-01T10:00:00Z"));
        world.bed.submit(
                world.northAdmin,
                "registry:RegisterInstrument",
                Canonical.json(Map.of(
                        "id",
                        BARE,
                        "owner",
                        TestWorld.ENTITY_NORTH,
                        "type",
                        "scale",
                        "manufacturer",
                        "M",
                        "model",
                        "S-1",
                        "serial",
                        "SN-9",
                        "location",
                        "Market 1",
                        "mandatory",
                        true,
                        "category",
                        "weighing")));
        ledger.issue(CertificateLedger.pumpVerification("V-SOON")
                .dated("2025-06-01T08:00:00Z", "2025-06-01T09:00:00Z", "2025-06-20T00:00:00Z"));
    }

    private List<String> due(Member who, Map<String, String> query) {
        JsonNode answer = Canonical.tree(world.bed.evaluate(who, "notice:Due", Canonical.json(query)), "due");
        List<String> ids = new ArrayList<>();
        answer.get("notices").forEach(n -> ids.add(n.get("id").asText()));
        return ids;
    }

    private JsonNode announce(Member who, String id) {
        return Canonical.tree(world.bed.submit(who, "notice:Announce", Canonical.json(Map.of("id", id))), "notice");
    }

    @Test
    void a_certificate_entering_its_window_and_an_instrument_without_cover_are_due_once() {
        List<String> due = due(world.northInspector, Map.of("region", TestBed.NORTH));
        assertThat(due).contains("expiring:V-SOON", "overdue:" + BARE + ":2025-06-02");
        assertThat(due).noneMatch(id -> id.startsWith("overdue:" + CertificateLedger.PUMP));

        JsonNode notice = announce(world.northAdmin, "expiring:V-SOON");
        assertThat(notice.get("kind").asText()).isEqualTo("CERTIFICATE_EXPIRING");
        assertThat(notice.get("instrument").asText()).isEqualTo(CertificateLedger.PUMP);
        assertThat(notice.get("entity").asText()).isEqualTo(TestWorld.ENTITY_NORTH);
        assertThat(notice.get("day").asText()).isEqualTo("2025-06-20");
        assertThat(due(world.northInspector, Map.of("region", TestBed.NORTH))).doesNotContain("expiring:V-SOON");
        Expect.refused(
                world.bed,
                ErrorCode.CONFLICT,
                world.northAdmin,
                "notice:Announce",
                Canonical.json(Map.of("id", "expiring:V-SOON")));
    }

    @Test
    void a_notice_that_is_not_due_is_refused() {
        ledger.issue(CertificateLedger.pumpVerification("V-LATER"));
        String refusal = Expect.refused(
                world.bed,
                ErrorCode.CONFLICT,
                world.northAdmin,
                "notice:Announce",
                Canonical.json(Map.of("id", "expiring:V-LATER")));
        assertThat(refusal).contains("not due");
        Expect.refused(
                world.bed,
                ErrorCode.CONFLICT,
                world.northAdmin,
                "notice:Announce",
                Canonical.json(Map.of("id", "overdue:" + BARE + ":2025-05-01")));
    }

    @Test
    void once_its_cover_ends_an_instrument_is_overdue_again_from_that_day() {
        world.bed.at(Instant.parse("2025-06-21T10:00:00Z"));
        assertThat(due(world.northAdmin, Map.of("region", TestBed.NORTH)))
                .contains("overdue:" + CertificateLedger.PUMP + ":2025-06-20")
                .doesNotContain("expiring:V-SOON");
        JsonNode overdue = announce(world.northInspector, "overdue:" + CertificateLedger.PUMP + ":2025-06-20");
        assertThat(overdue.get("kind").asText()).isEqualTo("INSTRUMENT_OVERDUE");
    }

    @Test
    void overdue_instruments_are_named_only_to_their_region_and_their_owner() {
        assertThat(due(world.northEntity, Map.of("entity", TestWorld.ENTITY_NORTH)))
                .contains("overdue:" + BARE + ":2025-06-02", "expiring:V-SOON");
        assertThat(due(world.eastAdmin, Map.of("entity", TestWorld.ENTITY_EAST)))
                .isEmpty();
        for (Member outsider : List.of(world.eastAdmin, world.stranger, world.northLab, world.northEntity)) {
            Expect.refused(
                    world.bed,
                    ErrorCode.FORBIDDEN,
                    outsider,
                    "notice:Due",
                    Canonical.json(Map.of("region", TestBed.NORTH)));
        }
        Expect.refused(
                world.bed,
                ErrorCode.FORBIDDEN,
                world.eastEntity,
                "notice:Due",
                Canonical.json(Map.of("entity", TestWorld.ENTITY_NORTH)));
        String overdue = "overdue:" + BARE + ":2025-06-02";
        Expect.refused(
                world.bed,
                ErrorCode.FORBIDDEN,
                world.eastAdmin,
                "notice:Announce",
                Canonical.json(Map.of("id", overdue)));
        announce(world.northEntity, overdue);
        Expect.refused(
                world.bed, ErrorCode.FORBIDDEN, world.stranger, "notice:Get", Canonical.json(Map.of("id", overdue)));
        world.bed.evaluate(world.northInspector, "notice:Get", Canonical.json(Map.of("id", overdue)));
        announce(world.northAdmin, "expiring:V-SOON");
        world.bed.evaluate(world.stranger, "notice:Get", Canonical.json(Map.of("id", "expiring:V-SOON")));
    }

    @Test
    void bad_input_names_the_field() {
        Expect.invalid(world.bed, "region", world.northAdmin, "notice:Due", "{}");
        Expect.invalid(
                world.bed,
                "region",
                world.northAdmin,
                "notice:Due",
                Canonical.json(Map.of("region", TestBed.NORTH, "entity", TestWorld.ENTITY_NORTH)));
        Expect.invalid(
                world.bed,
                "at",
                world.northAdmin,
                "notice:Due",
                Canonical.json(Map.of("region", "NorthMSP", "at", "x")));
        Expect.invalid(world.bed, "id", world.northAdmin, "notice:Announce", "{\"id\":\"soon\"}");
        Expect.invalid(world.bed, "id", world.northAdmin, "notice:Announce", "{\"id\":\"overdue:pump-north-9:today\"}");
        Expect.invalid(world.bed, "id", world.northAdmin, "notice:Announce", "{}");
        Expect.invalid(world.bed, "id", world.northAdmin, "notice:Get", "{\"id\":\"\"}");
    }
}
