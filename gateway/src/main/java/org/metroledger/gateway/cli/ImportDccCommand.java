package org.metroledger.gateway.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.metroledger.chaincode.certificate.CertificateIds;
import org.metroledger.chaincode.json.Canonical;
import org.metroledger.gateway.cli.Batch.Outcome;
import org.metroledger.gateway.dcc.DccDocument;
import org.metroledger.gateway.dcc.DccParser;
import org.metroledger.gateway.failure.ApiFailure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Imports DCC files through the gateway as certificates of the caller's lab. A file whose
 * certificate is already recorded with the same document is skipped, so a rerun resumes.
 */
@Command(
        name = "import-dcc",
        mixinStandardHelpOptions = true,
        description = "Import DCC XML files as certificates of your lab; files already recorded are skipped.")
final class ImportDccCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    GatewayOptions gateway;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "DCC XML files")
    List<Path> files;

    @Override
    public Integer call() {
        GatewayClient client = gateway.client(spec.commandLine().getErr());
        if (client == null) {
            return 2;
        }
        DccParser parser = new DccParser();
        List<Outcome> outcomes = new Batch<Path>("import-dcc", System.err, gateway.parallel)
                .run(files, Path::toString, file -> importOne(client, parser, file));
        return Batch.summarise(outcomes, spec.commandLine().getOut());
    }

    private static Outcome importOne(GatewayClient client, DccParser parser, Path file) {
        String where = file.toString();
        byte[] xml;
        DccDocument dcc;
        try {
            xml = Files.readAllBytes(file);
            dcc = parser.parse(xml);
        } catch (IOException e) {
            return Outcome.failed(where, "cannot read: " + e.getMessage());
        } catch (ApiFailure e) {
            return Outcome.failed(where, e.code() + ": " + e.getMessage());
        }
        GatewayClient.Answer existing = client.get(
                "/api/v1/certificates/" + GatewayClient.segment(CertificateIds.fromIdentifier(dcc.uniqueIdentifier())));
        if (existing.ok()) {
            String recorded = Canonical.tree(existing.body(), "certificate")
                    .path("documentDigest")
                    .asText();
            return recorded.equals(dcc.documentDigest())
                    ? Outcome.skipped(where, "certificate " + dcc.uniqueIdentifier() + " is already recorded")
                    : Outcome.failed(
                            where,
                            "certificate " + dcc.uniqueIdentifier() + " is recorded with another document (" + recorded
                                    + ")");
        }
        if (existing.status() != 404) {
            return Outcome.failed(where, existing.problem());
        }
        GatewayClient.Answer answer = client.post("/api/v1/certificates/dcc", "application/xml", xml);
        return answer.ok() ? Outcome.issued(where) : Outcome.failed(where, answer.problem());
    }
}
