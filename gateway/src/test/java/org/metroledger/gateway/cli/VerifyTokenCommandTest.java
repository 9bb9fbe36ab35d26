package org.metroledger.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metroledger.chaincode.json.Canonical;
import org.metroledger.chaincode.registry.Lab;
import org.metroledger.chaincode.registry.LabStatus;
import org.metroledger.chaincode.signature.LabSignature;
import org.metroledger.gateway.qr.QrPayload;
import org.metroledger.gateway.qr.QrToken;
import org.metroledger.gateway.qr.TrustList;
import org.metroledger.simulation.CertificateAuthority;
import picocli.CommandLine;

class VerifyTokenCommandTest {
    private final KeyPair key = CertificateAuthority.newKeyPair();
    private final String token = QrToken.sign(
            QrPayload.of("C-1", "lab-1", "SN-1", "2026-01-01T00:00:00Z", "PASS", "ab".repeat(32)), key.getPrivate());

    @TempDir
    Path dir;

    @Test
    void a_genuine_token_exits_0_and_says_the_ledger_was_not_checked() throws Exception {
        Run run = run(token);

        assertThat(run.exit).isZero();
        assertThat(run.out)
                .contains("certificate:   C-1")
                .contains("signature:     VALID")
                .contains("NOT checked");
    }

    @Test
    void an_edited_token_exits_1_with_signature_invalid() throws Exception {
        String other = QrToken.sign(
                QrPayload.of("C-2", "lab-1", "SN-1", "2026-01-01T00:00:00Z", "PASS", "ab".repeat(32)),
                key.getPrivate());
        String edited = "ML1." + other.split("\\.")[1] + "." + token.split("\\.")[2];

        Run run = run("https://verify.example/v/" + edited);

        assertThat(run.exit).isEqualTo(1);
        assertThat(run.out).contains("SIGNATURE_INVALID").contains("NOT checked");
    }

    private record Run(int exit, String out) {}

    private Run run(String argument) throws Exception {
        Lab lab = new Lab(
                "lab-1",
                "Lab",
                "NorthMSP",
                null,
                LabSignature.pem(key.getPublic()),
                LabStatus.ACTIVE,
                null,
                "t",
                "tx",
                null,
                null);
        Path file = dir.resolve("trust-list.json");
        Files.writeString(file, Canonical.json(new TrustList("2025-06-01T00:00:00Z", 7, List.of(lab))));
        StringWriter out = new StringWriter();
        CommandLine command = new CommandLine(new VerifyTokenCommand()).setOut(new PrintWriter(out));
        int exit = command.execute(argument, "--trust-list", file.toString());
        return new Run(exit, out.toString());
    }
}
