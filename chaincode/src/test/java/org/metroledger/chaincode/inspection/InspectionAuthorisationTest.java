package org.metroledger.chaincode.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.metroledger.chaincode.error.ErrorCode;
import org.metroledger.chaincode.json.Canonical;
import org.metroledger.chaincode.signature.LabSignature;
import org.metroledger.simulation.ContractHost.Simulation;
import org.metroledger.simulation.Member;
import org.metroledger.testbed.Expect;
import org.metroledger.testbed.TestBed;
import org.metroledger.testbed.TestWorld;

/**
 * Every inspection write called by every kind of caller against one prepared world: only the
 * allowed ones succeed, every refusal is FORBIDDEN and writes nothing.
 */
class InspectionAuthorisationTest {
    private static final TestWorld WORLD = new TestWorld();
    private static final Map.Entry<String, String> ASSIGNMENT;
    private static final EscrowedDraws ESCROWED = new EscrowedDraws(WORLD);
    private static final Set<String> CENTRES =
            Set.of("north centre admin", "east centre admin", "central-south centre admin");

    static {
        WORLD.bed.submit(WORLD.northAdmin, "inspection:Create", EscrowedDraws.creation("d-dealt", "PT1H"));
        for (String msp : EscrowedDraws.CENTRES) {
            WORLD.bed.submit(ESCROWED.admin(msp), "inspection:CommitSeed", ESCROWED.commitment("d-dealt", msp));
        }
        ESCROWED.opened("d-late");
        ESCROWED.reveal("d-late", TestBed.NORTH);
        WORLD.bed.advance(Duration.ofHours(2));
        Draws.registerMarkets(WORLD, 60);
        Draws.create(WORLD, "d-open", "MARKET");
        Draws.create(WORLD, "d-committed", "MARKET");
        Draws.commitAll(WORLD, "d-committed");
        Draws.create(WORLD, "d-revealed", "MARKET");
        Draws.commitAll(WORLD, "d-revealed");
        Draws.revealAll(WORLD, "d-revealed");
        ASSIGNMENT = Draws.firstAssignment(Draws.publish(WORLD, "d-published"));
    }

    record Case(String function, Function<Member, String> request, Set<String> allowed) {}

    static Stream<Arguments> matrix() {
        List<Case> cases = List.of(
                new Case(
                        "inspection:Create", caller -> Draws.creation("d-new", "MARKET"), Set.of("north centre admin")),
                new Case(
                        "inspection:CommitSeed",
                        caller -> Draws.commitment("d-open", caller),
                        Set.of("north centre admin", "east centre admin")),
                new Case(
                        "inspection:RevealSeed",
                        caller -> Draws.reveal("d-committed", caller),
                        Set.of("north centre admin", "east centre admin")),
                new Case("inspection:Publish", caller -> "{\"drawId\":\"d-revealed\"}", Set.of("north centre admin")),
                new Case(
                        "inspection:RegisterShareKey",
                        caller -> Canonical.json(Map.of(
                                "publicKey",
                                LabSignature.pem(
                                        ESCROWED.keys.get(TestBed.NORTH).getPublic()))),
                        CENTRES),
                new Case("inspection:ConfirmShares", caller -> "{\"drawId\":\"d-dealt\"}", CENTRES),
                new Case("inspection:PostShares", InspectionAuthorisationTest::lateShares, CENTRES),
                new Case(
                        "inspection:Cancel",
                        caller -> "{\"drawId\":\"d-committed\",\"reason\":\"no inspectors free\"}",
                        Set.of("north centre admin", "east centre admin")),
                new Case(
                        "inspection:RecordResult",
                        caller -> Draws.result("d-published", ASSIGNMENT.getKey(), "PASSED"),
                        Set.of(
                                "north centre admin",
                                ASSIGNMENT.getValue().equals("p-north-inspector")
                                        ? "north inspector"
                                        : "east inspector")));
        return cases.stream()
                .flatMap(c -> WORLD.everyCaller().entrySet().stream()
                        .map(caller -> Arguments.of(
                                c.function(), caller.getKey(), caller.getValue(), c.request(), c.allowed())));
    }

    /** The caller's shares of the seeds East and Central-South withheld in d-late (any share for a non-participant). */
    private static String lateShares(Member caller) {
        String msp = caller.mspId();
        Map<String, String> shares = new java.util.TreeMap<>();
        boolean admin = caller == WORLD.northAdmin || caller == WORLD.eastAdmin || caller == WORLD.centralSouthAdmin;
        for (String dealer : List.of(TestBed.EAST, TestBed.CENTRAL_SOUTH)) {
            if (!dealer.equals(msp)) {
                shares.put(dealer, admin ? ESCROWED.shareOf("d-late", dealer, msp) : "ab".repeat(32));
            }
        }
        return Canonical.json(Map.of("drawId", "d-late", "shares", shares));
    }

    @ParameterizedTest(name = "{0} by {1}")
    @MethodSource("matrix")
    void only_allowed_callers_may_write(
            String function, String callerName, Member caller, Function<Member, String> request, Set<String> allowed) {
        if (allowed.contains(callerName)) {
            Simulation sim = WORLD.bed.simulate(caller, function, request.apply(caller));
            assertThat(sim.succeeded()).as(sim.message()).isTrue();
            assertThat(sim.readWriteSet().writes()).isNotEmpty();
        } else {
            Expect.refused(WORLD.bed, ErrorCode.FORBIDDEN, caller, function, request.apply(caller));
        }
    }
}
