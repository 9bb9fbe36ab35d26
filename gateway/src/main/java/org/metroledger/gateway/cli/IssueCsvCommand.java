package org.metroledger.gateway.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.util.List;
import java.util.concurrent.Callable;
import org.metroledger.chaincode.certificate.CertificateRequest;
import org.metroledger.chaincode.json.Canonical;
import org.metroledger.gateway.cli.Batch.Outcome;
import org.metroledger.gateway.qr.LabKeyring;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Issues the certificates of a CSV file through the gateway, signed with the lab's own key. A
 * certificate already on the ledger is skipped, so a rerun after a failure resumes.
 */
@Command(
        name = "issue",
        mixinStandardHelpOptions = true,
        description = "Issue the certificates of a CSV file, signed with your lab's key; certificates already"
                + " on the ledger are skipped.")
final class IssueCsvCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    GatewayOptions gateway;

    @Option(names = "--csv", required = true, paramLabel = "FILE", description = CertificateCsv.HELP)
    Path csv;

    @Option(names = "--lab", required = true, description = "the issuing lab's id")
    String lab;

    @Option(
            names = "--key",
            required = true,
            paramLabel = "FILE",
            description = "the lab's private key (PKCS#8 PEM, \"BEGIN PRIVATE KEY\")")
    Path key;

    @Override
    public Integer call() throws IOException {
        GatewayClient client = gateway.client(spec.commandLine().getErr());
        if (client == null) {
            return 2;
        }
        PrivateKey labKey = LabKeyring.privateKey(Files.readString(key));
        List<CertificateCsv.Draft> drafts;
        try {
            drafts = CertificateCsv.read(csv, lab);
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println(csv + ": " + e.getMessage());
            return 2;
        }
        List<Outcome> outcomes = new Batch<CertificateCsv.Draft>("issue", System.err, gateway.parallel)
                .run(
                        drafts,
                        CertificateCsv.Draft::where,
                        CertificateCsv.Draft::id,
                        draft -> draft.unsigned() == null
                                ? null
                                : draft.unsigned().previous(),
                        draft -> issueOne(client, labKey, draft));
        return Batch.summarise(outcomes, spec.commandLine().getOut());
    }

    private static Outcome issueOne(GatewayClient client, PrivateKey key, CertificateCsv.Draft draft) {
        if (draft.problem() != null) {
            return Outcome.failed(draft.where(), draft.problem());
        }
        CertificateRequest request = draft.signed(key);
        String path = "/api/v1/certificates/" + GatewayClient.segment(request.id());
        GatewayClient.Answer existing = client.get(path);
        if (existing.ok()) {
            return Outcome.skipped(draft.where(), "certificate " + request.id() + " is already on the ledger");
        }
        if (existing.status() != 404) {
            return Outcome.failed(draft.where(), existing.problem());
        }
        String target = request.previous() == null
                ? "/api/v1/certificates"
                : "/api/v1/certificates/" + GatewayClient.segment(request.previous()) + "/supersession";
        GatewayClient.Answer answer = client.post(target, "application/json", Canonical.bytes(request));
        return answer.ok() ? Outcome.issued(draft.where()) : Outcome.failed(draft.where(), answer.problem());
    }
}
