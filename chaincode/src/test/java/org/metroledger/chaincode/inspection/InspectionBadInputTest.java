package org.metroledger.chaincode.inspection;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.metroledger.testbed.Expect;
import org.metroledger.testbed.TestBed;
import org.metroledger.testbed.TestWorld;

/** Bad input to every inspection function, from a caller allowed to call it: INVALID_ARGUMENT naming the field, no writes. */
class InspectionBadInputTest {
    private static final TestWorld WORLD = new TestWorld();
    private static final String CREATE = Draws.creation("d-x", "MARKET");

    private static final String RESULT = Draws.result("d-open", TestWorld.ENTITY_NORTH, "PASSED");

    private static final EscrowedDraws ESCROWED = new EscrowedDraws(WORLD);
    private static final String DEALT = ESCROWED.commitment("d-dealt", TestBed.NORTH);

    static {
        Draws.create(WORLD, "d-open", "MARKET");
        WORLD.bed.submit(WORLD.northAdmin, "inspection:Create", EscrowedDraws.creation("d-dealt", "PT1H"));
        ESCROWED.opened("d-late");
        WORLD.bed.advance(java.time.Duration.ofHours(2));
    }

    private static String dealtWith(String from, String to) {
        return DEALT.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to));
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
                Arguments.of("inspection:Create", CREATE.replace("}", ",\"revealPeriod\":\"a week\"}"), "revealPeriod"),
                Arguments.of("inspection:Create", CREATE.replace("}", ",\"revealPeriod\":\"PT0S\"}"), "revealPeriod"),
                Arguments.of("inspection:Create", CREATE.replace("}", ",\"revealPeriod\":\"P91D\"}"), "revealPeriod"),
                Arguments.of("inspection:CommitSeed", ESCROWED.commitment("d-open", TestBed.NORTH), "dealing"),
                Arguments.of(
                        "inspection:CommitSeed",
                        dealtWith("\"commitments\":[\"0", "\"commitments\":[\"4"),
                        "dealing.commitments[0]"),
                Arguments.of(
                        "inspection:CommitSeed",
                        dealtWith("\"commitments\":[", "\"commitments\":[\"02" + "0".repeat(64) + "\","),
                        "dealing.commitments"),
                Arguments.of(
                        "inspection:CommitSeed",
                        dealtWith("\"ciphertext\":\"", "\"ciphertext\":\"AA"),
                        "dealing.shares.CentralSouthMSP.ciphertext"),
                Arguments.of(
                        "inspection:CommitSeed",
                        dealtWith("\"key\":\"", "\"key\":\"0"),
                        "dealing.shares.CentralSouthMSP.key"),
                Arguments.of(
                        "inspection:CommitSeed", dealtWith("\"CentralSouthMSP\":{", "\"WestMSP\":{"), "dealing.shares"),
                Arguments.of("inspection:RegisterShareKey", "{}", "publicKey"),
                Arguments.of(
                        "inspection:RegisterShareKey", "{\"publicKey\":\"-----BEGIN PUBLIC KEY-----\"}", "publicKey"),
                Arguments.of("inspection:GetShareKey", "{\"msp\":\"a b\"}", "msp"),
                Arguments.of("inspection:ConfirmShares", "{\"drawId\":\"\"}", "drawId"),
                Arguments.of("inspection:PostShares", "{\"drawId\":\"d-late\"}", "shares"),
                Arguments.of("inspection:PostShares", "{\"drawId\":\"d-late\",\"shares\":{}}", "shares"),
                Arguments.of(
                        "inspection:PostShares",
                        "{\"drawId\":\"d-late\",\"shares\":{\"EastMSP\":\"xyz\"}}",
                        "shares.EastMSP"),
                Arguments.of(
                        "inspection:PostShares",
                        "{\"drawId\":\"d-late\",\"shares\":{\"WestMSP\":\"" + "a".repeat(64) + "\"}}",
                        "shares.WestMSP"),
                Arguments.of(
                        "inspection:PostShares",
                        "{\"drawId\":\"d-late\",\"shares\":{\"NorthMSP\":\"" + "a".repeat(64) + "\"}}",
                        "shares.NorthMSP"),
                Arguments.of("inspection:Cancel", "{\"drawId\":\"d-open\"}", "reason"),
                Arguments.of("inspection:Cancel", "{\"drawId\":\"d-open\",\"reason\":\"\"}", "reason"),
                Arguments.of("inspection:Get", "{}", "id"),
                Arguments.of("inspection:Get", "{\"id\":\"a b\"}", "id"),
                Arguments.of("inspection:List", "{\"pageSize\":0}", "pageSize"),
                Arguments.of("inspection:List", "{\"pageSize\":\"ten\"}", "pageSize"),
                Arguments.of(
                        "inspection:List", "{\"bookmark\":\"\\u0000lab~all\\u0000lab-north-1\\u0000\"}", "bookmark"),
                Arguments.of("inspection:List", "{\"bookmark\":\"forged\"}", "bookmark"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void bad_input_is_refused_naming_the_field(String function, String request, String field) {
        Expect.invalid(WORLD.bed, field, WORLD.northAdmin, function, request);
    }
}
