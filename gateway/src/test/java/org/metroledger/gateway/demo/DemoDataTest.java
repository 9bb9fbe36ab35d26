package org.metroledger.gateway.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metroledger.gateway.auth.TokenBook;
import org.metroledger.gateway.contracts.Contracts;
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
            List<DemoData.Credential> credentials =
                    DemoData.create(new Contracts(ledger), identities, tokens, dataDir, NOW);

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
        }
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
