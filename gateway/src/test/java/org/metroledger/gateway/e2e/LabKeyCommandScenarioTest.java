package org.metroledger.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import org.junit.jupiter.api.Test;
import org.metroledger.chaincode.signature.LabSignature;
import org.metroledger.simulation.CertificateAuthority;

/** The lab's command line rotates its key ({@code register-key}) and then issues with the new one ({@code issue --key}). */
class LabKeyCommandScenarioTest extends LabKeyScenario {
    CommandRun registerKey(String caller, Path pem, String reason) {
        String base = "http://" + deployment.host() + ":" + deployment.port();
        return CommandRun.against(
                base, token(caller), "register-key", "--lab", world.labNorth, "--public-key", pem, "--reason", reason);
    }

    @Test
    void register_key_rotates_and_the_new_key_signs_what_the_lab_issues() throws IOException {
        KeyPair newKey = CertificateAuthority.newKeyPair();
        Path pem = Files.writeString(
                files.resolve("new-key.pub.pem"), LabSignature.pem(newKey.getPublic()), StandardCharsets.UTF_8);
        CommandRun refused = registerKey(Cast.EAST_LAB, pem, "not ours");
        assertThat(refused.code()).isEqualTo(1);
        assertThat(refused.err().toString()).contains("FORBIDDEN");

        CommandRun run = registerKey(Cast.NORTH_LAB, pem, "yearly rotation");

        assertThat(run.code()).as(run.err().toString()).isZero();
        String fingerprint = LabSignature.fingerprint(LabSignature.pem(newKey.getPublic()));
        assertThat(run.out())
                .contains(fingerprint + "  from")
                .contains("(current)")
                .contains("  until ");
        Http.Answer issued = HttpWorld.created(issue(certificateFor("C-CLI"), newKey));
        assertThat(issued.record().getJsonObject("signedWith").getString("key")).isEqualTo(fingerprint);
    }
}
