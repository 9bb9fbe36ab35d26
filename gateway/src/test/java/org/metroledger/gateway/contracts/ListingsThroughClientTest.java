package org.metroledger.gateway.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.metroledger.chaincode.registry.Lab;
import org.metroledger.chaincode.state.Listing;
import org.metroledger.chaincode.state.Page;
import org.metroledger.gateway.auth.TokenBook;
import org.metroledger.gateway.demo.DemoData;
import org.metroledger.gateway.failure.ApiCode;
import org.metroledger.gateway.failure.HttpStatuses;
import org.metroledger.gateway.identity.IdentityStore;
import org.metroledger.gateway.identity.Member;
import org.metroledger.gateway.identity.NodeOu;
import org.metroledger.gateway.ledger.LedgerException;
import org.metroledger.gateway.ledger.embedded.EmbeddedLedger;

/**
 * The listings that did not check their bookmark (labs, inspection draws, recognition agreements),
 * through the contracts client on the embedded ledger: a forged bookmark, or one of another listing,
 * is INVALID_ARGUMENT (400) naming the field, and a bookmark the listing answered goes on.
 */
class ListingsThroughClientTest {
    private static final Instant NOW = Instant.parse("2025-06-01T08:00:00Z");
    /** A state key of the certificates-by-lab index: a real key, of another listing. */
    private static final String FOREIGN = "\u0000certificate~lab\u0000lab-bj-nim\u0000";

    @TempDir
    static Path dataDir;

    private static EmbeddedLedger ledger;
    private static Contracts contracts;
    private static Member reader;

    @BeforeAll
    static void world() {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        IdentityStore identities = IdentityStore.open(dataDir, clock);
        ledger = EmbeddedLedger.open(dataDir, identities, clock);
        contracts = new Contracts(ledger);
        DemoData.create(contracts, identities, TokenBook.open(dataDir), dataDir, NOW, DemoData.Extent.NAMED_RECORDS);
        reader = identities.findOrIssue(IdentityStore.NORTH, "gateway", NodeOu.CLIENT);
    }

    @AfterAll
    static void close() {
        ledger.close();
    }

    static Stream<Arguments> listings() {
        Function<Listing, CompletableFuture<?>> labs =
                paging -> contracts.registry().listLabs(reader, paging);
        Function<Listing, CompletableFuture<?>> draws =
                paging -> contracts.inspections().list(reader, paging);
        Function<Listing, CompletableFuture<?>> agreements =
                paging -> contracts.recognitions().list(reader, paging);
        return Stream.of(
                Arguments.of("registry ListLabs", labs, "forged"),
                Arguments.of("registry ListLabs", labs, FOREIGN),
                Arguments.of("inspection List", draws, "forged"),
                Arguments.of("inspection List", draws, FOREIGN),
                Arguments.of("recognition List", agreements, "forged"),
                Arguments.of("recognition List", agreements, FOREIGN));
    }

    @ParameterizedTest(name = "{0} refuses bookmark {2}")
    @MethodSource("listings")
    void a_bookmark_the_listing_did_not_answer_is_refused_naming_it(
            String listing, Function<Listing, CompletableFuture<?>> list, String bookmark) {
        assertThatThrownBy(() -> list.apply(new Listing(2, bookmark)).join())
                .isInstanceOf(CompletionException.class)
                .cause()
                .isInstanceOfSatisfying(LedgerException.class, refused -> {
                    assertThat(refused.code()).isEqualTo(ApiCode.INVALID_ARGUMENT);
                    assertThat(HttpStatuses.of(refused.code())).isEqualTo(400);
                    assertThat(refused.getMessage()).contains("bookmark");
                });
    }

    @Test
    void the_labs_listing_goes_on_from_the_bookmark_it_answered() {
        List<Answer<Page<Lab>>> pages = Listings.pages(
                        paging -> contracts.registry().listLabs(reader, paging), 1, 10)
                .join();

        assertThat(pages).hasSizeGreaterThanOrEqualTo(3);
        assertThat(pages.stream().flatMap(page -> page.value().items().stream()).map(Lab::id))
                .containsExactly(
                        "lab-bj-nim", "lab-gd-gdmi", "lab-hb-hbmtc", "lab-js-jsmi", "lab-sh-simt", "lab-tj-tjmi");
    }
}
