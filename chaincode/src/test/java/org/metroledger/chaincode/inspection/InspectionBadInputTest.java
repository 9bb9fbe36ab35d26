package org.metroledger.chaincode.inspection;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.metroledger.testbed.Expect;
import org.metroledger.testbed.TestWorld;

/** Bad input to every inspection function, from a caller allowed to call it: INVALID_ARGUMENT naming the field, no writes. */
class InspectionBadInputTest {
    private static final TestWorld WORLD = new TestWorld();
    private static final String CREATE = Draws.creation("d-x", "MARKET");

    private static final String RESULT = Draws.result("d-open", TestWorld.ENTITY_NORTH, "PASSED");

    static {
        Draws.create(WORLD, "d-open", "MARKET");
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("inspection:Create", "", "request"),
                Arguments.of("inspection:Create", "[1]", "request"),
                Arguments.of("inspection:Create", CREATE.replace("\"id\":\"d-x\"", "\"id\":\"d x\""), "id"),
                Arguments.of("inspection:Create", CREATE.replace("\"id\":\"d-x\",", ""), "id"),
                Arguments.of("inspection:Create", CREATE.replace("\"MARKET\"", "\"CIRCUS\""), "category"),
                Arguments.of("inspection:Create", CREATE.replace(",\"region\":\"NorthMSP\"", ""), "region"),
                Arguments.of("inspection:Create", CREATE.replace(",\"EastMSP\"]", "]"), "participants"),
                Arguments.of("inspection:Create", CREATE.replace("\"EastMSP\"]", "\"NorthMSP\"]"), "participants[1]"),
                Arguments.of(
                        "inspection:Create",
                        CREATE.replace("[\"NorthMSP\",\"EastMSP\"]", "[\"EastMSP\",\"CentralSouthMSP\"]"),
                        "participants"),
                Arguments.of(
                        "inspection:Create",
                        CREATE.replace("[\"p-north-inspector\",\"p-east-inspector\"]", "[]"),
                        "inspectors"),
                Arguments.of(
                        "inspection:Create", CREATE.replace("\"p-east-inspector\"", "\"p-east-lab\""), "inspectors[1]"),
                Arguments.of("inspection:Create", CREATE.replace("}", ",\"extra\":1}"), "extra"),
                Arguments.of("inspection:CommitSeed", "{\"drawId\":\"d-open\"}", "seedHash"),
                Arguments.of("inspection:CommitSeed", "{\"drawId\":\"d-open\",\"seedHash\":\"ABC\"}", "seedHash"),
                Arguments.of("inspection:CommitSeed", "{\"seedHash\":\"" + "a".repeat(64) + "\"}", "drawId"),
                Arguments.of("inspection:RevealSeed", "{\"drawId\":\"d-open\",\"seed\":\"xyz\"}", "seed"),
                Arguments.of("inspection:RevealSeed", "{\"drawId\":\"d-open\",\"seed\":7}", "seed"),
                Arguments.of(
                        "inspection:RevealSeed", "{\"drawId\":\"\",\"seed\":\"" + "a".repeat(64) + "\"}", "drawId"),
                Arguments.of("inspection:Publish", "{}", "drawId"),
                Arguments.of("inspection:Publish", "{\"drawId\":\"d-open\",\"at\":\"now\"}", "at"),
                Arguments.of("inspection:RecordResult", RESULT.replace("\"d-open\"", "\"d open\""), "drawId"),
                Arguments.of("inspection:RecordResult", RESULT.replace(TestWorld.ENTITY_NORTH, ""), "entity"),
                Arguments.of("inspection:RecordResult", RESULT.replace("\"PASSED\"", "\"FINE\""), "outcome"),
                Arguments.of("inspection:RecordResult", RESULT.replace("\"PASSED\"", "null"), "outcome"),
                Arguments.of(
                        "inspection:RecordResult",
                        RESULT.replace("\"two scales 20 g short at 1 kg\"", "\"\""),
                        "findings"),
                Arguments.of(
                        "inspection:RecordResult", RESULT.replace("b".repeat(64), "b".repeat(63)), "evidenceDigest"),
                Arguments.of("inspection:RecordResult", RESULT.replace("{", "{\"inspector\":\"a b\","), "inspector"),
                Arguments.of("inspection:Create", CREATE.replace("\"d-x\"", "\"" + "d".repeat(129) + "\""), "id"),
                Arguments.of("inspection:Get", "{}", "id"),
                Arguments.of("inspection:Get", "{\"id\":\"a b\"}", "id"),
                Arguments.of("inspection:List", "{\"pageSize\":0}", "pageSize"),
                Arguments.of("inspection:List", "{\"pageSize\":\"ten\"}", "pageSize"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void bad_input_is_refused_naming_the_field(String function, String request, String field) {
        Expect.invalid(WORLD.bed, field, WORLD.northAdmin, function, request);
    }
}
