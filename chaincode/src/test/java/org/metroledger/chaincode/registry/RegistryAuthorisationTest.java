package org.metroledger.chaincode.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.metroledger.chaincode.error.ErrorCode;
import org.metroledger.chaincode.error.Fail;
import org.metroledger.chaincode.json.Canonical;
import org.metroledger.chaincode.signature.LabSignature;
import org.metroledger.simulation.CertificateAuthority;
import org.metroledger.simulation.ContractHost.Simulation;
import org.metroledger.simulation.Member;
import org.metroledger.testbed.TestBed;
import org.metroledger.testbed.TestWorld;

/**
 * Every registry write called by every kind of caller: only the allowed ones succeed, and every
 * refusal is FORBIDDEN with an empty write set, so nothing could be committed.
 */
class RegistryAuthorisationTest {
    private static final TestWorld WORLD = new TestWorld();

    static {
        WORLD.bed.submit(
                WORLD.northAdmin,
                "registry:RegisterInstrument",
                instrumentRequest("inst-engaged", TestWorld.ENTITY_NORTH));
        WORLD.bed.submit(
                WORLD.northAdmin,
                "registry:RegisterStandard",
                Canonical.json(Map.of(
                        "id",
                        "std-held",
                        "holder",
                        TestWorld.LAB_NORTH,
                        "description",
                        "d",
                        "level",
                        "WORKING",
                        "category",
                        "weighing")));
        WORLD.bed.submit(
                WORLD.northEntity,
                "engagement:Request",
                TestWorld.engagement("eng-open", TestWorld.LAB_EAST, "inst-engaged", "INSTRUMENT"));
    }

    record Case(String function, Function<Member, String> request, Set<String> allowed) {}

    static Stream<Arguments> matrix() {
        List<Case> cases = List.of(
                new Case(
                        "registry:RegisterParticipant",
                        caller -> Canonical.json(Map.of(
                                "id", "p-new",
                                "certificate",
                                        WORLD.bed
                                                .client(caller.mspId(), "new-inspector")
                                                .certificatePem(),
                                "role", "INSPECTOR",
                                "name", "new inspector")),
                        Set.of("north centre admin", "east centre admin", "central-south centre admin")),
                new Case(
                        "registry:RevokeParticipant",
                        caller -> Canonical.json(Map.of("id", "p-north-inspector", "reason", "left the service")),
                        Set.of("north centre admin")),
                new Case(
                        "registry:RegisterLab",
                        caller -> labRequest("lab-new"),
                        Set.of("north centre admin", "east centre admin", "central-south centre admin")),
                new Case(
                        "registry:IndexCapabilities",
                        caller -> Canonical.json(Map.of("id", TestWorld.LAB_NORTH)),
                        Set.of("north centre admin")),
                new Case(
                        "registry:SetLabStatus",
                        caller -> Canonical.json(
                                Map.of("id", TestWorld.LAB_NORTH, "status", "SUSPENDED", "reason", "audit finding")),
                        Set.of("north centre admin")),
                new Case(
                        "registry:RegisterEntity",
                        caller -> Canonical.json(Map.of(
                                "id",
                                TestWorld.withCheck("92440300MA5DXXXX0"),
                                "name",
                                "新商户",
                                "province",
                                "广东",
                                "category",
                                "MARKET")),
                        Set.of("north centre admin", "east centre admin", "central-south centre admin")),
                new Case(
                        "registry:RegisterInstrument",
                        caller -> instrumentRequest("inst-new", TestWorld.ENTITY_NORTH),
                        Set.of("north centre admin", "north entity")),
                new Case(
                        "registry:RegisterStandard",
                        caller -> Canonical.json(Map.of(
                                "id",
                                "std-new",
                                "holder",
                                TestWorld.LAB_NORTH,
                                "description",
                                "working standard",
                                "level",
                                "WORKING",
                                "category",
                                "weighing")),
                        Set.of("north centre admin")),
                new Case(
                        "registry:RenewAccreditation",
                        caller -> renewalRequest(TestWorld.LAB_NORTH),
                        Set.of("north centre admin")),
                new Case(
                        "registry:GrantAuthorisation",
                        caller -> TestWorld.authorisation(TestWorld.LAB_EAST, "taxi-meter"),
                        Set.of("north centre admin", "east centre admin", "central-south centre admin")),
                new Case(
                        "engagement:Request",
                        caller -> TestWorld.engagement("eng-new", TestWorld.LAB_EAST, "inst-engaged", "INSTRUMENT"),
                        Set.of("north entity")),
                new Case(
                        "engagement:Request",
                        caller -> TestWorld.engagement("eng-new", TestWorld.LAB_EAST, "std-held", "STANDARD"),
                        Set.of("north lab")),
                new Case(
                        "engagement:Withdraw",
                        caller -> Canonical.json(Map.of("id", "eng-open", "reason", "no longer needed")),
                        Set.of("north entity")));
        return cases.stream()
                .flatMap(c -> WORLD.everyCaller().entrySet().stream()
                        .map(caller -> Arguments.of(
                                c.function(), caller.getKey(), caller.getValue(), c.request(), c.allowed())));
    }

    @ParameterizedTest(name = "{0} by {1}")
    @MethodSource("matrix")
    void only_allowed_callers_may_write(
            String function, String callerName, Member caller, Function<Member, String> request, Set<String> allowed) {
        Simulation sim = WORLD.bed.simulate(caller, function, request.apply(caller));
        if (allowed.contains(callerName)) {
            assertThat(sim.succeeded()).as(sim.message()).isTrue();
            assertThat(sim.readWriteSet().writes()).isNotEmpty();
        } else {
            assertThat(sim.succeeded()).isFalse();
            assertThat(Fail.codeOf(sim.payload(), sim.message()).orElse(null))
                    .as(sim.message())
                    .isEqualTo(ErrorCode.FORBIDDEN);
            assertThat(sim.readWriteSet().writes()).isEmpty();
        }
    }

    @ParameterizedTest(name = "RegisterRegion by {0}")
    @MethodSource("regionCallers")
    void only_an_msp_admin_registers_its_region(String callerName, boolean admin) {
        TestBed fresh = new TestBed();
        Member caller = admin ? fresh.admin(TestBed.EAST) : fresh.client(TestBed.EAST, callerName);
        Simulation sim = fresh.simulate(caller, "registry:RegisterRegion", "{\"name\":\"华东\",\"provinces\":[\"上海\"]}");
        assertThat(sim.succeeded()).isEqualTo(admin);
        if (!admin) {
            assertThat(Fail.codeOf(sim.payload(), sim.message()).orElse(null)).isEqualTo(ErrorCode.FORBIDDEN);
            assertThat(sim.readWriteSet().writes()).isEmpty();
        }
    }

    static Stream<Arguments> regionCallers() {
        return Stream.of(Arguments.of("admin", true), Arguments.of("client", false));
    }

    /** A RenewAccreditation request: the accreditation of {@link #labRequest}, with a reason. */
    static String renewalRequest(String lab) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("id", lab);
        request.put("accreditation", Canonical.tree(labRequest(lab), "lab").get("accreditation"));
        request.put("reason", "reassessed");
        return Canonical.json(request);
    }

    static String labRequest(String id) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("id", id);
        request.put("name", "新实验室");
        request.put(
                "accreditation",
                Map.of(
                        "body", "CNAS",
                        "number", "L9999",
                        "validFrom", "2020-01-01T00:00:00Z",
                        "validUntil", "2030-01-01T00:00:00Z",
                        "scope",
                                List.of(Map.of(
                                        "category",
                                        "weighing",
                                        "quantity",
                                        "mass",
                                        "range",
                                        "0-60 kg",
                                        "cmcUncertainty",
                                        "0.5 g"))));
        request.put(
                "publicKey", LabSignature.pem(CertificateAuthority.newKeyPair().getPublic()));
        return Canonical.json(request);
    }

    static String instrumentRequest(String id, String owner) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("id", id);
        request.put("owner", owner);
        request.put("type", "电子计价秤");
        request.put("manufacturer", "M");
        request.put("model", "ACS-30");
        request.put("serial", "SN-1");
        request.put("location", "摊位 12");
        request.put("mandatory", true);
        request.put("category", "weighing");
        return Canonical.json(request);
    }
}
