package org.metroledger.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metroledger.gateway.cli.MetroLedgerCommand;
import picocli.CommandLine;

class TokenBookTest {
    private static final Instant ISSUED = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path dataDir;

    private TokenBook at(Instant now) {
        return TokenBook.open(dataDir, Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void a_token_is_accepted_until_its_expiry_and_not_after() {
        String token = at(ISSUED).issue("NorthMSP", "inspector@north", Duration.ofDays(30));

        assertThat(at(ISSUED.plus(Duration.ofDays(30)).minusSeconds(1)).holderOf(token))
                .contains(new TokenBook.Holder("NorthMSP", "inspector@north"));
        assertThat(at(ISSUED.plus(Duration.ofDays(30))).holderOf(token)).isEmpty();
        assertThat(at(ISSUED.plus(TokenBook.DEFAULT_LIFETIME).minusSeconds(1))
                        .holderOf(at(ISSUED).issue("NorthMSP", "x")))
                .isPresent();
    }

    @Test
    void a_revocation_by_another_process_takes_effect_in_a_running_gateway() {
        TokenBook running = at(ISSUED);
        String token = running.issue("NorthMSP", "inspector@north");
        String other = running.issue("NorthMSP", "inspector@north");
        String colleague = running.issue("NorthMSP", "admin@north");
        assertThat(running.holderOf(token)).isPresent();

        assertThat(at(ISSUED).revoke(token)).isTrue();

        assertThat(running.holderOf(token)).isEmpty();
        assertThat(running.holderOf(other)).isPresent();
        assertThat(at(ISSUED).revokeAll("NorthMSP", "inspector@north")).isEqualTo(1);
        assertThat(running.holderOf(other)).isEmpty();
        assertThat(running.holderOf(colleague)).isPresent();
        assertThat(at(ISSUED).revoke(token)).isFalse();
    }

    @Test
    void the_book_is_readable_by_its_owner_only() throws Exception {
        at(ISSUED).issue("NorthMSP", "inspector@north");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve(TokenBook.FILE))))
                .isEqualTo("rw-------");
    }

    @Test
    void revoke_token_revokes_from_the_command_line_and_says_when_nothing_matched() {
        String token = TokenBook.open(dataDir).issue("NorthMSP", "inspector@north");
        CommandLine cli = new CommandLine(new MetroLedgerCommand());

        assertThat(cli.execute("revoke-token", "--data-dir", dataDir.toString(), "--token", token))
                .isZero();
        assertThat(TokenBook.open(dataDir).holderOf(token)).isEmpty();
        assertThat(cli.execute("revoke-token", "--data-dir", dataDir.toString(), "--token", token))
                .isEqualTo(1);
        assertThat(cli.execute("revoke-token", "--data-dir", dataDir.toString(), "--holder", "nobody"))
                .isEqualTo(2);
    }
}
