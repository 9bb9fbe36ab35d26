package org.metroledger.chaincode.error;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Refusals stay short whatever the request quoted in them: Fabric returns them in gRPC trailers. */
class FailTest {
    @Test
    void a_message_quoting_a_huge_value_is_cut_and_says_how_much_was_left_out() {
        String huge = "x".repeat(1_000_000);
        String message = Fail.invalid("id", "'" + huge + "' is not an id").getMessage();
        assertThat(message).hasSizeLessThan(Fail.MAX_MESSAGE + 100).endsWith("more characters)");
        assertThat(Fail.codeOf(null, message).orElse(null)).isEqualTo(ErrorCode.INVALID_ARGUMENT);
    }

    @Test
    void a_short_message_is_kept_whole() {
        assertThat(Fail.conflict("Lab 'L-1' exists already").getMessage())
                .isEqualTo("CONFLICT: Lab 'L-1' exists already");
    }

    @Test
    void a_cut_never_splits_a_surrogate_pair() {
        String message = Fail.forbidden("a".repeat(Fail.MAX_MESSAGE - 1) + "😀" + "b".repeat(50))
                .getMessage();
        // The emoji's pair would straddle the cut: both halves go, none is left alone.
        assertThat(message).contains("...").doesNotContain("😀");
        assertThat(message.chars().filter(c -> Character.isSurrogate((char) c)).count())
                .isZero();
    }
}
