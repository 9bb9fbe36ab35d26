package org.metroledger.gateway.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metroledger.chaincode.catalogue.CatalogueContract.Search;
import org.metroledger.chaincode.supervision.IndicatorQuery;
import org.metroledger.chaincode.supervision.Indicators;
import org.metroledger.gateway.auth.TokenBook;
import org.metroledger.gateway.contracts.Contracts;
import org.metroledger.gateway.contracts.Request;
import org.metroledger.gateway.identity.IdentityStore;
import org.metroledger.gateway.identity.Member;
import org.metroledger.gateway.ledger.embedded.EmbeddedLedger;

class DemoDataTest {
    static final Instant NOW = Instant.parse("2025-06-01T08:00:00Z");

    @Test
    void demo_world_has_certificates_in_every_state_and_credentials_for_every_user(@TempDir Path dataDir)
            throws Exception {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        IdentityStore identities = IdentityStore.open(dataDir, clock);
        try (EmbeddedLedger ledger = EmbeddedLedger.open(dataDir, identities, clock)) {
            TokenBook tokens = TokenBook.open(dataDir);
            List<DemoData.Credential> credentials = DemoData.create(
                    new Contracts(ledger), identities, tokens, dataDir, NOW, DemoData.Extent.WITH_PROVINCES);

            JsonArray written = new JsonArray(Files.readString(dataDir.resolve(DemoData.CREDENTIALS)));
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                            Files.getPosixFilePermissions(dataDir.resolve(DemoData.CREDENTIALS))))
                    .as("the demo users' tokens are for the gateway's own user")
                    .isEqualTo("rw-------");
            assertThat(written).hasSize(credentials.size());
            assertThat(credentials)
                    .extracting(DemoData.Credential::role)
                    .contains("CENTRE_ADMIN", "LAB", "INSPECTOR", "ENTITY");
            for (DemoData.Credential c : credentials) {
                assertThat(TokenBook.open(dataDir).holderOf(c.token()))
                        .contains(new TokenBook.Holder(c.msp(), c.name()));
            }
            var reader = identities.find(IdentityStore.NORTH, "admin@north").orElseThrow();
            assertThat(verdict(ledger, reader, "VC-BJ-DISP-001")).isEqualTo("VALID");
            assertThat(verdict(ledger, reader, "VC-BJ-DISP-002")).isEqualTo("REVOKED");
            assertThat(verdict(ledger, reader, "VC-BJ-DISP-003")).isEqualTo("SUPERSEDED");
            assertThat(verdict(ledger, reader, "VC-BJ-DISP-003-A")).isEqualTo("VALID");
            assertThat(verdict(ledger, reader, "VC-BJ-DISP-004")).isEqualTo("EXPIRED");
            assertThat(verdict(ledger, reader, "VC-SH-SCALE-001")).isEqualTo("VALID");

            Contracts contracts = new Contracts(ledger);
            Indicators all = summary(contracts, reader, new IndicatorQuery(null, null, null, null, null, null, null));
            assertThat(all.coverage().mandatory()).as("mandatory instruments").isGreaterThan(300);
            assertThat(new BigDecimal(all.coverage().ratio()))
                    .as("coverage over all regions misses the 92 % target")
                    .isBetween(new BigDecimal("0.85"), new BigDecimal("0.9199"));
            assertThat(all.coverage().overdue()).isGreaterThan(20);
            assertThat(all.expiring().within30()).isPositive();
            assertThat(all.expiring().within60()).isGreaterThan(all.expiring().within30());
            assertThat(all.expiring().within90()).isGreaterThan(all.expiring().within60());
            Indicators.PassRate thisMonth = all.passRates().get(all.passRates().size() - 1);
            assertThat(thisMonth.tested()).isGreaterThan(thisMonth.passed()).isGreaterThan(300);
            assertThat(all.credit().grades())
                    .as("entities in every grade")
                    .allSatisfy((grade, count) -> assertThat(count).as(grade).isPositive());
            Indicators east =
                    summary(contracts, reader, new IndicatorQuery("EastMSP", null, null, null, null, null, null));
            assertThat(east.coverage().met()).as("the east meets the target").isTrue();

            assertThat(labsFound(contracts, reader, "100 kg"))
                    .as("a range search tells the labs' ranges apart")
                    .containsExactlyInAnyOrder("lab-tj-tjmi", "lab-js-jsmi");
            assertThat(labsFound(contracts, reader, "5000 kg")).isEmpty();
        }
    }

    static Indicators summary(Contracts contracts, Member who, IndicatorQuery query) {
        return contracts.indicators().summary(who, Request.of(query)).join().value();
    }

    static List<String> labsFound(Contracts contracts, Member who, String range) {
        return contracts
                .catalogue()
                .search(who, new Search("weighing", null, range, null, null, null, null, null))
                .join()
                .value()
                .items()
                .stream()
                .map(hit -> hit.lab().id())
                .toList();
    }

    static String verdict(EmbeddedLedger ledger, Member who, String id) {
        String report = ledger.evaluate(
                        who,
                        "certificate:Verify",
                        List.of(new JsonObject().put("id", id).encode()))
                .join();
        return new JsonObject(report).getString("verdict");
    }
}
