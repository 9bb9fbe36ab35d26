package org.metroledger.chaincode.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.metroledger.chaincode.error.ErrorCode;
import org.metroledger.chaincode.json.Canonical;
import org.metroledger.simulation.Member;
import org.metroledger.simulation.StateEntry;
import org.metroledger.testbed.TestBed;
import org.metroledger.testbed.TestBed.Refusal;
import org.metroledger.testbed.TestWorld;

/**
 * A {@link TestWorld} with an instrument of the north entity, a PRIMARY → REFERENCE → WORKING
 * chain of north-lab standards, and the north lab's calibration certificates along that chain.
 */
public final class CertificateLedger {
    public static final String PUMP = "pump-north-3";
    public static final String CATEGORY = "fuel-dispenser";

    public final TestWorld world = new TestWorld();
    public final TestBed bed = world.bed;

    public CertificateLedger() {
        bed.submit(
                world.northAdmin,
                "registry:RegisterInstrument",
                Canonical.json(Map.of(
                        "id",
                        PUMP,
                        "owner",
                        TestWorld.ENTITY_NORTH,
                        "type",
                        "fuel dispenser",
                        "manufacturer",
                        "Tatsuno",
                        "model",
                        "T-9",
                        "serial",
                        "SN-0003",
                        "location",
                        "Station 7",
                        "mandatory",
                        true,
                        "category",
                        CATEGORY)));
        standard("STD-P", "PRIMARY");
        standard("STD-R", "REFERENCE");
        standard("STD-W", "WORKING");
        // Each recorded an hour after its issue, as the back-dating allowance wants; then back to now.
        Instant now = bed.now();
        bed.at(Instant.parse("2025-01-01T01:00:00Z"));
        issue(TraceabilityChain.calibration("C-P", "STD-P", "2024-12-20T00:00:00Z", "2025-01-01T00:00:00Z")
                .with("issuer", TestWorld.LAB_NORTH));
        bed.at(Instant.parse("2025-02-01T01:00:00Z"));
        issue(TraceabilityChain.calibration("C-R", "STD-R", "2025-01-10T00:00:00Z", "2025-02-01T00:00:00Z")
                .with("issuer", TestWorld.LAB_NORTH)
                .cites("STD-P", "C-P"));
        bed.at(Instant.parse("2025-03-01T01:00:00Z"));
        issue(TraceabilityChain.calibration("C-W", "STD-W", "2025-02-10T00:00:00Z", "2025-03-01T00:00:00Z")
                .with("issuer", TestWorld.LAB_NORTH)
                .cites("STD-R", "C-R"));
        bed.at(now);
    }

    /** The north lab's verification of the pump, citing the WORKING standard. */
    public static CertificateDraft pumpVerification(String id) {
        return CertificateDraft.verification(id, TestWorld.LAB_NORTH, PUMP).cites("STD-W", "C-W");
    }

    void standard(String id, String level) {
        bed.submit(
                world.northAdmin,
                "registry:RegisterStandard",
                Canonical.json(Map.of(
                        "id",
                        id,
                        "holder",
                        TestWorld.LAB_NORTH,
                        "description",
                        "standard " + id,
                        "level",
                        level,
                        "category",
                        CATEGORY)));
    }

    /** Issues as the north lab, signed with its key. */
    public JsonNode issue(CertificateDraft draft) {
        return submit(world.northLab, "certificate:Issue", draft.signedBy(world.northLabKey));
    }

    JsonNode submit(Member caller, String function, String request) {
        return Canonical.tree(bed.submit(caller, function, request), "answer");
    }

    JsonNode evaluate(Member caller, String function, Object request) {
        return Canonical.tree(bed.evaluate(caller, function, Canonical.json(request)), "answer");
    }

    JsonNode verify(String id) {
        return evaluate(world.stranger, "certificate:Verify", Map.of("id", id));
    }

    /** Asserts the action is refused with the code and a message containing the text. */
    static void assertRefused(Runnable action, ErrorCode code, String messagePart) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(Refusal.class, r -> {
            assertThat(r.code()).isEqualTo(code);
            assertThat(r.getMessage()).contains(messagePart);
        });
    }

    /** Every key and value of world state, to show a refusal wrote nothing. */
    Map<String, String> snapshot() {
        List<StateEntry> entries = bed.state().range("", "", Integer.MAX_VALUE);
        Map<String, String> snapshot = new TreeMap<>();
        for (StateEntry e : entries) {
            snapshot.put(
                    e.key(),
                    new String(e.value().value(), java.nio.charset.StandardCharsets.UTF_8) + "@"
                            + e.value().version());
        }
        return snapshot;
    }
}
