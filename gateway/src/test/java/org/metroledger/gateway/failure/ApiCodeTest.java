package org.metroledger.gateway.failure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.metroledger.chaincode.error.ErrorCode;
import org.metroledger.chaincode.error.Fail;
import org.metroledger.chaincode.json.Canonical;

/** The API's error codes: the chaincode's under their names, all in the OpenAPI document, each a deliberate status. */
class ApiCodeTest {
    @Test
    void every_chaincode_code_is_an_api_code_of_the_same_name() {
        for (ErrorCode code : ErrorCode.values()) {
            assertThat(ApiCode.of(code).name()).isEqualTo(code.name());
        }
    }

    @Test
    void a_chaincode_refusal_keeps_its_code_and_an_uncoded_failure_is_internal() {
        assertThat(ApiCode.of(Fail.notFound("Lab", "L-1"))).isEqualTo(ApiCode.NOT_FOUND);
        assertThat(ApiFailure.of(Fail.invalid("id", "is required")).getMessage())
                .isEqualTo("id is required");
        assertThat(ApiCode.ofChaincode(null, "chaincode response 500, NullPointerException"))
                .isEqualTo(ApiCode.INTERNAL);
        assertThat(ApiCode.parse("CONFLICT")).isEqualTo(ApiCode.CONFLICT);
        assertThat(ApiCode.parse("UNAVAILABLE")).as("not a chaincode code").isEqualTo(ApiCode.INTERNAL);
    }

    @Test
    void the_openapi_document_lists_every_code() throws IOException {
        JsonNode document;
        try (InputStream in = ApiCodeTest.class.getResourceAsStream("/openapi.json")) {
            document = Canonical.mapper().readTree(in);
        }
        List<String> listed = new ArrayList<>();
        document.at("/components/schemas/Error/properties/error/properties/code/enum")
                .forEach(code -> listed.add(code.asText()));

        assertThat(listed)
                .containsExactlyInAnyOrderElementsOf(
                        Arrays.stream(ApiCode.values()).map(Enum::name).toList());
    }

    @Test
    void every_code_is_a_4xx_but_the_deliberate_5xx_of_our_faults_and_an_unavailable_ledger() {
        for (ApiCode code : ApiCode.values()) {
            int status = HttpStatuses.of(code);
            switch (code) {
                case INTERNAL -> assertThat(status).isEqualTo(500);
                case UNAVAILABLE, STORE_CORRUPTED -> assertThat(status).isEqualTo(503);
                default -> assertThat(status).as(code.name()).isBetween(400, 499);
            }
        }
    }
}
