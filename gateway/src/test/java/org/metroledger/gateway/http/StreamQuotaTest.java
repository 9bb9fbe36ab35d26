package org.metroledger.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.metroledger.gateway.failure.ApiCode;
import org.metroledger.gateway.failure.ApiFailure;

class StreamQuotaTest {
    private final StreamQuota quota = new StreamQuota(new StreamQuota.Limits(2, 3, 4));

    private static void refusedWith(Runnable open, ApiCode code, String message) {
        assertThatThrownBy(open::run)
                .isInstanceOfSatisfying(
                        ApiFailure.class, e -> assertThat(e.code()).isEqualTo(code))
                .hasMessageContaining(message);
    }

    @Test
    void a_connection_carries_its_share_and_no_more() {
        quota.open("c1", "alice");
        quota.open("c1", "bob");

        refusedWith(() -> quota.open("c1", "carol"), ApiCode.TOO_MANY_REQUESTS, "a connection may carry 2");
        quota.open("c2", "carol");
    }

    @Test
    void a_caller_holds_its_share_across_connections_and_gets_it_back_on_close() {
        StreamQuota.Lease first = quota.open("c1", "alice");
        quota.open("c2", "alice");
        quota.open("c3", "alice");

        refusedWith(() -> quota.open("c4", "alice"), ApiCode.TOO_MANY_REQUESTS, "a caller may hold 3");
        first.close();
        first.close();
        quota.open("c4", "alice");
        refusedWith(() -> quota.open("c5", "alice"), ApiCode.TOO_MANY_REQUESTS, "a caller may hold 3");
    }

    @Test
    void beyond_the_total_every_caller_is_told_to_retry_later() {
        for (int i = 0; i < 4; i++) {
            quota.open("c" + i, "caller" + i);
        }

        refusedWith(() -> quota.open("c9", "newcomer"), ApiCode.UNAVAILABLE, "serves 4");
        assertThat(quota.open()).isEqualTo(4);
    }

    @Test
    void limits_below_one_are_refused() {
        assertThatThrownBy(() -> new StreamQuota.Limits(0, 1, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
