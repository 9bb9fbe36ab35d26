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

    @org.junit.jupiter.api.Test
    void a_stored_instant_reads_as_instant_parse_reads_it_first_time_and_remembered() {
        Instant start = Instant.parse("2025-03-01T00:00:00Z");
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 3_000; i++) {
                String text = start.plusMillis(i * 1_001L).toString();
                assertThat(Canonical.instant(text)).isEqualTo(Instant.parse(text));
            }
        }
        assertThat(Canonical.instant("2025-03-01T00:00:01Z")).isNotEqualTo(Canonical.instant("2025-03-01T00:00:00Z"));
    }

    @org.junit.jupiter.api.Test
    void stored_text_that_does_not_parse_throws_on_every_read() {
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> Canonical.instant("2025-03-01"))
                    .isInstanceOf(java.time.format.DateTimeParseException.class);
        }
    }
}
