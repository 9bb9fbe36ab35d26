package org.metroledger.chaincode.recognition;

import static org.metroledger.testbed.TestBed.EAST;
import static org.metroledger.testbed.TestBed.NORTH;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.metroledger.testbed.Expect;
import org.metroledger.testbed.TestWorld;

/** Bad input to every recognition function, from an allowed caller: INVALID_ARGUMENT naming the field, no writes. */
class RecognitionBadInputTest {
    private static final TestWorld WORLD = new TestWorld();
    private static final String PROPOSAL = RecognitionContractTest.proposal("ag-x", List.of(NORTH, EAST));

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("recognition:Propose", "", "request"),
                Arguments.of("recognition:Propose", "{", "request"),
                Arguments.of("recognition:Propose", PROPOSAL.replace("\"ag-x\"", "\"ag x\""), "id"),
                Arguments.of("recognition:Propose", PROPOSAL.replace(",\"EastMSP\"]", "]"), "members"),
                Arguments.of("recognition:Propose", PROPOSAL.replace("\"EastMSP\"]", "\"NorthMSP\"]"), "members[1]"),
                Arguments.of("recognition:Propose", PROPOSAL.replace("\"EastMSP\"]", "null]"), "members"),
                Arguments.of(
                        "recognition:Propose",
                        PROPOSAL.replace("[\"fuel-dispenser\",\"weighing\"]", "[]"),
                        "categories"),
                Arguments.of("recognition:Propose", PROPOSAL.replace("\"weighing\"", "\"weigh ing\""), "categories[1]"),
                Arguments.of(
                        "recognition:Propose",
                        PROPOSAL.replace("\"results reported in SI units\"", "\" \""),
                        "conditions[0]"),
                Arguments.of("recognition:Propose", PROPOSAL.replace("2025-01-01T00:00:00Z", "yesterday"), "validFrom"),
                Arguments.of(
                        "recognition:Propose",
                        PROPOSAL.replace(RecognitionContractTest.VALID_TO, "2024-01-01T00:00:00Z"),
                        "validTo"),
                Arguments.of(
                        "recognition:Propose",
                        PROPOSAL.replace("2025-01-01T00:00:00Z", "2024-01-01T00:00:00Z")
                                .replace(RecognitionContractTest.VALID_TO, "2025-02-01T00:00:00Z"),
                        "validTo"),
                Arguments.of("recognition:Propose", PROPOSAL.replace("}", ",\"status\":\"ACTIVE\"}"), "status"),
                Arguments.of("recognition:Accept", "{}", "id"),
                Arguments.of("recognition:Accept", "{\"id\":5}", "id"),
                Arguments.of("recognition:Terminate", "{\"id\":\"ag-x\"}", "reason"),
                Arguments.of("recognition:Terminate", "{\"id\":\"ag-x\",\"reason\":\"\"}", "reason"),
                Arguments.of("recognition:Get", "{\"id\":\"\"}", "id"),
                Arguments.of("recognition:Evaluate", "{\"region\":\"EastMSP\"}", "certificateId"),
                Arguments.of("recognition:Evaluate", "{\"certificateId\":\"V-1\",\"region\":\"East MSP\"}", "region"),
                Arguments.of(
                        "recognition:Evaluate",
                        "{\"certificateId\":\"V-1\",\"region\":\"EastMSP\",\"at\":\"2025-02-30\"}",
                        "at"),
                Arguments.of("recognition:RecordAcceptance", "{\"certificateId\":\"V-1\"}", "region"),
                Arguments.of(
                        "recognition:RecordAcceptance",
                        "{\"certificateId\":\"V@1\",\"region\":\"NorthMSP\"}",
                        "certificateId"),
                Arguments.of("recognition:ListAcceptances", "{}", "certificateId"),
                Arguments.of("recognition:List", "{\"pageSize\":1000}", "pageSize"),
                Arguments.of("recognition:List", "{\"bookmark\":\"\\u0000draw~all\\u0000d-1\\u0000\"}", "bookmark"),
                Arguments.of("recognition:List", "{\"bookmark\":\"forged\"}", "bookmark"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void bad_input_is_refused_naming_the_field(String function, String request, String field) {
        Expect.invalid(WORLD.bed, field, WORLD.northAdmin, function, request);
    }
}
