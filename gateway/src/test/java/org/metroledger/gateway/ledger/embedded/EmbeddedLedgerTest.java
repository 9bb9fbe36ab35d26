package org.metroledger.gateway.ledger.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.metroledger.gateway.failure.ApiCode;
import org.metroledger.gateway.identity.IdentityStore;
import org.metroledger.gateway.identity.Member;
import org.metroledger.gateway.identity.NodeOu;
import org.metroledger.gateway.ledger.BlockSummary;
import org.metroledger.gateway.ledger.Committed;
import org.metroledger.gateway.ledger.LedgerEvent;
import org.metroledger.gateway.ledger.LedgerException;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class EmbeddedLedgerTest {
    private static final Instant START = Instant.parse("2025-06-01T08:00:00Z");
    /** Blocks cut by count only: a test decides exactly which transactions share a block. */
    private static final Duration NEVER = Duration.ofHours(1);

    @TempDir
    Path dataDir;

    private IdentityStore identities;
    private EmbeddedLedger ledger;
    private Registry registry;

    @BeforeEach
    void open() {
        identities = IdentityStore.open(dataDir, new TickingClock(START));
        reopen(new EmbeddedLedger.Settings(1, NEVER, 2));
    }

    @AfterEach
    void close() {
        ledger.close();
    }

    private void reopen(EmbeddedLedger.Settings settings) {
        if (ledger != null) {
            ledger.close();
        }
        ledger = EmbeddedLedger.open(dataDir, identities, new TickingClock(START.plusSeconds(3600)), settings);
        registry = new Registry(ledger, identities);
    }

    private Member north() {
        return registry.admin(IdentityStore.NORTH);
    }

    @Test
    void submitted_transaction_commits_into_a_block_and_is_read_back_by_evaluate() {
        Committed committed = registry.submitted(north(), "registry:RegisterRegion", Registry.region("华北"));

        assertThat(committed.blockNumber()).isZero();
        assertThat(committed.payload()).contains("\"msp\":\"NorthMSP\"").contains(committed.txId());
        assertThat(ledger.height()).isEqualTo(1);
        assertThat(Registry.await(ledger.blockNumberOf(committed.txId()))).contains(0L);
        assertThat(registry.evaluated(
                        registry.admin(IdentityStore.EAST), "registry:GetRegion", "{\"id\":\"NorthMSP\"}"))
                .contains("华北");
        BlockSummary block = Registry.await(ledger.block(0)).orElseThrow();
        assertThat(block.previousHash()).isEmpty();
        assertThat(block.transactions()).singleElement().satisfies(tx -> {
            assertThat(tx.txId()).isEqualTo(committed.txId());
            assertThat(tx.creatorMsp()).isEqualTo("NorthMSP");
            assertThat(tx.function()).isEqualTo("registry:RegisterRegion");
            assertThat(tx.validationCode()).isEqualTo("VALID");
        });
    }

    @Test
    void blocks_are_chained_by_hash() {
        registry.submitted(north(), "registry:RegisterRegion", Registry.region("华北"));
        registry.submitted(registry.admin(IdentityStore.EAST), "registry:RegisterRegion", Registry.region("华东"));

        BlockSummary first = Registry.await(ledger.block(0)).orElseThrow();
        BlockSummary second = Registry.await(ledger.block(1)).orElseThrow();
        assertThat(second.previousHash()).isEqualTo(first.hash()).hasSize(64);
        assertThat(Registry.await(ledger.block(2))).isEmpty();
    }

    @Test
    void chaincode_refusal_fails_with_its_code_and_never_reaches_a_block() {
        Member stranger = identities.issue(IdentityStore.NORTH, "stranger", NodeOu.CLIENT);

        assertThatThrownBy(() -> registry.submitted(stranger, "registry:RegisterRegion", Registry.region("x")))
                .isInstanceOfSatisfying(LedgerException.class, e -> {
                    assertThat(e.code()).isEqualTo(ApiCode.FORBIDDEN);
                    assertThat(e.txId()).isNotNull();
                });
        assertThat(ledger.height()).isZero();
    }

    @Test
    void evaluate_of_a_missing_record_fails_with_not_found_and_writes_nothing() {
        assertThatThrownBy(() -> registry.evaluated(north(), "registry:GetRegion", "{\"id\":\"EastMSP\"}"))
                .isInstanceOfSatisfying(
                        LedgerException.class, e -> assertThat(e.code()).isEqualTo(ApiCode.NOT_FOUND));
        assertThat(ledger.height()).isZero();
    }

    @Test
    void of_two_writes_to_the_same_key_simulated_together_exactly_one_commits() {
        Endorsement first =
                Registry.await(ledger.endorse(north(), "registry:RegisterRegion", List.of(Registry.region("first"))));
        Endorsement second =
                Registry.await(ledger.endorse(north(), "registry:RegisterRegion", List.of(Registry.region("second"))));

        Committed committed = Registry.await(ledger.order(first));
        assertThatThrownBy(() -> Registry.await(ledger.order(second)))
                .isInstanceOfSatisfying(LedgerException.class, e -> {
                    assertThat(e.code()).isEqualTo(ApiCode.MVCC_READ_CONFLICT);
                    assertThat(e.txId()).isEqualTo(second.txId());
                });

        assertThat(registry.evaluated(north(), "registry:GetRegion", "{\"id\":\"NorthMSP\"}"))
                .contains("first")
                .contains(committed.txId());
        long conflictBlock = Registry.await(ledger.blockNumberOf(second.txId())).orElseThrow();
        assertThat(Registry.await(ledger.block(conflictBlock)).orElseThrow().transactions())
                .singleElement()
                .satisfies(tx -> assertThat(tx.validationCode()).isEqualTo("MVCC_READ_CONFLICT"));
    }

    @Test
    void a_later_transaction_of_the_same_block_sees_the_earlier_ones_writes_at_validation() {
        reopen(new EmbeddedLedger.Settings(2, NEVER, 2));
        Endorsement first =
                Registry.await(ledger.endorse(north(), "registry:RegisterRegion", List.of(Registry.region("first"))));
        Endorsement second =
                Registry.await(ledger.endorse(north(), "registry:RegisterRegion", List.of(Registry.region("second"))));

        CompletableFuture<Committed> one = ledger.order(first);
        CompletableFuture<Committed> two = ledger.order(second);

        assertThat(Registry.await(one).blockNumber()).isZero();
        assertThatThrownBy(() -> Registry.await(two))
                .isInstanceOfSatisfying(
                        LedgerException.class, e -> assertThat(e.code()).isEqualTo(ApiCode.MVCC_READ_CONFLICT));
        assertThat(Registry.await(ledger.block(0)).orElseThrow().transactions())
                .extracting(BlockSummary.TransactionSummary::validationCode)
                .containsExactly("VALID", "MVCC_READ_CONFLICT");
    }

    @Test
    void a_key_added_inside_a_range_read_after_simulation_is_a_phantom_conflict() {
        Member clerk = identities.issue(IdentityStore.NORTH, "clerk", NodeOu.CLIENT);
        // WhoAmI scans the participants-by-identity index for the caller: empty for now.
        Endorsement whoAmI = Registry.await(ledger.endorse(clerk, "registry:WhoAmI", List.of()));
        assertThat(whoAmI.simulation().readWriteSet().reads()).isEmpty();
        assertThat(whoAmI.simulation().readWriteSet().rangeReads()).isNotEmpty();

        registry.submitted(
                north(),
                "registry:RegisterParticipant",
                "{\"id\":\"clerk-1\",\"certificate\":" + quoted(clerk.certificatePem())
                        + ",\"role\":\"INSPECTOR\",\"name\":\"Clerk\"}");

        assertThatThrownBy(() -> Registry.await(ledger.order(whoAmI)))
                .isInstanceOfSatisfying(LedgerException.class, e -> {
                    assertThat(e.code()).isEqualTo(ApiCode.MVCC_READ_CONFLICT);
                    assertThat(e.getMessage()).contains("participant");
                });
    }

    @Test
    void of_concurrent_registrations_of_one_entity_exactly_one_commits_and_distinct_ones_all_do() {
        reopen(new EmbeddedLedger.Settings(50, Duration.ofMillis(2), 2));
        Member north = north();
        String contested = Registry.creditCode(99);
        List<CompletableFuture<Committed>> same = new ArrayList<>();
        List<CompletableFuture<Committed>> distinct = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            same.add(registry.submit(north, "registry:RegisterEntity", Registry.entity(contested)));
            distinct.add(registry.submit(north, "registry:RegisterEntity", Registry.entity(Registry.creditCode(i))));
        }

        List<ApiCode> refusals = new ArrayList<>();
        int committed = 0;
        for (CompletableFuture<Committed> future : same) {
            try {
                Registry.await(future);
                committed++;
            } catch (LedgerException e) {
                refusals.add(e.code());
            }
        }
        assertThat(committed).isEqualTo(1);
        // Simulated before the winner committed: a read conflict; after: the chaincode's own refusal.
        assertThat(refusals).hasSize(19).allMatch(c -> c == ApiCode.MVCC_READ_CONFLICT || c == ApiCode.CONFLICT);
        assertThat(distinct)
                .allSatisfy(f -> assertThat(Registry.await(f).txId()).isNotEmpty());
    }

    @Test
    void a_closed_ledger_refuses_calls_as_unavailable_and_closes_only_once() {
        Member north = north();
        ledger.close();
        ledger.close();

        assertThatThrownBy(() -> registry.submitted(north, "registry:RegisterRegion", Registry.region("x")))
                .isInstanceOfSatisfying(
                        LedgerException.class, e -> assertThat(e.code()).isEqualTo(ApiCode.UNAVAILABLE));
        assertThatThrownBy(() -> registry.evaluated(north, "registry:ListRegions", null))
                .isInstanceOfSatisfying(
                        LedgerException.class, e -> assertThat(e.code()).isEqualTo(ApiCode.UNAVAILABLE));
    }

    @Test
    void state_height_history_and_events_survive_a_restart() throws Exception {
        List<String> txIds = new ArrayList<>();
        txIds.add(registry.submitted(north(), "registry:RegisterRegion", Registry.region("华北"))
                .txId());
        String entity = Registry.creditCode(1);
        txIds.add(registry.submitted(north(), "registry:RegisterEntity", Registry.entity(entity))
                .txId());
        long height = ledger.height();

        reopen(new EmbeddedLedger.Settings(1, NEVER, 2));

        assertThat(ledger.height()).isEqualTo(height);
        assertThat(registry.evaluated(north(), "registry:GetEntity", "{\"id\":\"" + entity + "\"}"))
                .contains(txIds.get(1));
        assertThat(registry.evaluated(north(), "audit:History", "{\"type\":\"Entity\",\"id\":\"" + entity + "\"}"))
                .contains(txIds.get(1));
        BlockingQueue<LedgerEvent> received = new LinkedBlockingQueue<>();
        AutoCloseable subscription = ledger.onEvents(0, received::add);
        try {
            String third = registry.submitted(
                            north(), "registry:RegisterInstrument", Registry.instrument("I-1", entity))
                    .txId();
            List<LedgerEvent> events = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                events.add(received.poll(30, TimeUnit.SECONDS));
            }
            assertThat(events)
                    .extracting(LedgerEvent::name)
                    .containsExactly("RegionRegistered", "EntityRegistered", "InstrumentRegistered");
            assertThat(events).extracting(LedgerEvent::txId).containsExactly(txIds.get(0), txIds.get(1), third);
            assertThat(events).extracting(LedgerEvent::blockNumber).containsExactly(0L, 1L, 2L);
        } finally {
            subscription.close();
        }
    }

    @Test
    void events_replay_from_a_given_block_only() throws Exception {
        registry.submitted(north(), "registry:RegisterRegion", Registry.region("华北"));
        registry.submitted(registry.admin(IdentityStore.EAST), "registry:RegisterRegion", Registry.region("华东"));
        BlockingQueue<LedgerEvent> received = new LinkedBlockingQueue<>();

        AutoCloseable subscription = ledger.onEvents(1, received::add);
        try {
            LedgerEvent event = received.poll(30, TimeUnit.SECONDS);
            assertThat(event).isNotNull();
            assertThat(event.blockNumber()).isEqualTo(1);
            assertThat(event.payload()).contains("EastMSP");
        } finally {
            subscription.close();
        }
    }

    private static String quoted(String text) {
        return org.metroledger.chaincode.json.Canonical.json(text);
    }
}
