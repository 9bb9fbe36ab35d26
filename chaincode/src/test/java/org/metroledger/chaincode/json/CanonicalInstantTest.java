package org.metroledger.chaincode.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CanonicalInstantTest {
    @ParameterizedTest
    @ValueSource(strings = {"2025-03-01T00:00:00Z", "2025-03-01T00:00:00.500Z", "2025-03-01T00:00:00.000000001Z"})
    void an_instant_as_instant_to_string_writes_it_is_accepted(String text) {
        assertThat(Check.canonicalInstant("at", text)).isEqualTo(Instant.parse(text));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2025-03-01T00:00:00.000Z",
                "2025-03-01T00:00:00.50Z",
                "2025-03-01T00:00Z",
                "2025-03-01T08:00:00+08:00",
                "2025-03-01t00:00:00z",
                "+12025-03-01T00:00:00Z",
                "2025-03-01"
            })
    void any_other_spelling_is_refused_naming_the_field(String text) {
        assertThatThrownBy(() -> Check.canonicalInstant("issuedAt", text))
                .hasMessageStartingWith("INVALID_ARGUMENT: issuedAt");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e99999999999", "1e-99999999999"})
    void a_decimal_beyond_big_decimal_is_invalid_not_internal(String text) {
        assertThatThrownBy(() -> Check.decimal("value", text)).hasMessageStartingWith("INVALID_ARGUMENT: value");
    }
}
