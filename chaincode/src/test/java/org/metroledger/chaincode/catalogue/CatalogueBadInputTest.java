package org.metroledger.chaincode.catalogue;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.metroledger.chaincode.error.ErrorCode;
import org.metroledger.testbed.Expect;
import org.metroledger.testbed.TestWorld;

/** Bad searches of the catalogue: INVALID_ARGUMENT naming the field (NOT_FOUND for an unknown region), no writes. */
class CatalogueBadInputTest {
    private static final TestWorld WORLD = new TestWorld();

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("{}", "category"),
                Arguments.of("{\"range\":\"5 kg\"}", "category"),
                Arguments.of("{\"category\":\"a b\"}", "category"),
                Arguments.of("{\"quantity\":\"\"}", "quantity"),
                Arguments.of("{\"quantity\":\"" + "m".repeat(201) + "\"}", "quantity"),
                Arguments.of("{\"category\":\"weighing\",\"range\":\"heavy\"}", "range"),
                Arguments.of("{\"category\":\"weighing\",\"range\":\"\"}", "range"),
                Arguments.of("{\"category\":\"weighing\",\"region\":\"\"}", "region"),
                Arguments.of("{\"category\":\"weighing\",\"labRegion\":\"a b\"}", "labRegion"),
                Arguments.of("{\"category\":\"weighing\",\"at\":\"yesterday\"}", "at"),
                Arguments.of("{\"category\":\"weighing\",\"pageSize\":0}", "pageSize"),
                Arguments.of("{\"category\":\"weighing\",\"pageSize\":201}", "pageSize"),
                Arguments.of("{\"category\":\"weighing\",\"lab\":\"x\"}", "lab"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void bad_input_is_refused_naming_the_field(String request, String field) {
        Expect.invalid(WORLD.bed, field, WORLD.stranger, "catalogue:Search", request);
    }

    @org.junit.jupiter.api.Test
    void an_unknown_region_is_not_found() {
        Expect.refused(
                WORLD.bed,
                ErrorCode.NOT_FOUND,
                WORLD.stranger,
                "catalogue:Search",
                "{\"category\":\"weighing\",\"region\":\"WestMSP\"}");
    }
}
