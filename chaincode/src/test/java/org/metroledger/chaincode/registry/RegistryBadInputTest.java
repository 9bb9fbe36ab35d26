package org.metroledger.chaincode.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.metroledger.chaincode.error.ErrorCode;
import org.metroledger.chaincode.error.Fail;
import org.metroledger.simulation.ContractHost.Simulation;
import org.metroledger.simulation.Member;
import org.metroledger.testbed.TestWorld;

/** Bad input to every registry function: INVALID_ARGUMENT naming the field, and no writes. */
class RegistryBadInputTest {
    private static final TestWorld WORLD = new TestWorld();
    private static final String LAB = RegistryAuthorisationTest.labRequest("lab-x");
    private static final String INSTRUMENT =
            RegistryAuthorisationTest.instrumentRequest("inst-x", TestWorld.ENTITY_NORTH);
    private static final String LONG = "x".repeat(5000);
    private static final String GRANT = "{\"lab\":\"lab-north-1\",\"category\":\"weighing\","
            + "\"validFrom\":\"2025-01-01T00:00:00Z\",\"validUntil\":\"2026-01-01T00:00:00Z\"}";
    private static final String ENGAGE = TestWorld.engagement("E-1", "lab-east-1", "inst-x", "INSTRUMENT");

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("registry:RegisterRegion", "", "request"),
                Arguments.of("registry:RegisterRegion", "not json", "request"),
                Arguments.of("registry:RegisterRegion", "[]", "request"),
                Arguments.of("registry:RegisterRegion", "{\"provinces\":[\"x\"]}", "name"),
                Arguments.of("registry:RegisterRegion", "{\"name\":\"n\",\"provinces\":[]}", "provinces"),
                Arguments.of("registry:RegisterRegion", "{\"name\":7,\"provinces\":[\"x\"]}", "name"),
                Arguments.of("registry:RegisterRegion", "{\"name\":\"n\",\"provinces\":[\"x\"],\"extra\":1}", "extra"),
                Arguments.of(
                        "registry:RegisterParticipant",
                        "{\"id\":\"p1\",\"certificate\":\"nope\",\"role\":\"LAB\",\"name\":\"n\"}",
                        "certificate"),
                Arguments.of(
                        "registry:RegisterParticipant",
                        "{\"id\":\"p 1\",\"certificate\":\"nope\",\"role\":\"LAB\",\"name\":\"n\"}",
                        "id"),
                Arguments.of("registry:RegisterParticipant", participant("\"role\":\"KING\""), "role"),
                Arguments.of("registry:RevokeParticipant", "{\"reason\":\"left\"}", "id"),
                Arguments.of("registry:RevokeParticipant", "{\"id\":\"p-north-inspector\"}", "reason"),
                Arguments.of("registry:RevokeParticipant", "{\"id\":\"p-north-inspector\",\"reason\":\"\"}", "reason"),
                Arguments.of(
                        "registry:RevokeParticipant",
                        "{\"id\":\"p-north-inspector\",\"reason\":\"" + LONG + "\"}",
                        "reason"),
                Arguments.of("registry:RegisterParticipant", participant("\"role\":\"LAB\""), "organisation"),
                Arguments.of("registry:RegisterLab", LAB.replace("\"id\":\"lab-x\"", "\"id\":\"\""), "id"),
                Arguments.of(
                        "registry:RegisterLab",
                        LAB.replace("2030-01-01T00:00:00Z", "2030-13-01"),
                        "accreditation.validUntil"),
                Arguments.of(
                        "registry:RegisterLab",
                        LAB.replace("2030-01-01T00:00:00Z", "2019-01-01T00:00:00Z"),
                        "accreditation.validUntil"),
                Arguments.of(
                        "registry:RegisterLab",
                        LAB.replace("\"category\":\"weighing\"", "\"category\":\"\""),
                        "accreditation.scope[0].category"),
                Arguments.of(
                        "registry:RegisterLab",
                        LAB.replaceAll("\"publicKey\":\"[^\"]*\"", "\"publicKey\":\"garbage\""),
                        "publicKey"),
                Arguments.of(
                        "registry:RegisterLab", LAB.replace("\"name\":\"新实验室\"", "\"name\":\"" + LONG + "\""), "name"),
                Arguments.of(
                        "registry:SetLabStatus",
                        "{\"id\":\"lab-north-1\",\"status\":\"CLOSED\",\"reason\":\"r\"}",
                        "status"),
                Arguments.of("registry:SetLabStatus", "{\"id\":\"lab-north-1\",\"status\":\"SUSPENDED\"}", "reason"),
                Arguments.of("registry:IndexCapabilities", "{\"id\":\"a b\"}", "id"),
                Arguments.of("registry:IndexCapabilities", "{}", "id"),
                Arguments.of(
                        "registry:RegisterEntity",
                        "{\"id\":\"123\",\"name\":\"n\",\"province\":\"p\",\"category\":\"MARKET\"}",
                        "id"),
                Arguments.of(
                        "registry:RegisterEntity",
                        "{\"id\":\"91110000600037341I\",\"name\":\"n\",\"province\":\"p\",\"category\":\"MARKET\"}",
                        "id"),
                Arguments.of(
                        "registry:RegisterEntity",
                        "{\"id\":\"" + TestWorld.withCheck("91110000600037342")
                                + "\",\"name\":\"n\",\"province\":\"p\",\"category\":\"CASINO\"}",
                        "category"),
                Arguments.of(
                        "registry:RegisterInstrument",
                        INSTRUMENT.replace("\"mandatory\":true", "\"mandatory\":\"yes\""),
                        "mandatory"),
                Arguments.of("registry:RegisterInstrument", INSTRUMENT.replace(",\"mandatory\":true", ""), "mandatory"),
                Arguments.of(
                        "registry:RegisterInstrument",
                        INSTRUMENT.replace("\"serial\":\"SN-1\"", "\"serial\":\"" + LONG + "\""),
                        "serial"),
                Arguments.of(
                        "registry:RegisterInstrument",
                        INSTRUMENT.replace("\"category\":\"weighing\"", "\"category\":\"../x\""),
                        "category"),
                Arguments.of(
                        "registry:RegisterStandard",
                        "{\"id\":\"s\",\"holder\":\"lab-north-1\",\"description\":\"d\",\"level\":\"GOLD\",\"category\":\"c\"}",
                        "level"),
                Arguments.of(
                        "registry:GrantAuthorisation",
                        "{\"category\":\"weighing\",\"validFrom\":\"2025-01-01T00:00:00Z\",\"validUntil\":\"2026-01-01T00:00:00Z\"}",
                        "lab"),
                Arguments.of("registry:GrantAuthorisation", GRANT.replace("\"weighing\"", "\"../x\""), "category"),
                Arguments.of(
                        "registry:GrantAuthorisation",
                        GRANT.replace("\"2025-01-01T00:00:00Z\"", "\"soon\""),
                        "validFrom"),
                Arguments.of(
                        "registry:GrantAuthorisation",
                        GRANT.replace("\"2026-01-01T00:00:00Z\"", "\"2024-01-01T00:00:00Z\""),
                        "validUntil"),
                Arguments.of(
                        "registry:GrantAuthorisation", GRANT.replace("\"2026-01-01T00:00:00Z\"", "7"), "validUntil"),
                Arguments.of("registry:GrantAuthorisation", GRANT.replace("{", "{\"region\":\"EastMSP\","), "region"),
                Arguments.of("registry:ListAuthorisations", "{}", "region"),
                Arguments.of("registry:ListAuthorisations", "{\"lab\":\"lab-north-1\",\"region\":\"NorthMSP\"}", "lab"),
                Arguments.of(
                        "registry:ListAuthorisations", "{\"region\":\"NorthMSP\",\"category\":\"a b\"}", "category"),
                Arguments.of("engagement:Request", ENGAGE.replace("\"E-1\"", "\"E 1\""), "id"),
                Arguments.of("engagement:Request", ENGAGE.replace(",\"lab\":\"lab-east-1\"", ""), "lab"),
                Arguments.of("engagement:Request", ENGAGE.replace("\"inst-x\"", "\"\""), "subject"),
                Arguments.of("engagement:Request", ENGAGE.replace("\"INSTRUMENT\"", "\"ENTITY\""), "subjectType"),
                Arguments.of("engagement:Request", ENGAGE.replace("{", "{\"note\":\"x\","), "note"),
                Arguments.of("engagement:Withdraw", "{\"id\":\"E-1\"}", "reason"),
                Arguments.of("engagement:Withdraw", "{\"reason\":\"r\"}", "id"),
                Arguments.of("engagement:Get", "{\"id\":\"\"}", "id"),
                Arguments.of("registry:GetLab", "{\"id\":\"\\u0000\"}", "id"),
                Arguments.of("registry:GetLab", "{}", "id"),
                Arguments.of("registry:ListLabs", "{\"pageSize\":0}", "pageSize"),
                Arguments.of("registry:ListLabs", "{\"pageSize\":\"ten\"}", "pageSize"),
                // A bookmark starts the scan where it says: one of another listing, or forged, is refused.
                Arguments.of(
                        "registry:ListLabs",
                        "{\"bookmark\":\"\\u0000certificate~lab\\u0000lab-north-1\\u0000\"}",
                        "bookmark"),
                Arguments.of("registry:ListLabs", "{\"bookmark\":\"forged\"}", "bookmark"),
                Arguments.of("registry:ListLabs", "{\"bookmark\":\"\\u0000lab~all\\u0000" + LONG + "\"}", "bookmark"),
                Arguments.of("audit:History", "{\"type\":\"Lab\"}", "id"),
                Arguments.of("audit:History", "{\"type\":\"Nope\",\"id\":\"x\"}", "type"),
                Arguments.of("audit:History", "{\"type\":\"lab\",\"id\":\"lab-north-1\"}", "type"));
    }

    private static String participant(String role) {
        return "{\"id\":\"p1\",\"certificate\":"
                + org.metroledger.chaincode.json.Canonical.json(WORLD.stranger.certificatePem()) + "," + role
                + ",\"name\":\"n\"}";
    }

    @ParameterizedTest(name = "{0} {1} names {2}")
    @MethodSource("cases")
    void bad_input_is_refused_naming_the_field(String function, String request, String field) {
        Member admin = WORLD.northAdmin;
        Simulation sim = WORLD.bed.simulate(admin, function, request);
        assertThat(sim.succeeded()).as("should be refused").isFalse();
        assertThat(Fail.codeOf(sim.payload(), sim.message()).orElse(null))
                .as(sim.message())
                .isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(Fail.messageOf(sim.message())).startsWith(field);
        assertThat(sim.readWriteSet().writes()).isEmpty();
    }
}
