package org.metroledger.chaincode.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.metroledger.testbed.TestWorld.ENTITY_NORTH;

import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.metroledger.chaincode.error.ErrorCode;
import org.metroledger.chaincode.error.Fail;
import org.metroledger.simulation.ContractHost.Simulation;
import org.metroledger.simulation.Member;
import org.metroledger.testbed.TestBed.Refusal;
import org.metroledger.testbed.TestWorld;

/**
 * Every commitment and credit write called by every kind of caller: only the allowed ones succeed,
 * and every refusal is FORBIDDEN, would write nothing, and leaves committed state as it was.
 */
class CreditAuthorisationTest {
    private static final Set<String> ADMINS =
            Set.of("north centre admin", "east centre admin", "central-south centre admin");
    /** North entity with an ACTIVE commitment and one credit event; no policy proposal yet. */
    private static final TestWorld WORLD = new TestWorld();
    /** The same, with version 2 proposed and awaiting approvals. */
    private static final TestWorld PROPOSED = new TestWorld();

    static {
        for (TestWorld world : List.of(WORLD, PROPOSED)) {
            world.bed.submit(world.northEntity, "commitment:Publish", CreditRequests.publish("c-north", ENTITY_NORTH));
            world.bed.submit(
                    world.northInspector,
                    "credit:RecordEvent",
                    CreditRequests.record("ev-north", ENTITY_NORTH, "SHORT_WEIGHT", "2025-05-01T00:00:00Z"));
        }
        PROPOSED.bed.submit(
                PROPOSED.northAdmin, "credit:ProposePolicy", CreditRequests.json(CreditRequests.policyV2()));
    }

    record Case(TestWorld world, String function, String request, Set<String> allowed) {}

    static Stream<Arguments> matrix() {
        List<Case> cases = List.of(
                new Case(
                        WORLD,
                        "commitment:Publish",
                        CreditRequests.publish("c-new", TestWorld.ENTITY_EAST),
                        Set.of("east entity")),
                new Case(
                        WORLD,
                        "commitment:Withdraw",
                        "{\"id\":\"c-north\",\"reason\":\"closing\"}",
                        Set.of("north entity")),
                new Case(
                        WORLD,
                        "credit:RecordEvent",
                        CreditRequests.record("ev-new", ENTITY_NORTH, "INSPECTION_FAILED", "2025-05-02T00:00:00Z"),
                        Set.of("north centre admin", "north inspector")),
                new Case(
                        WORLD,
                        "credit:RepairEvent",
                        "{\"id\":\"ev-north\",\"reason\":\"rectified\"}",
                        Set.of("north centre admin")),
                new Case(WORLD, "credit:ProposePolicy", CreditRequests.json(CreditRequests.policyV2()), ADMINS),
                new Case(PROPOSED, "credit:ApprovePolicy", "{\"version\":2}", ADMINS));
        return cases.stream()
                .flatMap(c -> c.world().everyCaller().entrySet().stream()
                        .map(caller -> Arguments.of(
                                c.function(),
                                caller.getKey(),
                                caller.getValue(),
                                c.world(),
                                c.request(),
                                c.allowed())));
    }

    @ParameterizedTest(name = "{0} by {1}")
    @MethodSource("matrix")
    void only_allowed_callers_may_write(
            String function, String callerName, Member caller, TestWorld world, String request, Set<String> allowed) {
        if (allowed.contains(callerName)) {
            Simulation sim = world.bed.simulate(caller, function, request);
            assertThat(sim.succeeded()).as(sim.message()).isTrue();
            assertThat(sim.readWriteSet().writes()).isNotEmpty();
            return;
        }
        List<String> before = snapshot(world);
        assertThatThrownBy(() -> world.bed.submit(caller, function, request))
                .isInstanceOfSatisfying(
                        Refusal.class,
                        r -> assertThat(r.code()).as(r.getMessage()).isEqualTo(ErrorCode.FORBIDDEN));
        assertThat(snapshot(world)).isEqualTo(before);
        Simulation sim = world.bed.simulate(caller, function, request);
        assertThat(Fail.codeOf(sim.payload(), sim.message()).orElse(null))
                .as(sim.message())
                .isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(sim.readWriteSet().writes()).isEmpty();
    }

    /** Every committed key with its version: any commit would change it. */
    private static List<String> snapshot(TestWorld world) {
        return world.bed.state().range("", "", Integer.MAX_VALUE).stream()
                .map(e -> e.key() + "@" + e.value().version() + "="
                        + HexFormat.of().formatHex(e.value().value()))
                .toList();
    }
}
