package org.metroledger.gateway.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metroledger.chaincode.supervision.IndicatorQuery;
import org.metroledger.chaincode.supervision.Indicators;
import org.metroledger.gateway.auth.TokenBook;
import org.metroledger.gateway.contracts.Contracts;
import org.metroledger.gateway.contracts.Request;
import org.metroledger.gateway.demo.DemoData;
import org.metroledger.gateway.e2e.SettableClock;
import org.metroledger.gateway.identity.IdentityStore;
import org.metroledger.gateway.identity.Member;
import org.metroledger.gateway.identity.NodeOu;
import org.metroledger.gateway.ledger.embedded.EmbeddedLedger;

class TallyCompactorTest {
    static final Instant NOW = Instant.parse("2025-06-01T08:00:00Z");

    @Test
    void a_run_folds_the_past_days_rows_in_bounded_transactions_and_changes_no_figure(@TempDir Path dataDir) {
        // The demo world written two days ago: its rows are of past days now.
        Instant written = NOW.minus(Duration.ofDays(2));
        SettableClock clock = new SettableClock(written);
        IdentityStore identities = IdentityStore.open(dataDir, clock);
        try (EmbeddedLedger ledger = EmbeddedLedger.open(dataDir, identities, clock)) {
            Contracts contracts = new Contracts(ledger);
            DemoData.create(
                    contracts, identities, TokenBook.open(dataDir), dataDir, written, DemoData.Extent.WITH_PROVINCES);
            clock.set(NOW);
            Member reader = identities.findOrIssue(IdentityStore.NORTH, "gateway", NodeOu.CLIENT);
            Member admin = identities.findOrIssue(IdentityStore.NORTH, "indicator-compactor", NodeOu.ADMIN);
            IndicatorQuery all = new IndicatorQuery(null, null, null, null, null, null, null);
            IndicatorQuery yesterday = new IndicatorQuery(
                    "NorthMSP", null, null, null, "2025-05-31T12:00:00Z", "2025-01-01T00:00:00Z", null);
            Indicators before = summary(contracts, reader, all);
            Indicators yesterdayBefore = summary(contracts, reader, yesterday);
            long height = ledger.height();

            long folded = new TallyCompactor(contracts.indicators(), admin, clock)
                    .run()
                    .join();

            assertThat(folded).as("the demo's past days leave delta rows").isPositive();
            assertThat(ledger.height())
                    .as("one block per transaction of at most %d rows", TallyCompactor.ROWS)
                    .isEqualTo(height + (folded + TallyCompactor.ROWS - 1) / TallyCompactor.ROWS);
            assertThat(summary(contracts, reader, all)).isEqualTo(before);
            assertThat(summary(contracts, reader, yesterday)).isEqualTo(yesterdayBefore);

            long after = ledger.height();
            assertThat(new TallyCompactor(contracts.indicators(), admin, clock)
                            .run()
                            .join())
                    .as("nothing is left of the past days")
                    .isZero();
            assertThat(ledger.height())
                    .as("a run with nothing to fold orders nothing")
                    .isEqualTo(after);
        }
    }

    private static Indicators summary(Contracts contracts, Member who, IndicatorQuery query) {
        return contracts.indicators().summary(who, Request.of(query)).join().value();
    }
}
