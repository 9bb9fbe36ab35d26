package org.metroledger.gateway.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
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

    @Option(
            names = "--batch-size",
            defaultValue = "200",
            description = "certificates per request to POST /api/v1/certificates/batch, 1-256, each committed"
                    + " with its batch in one transaction (default: ${DEFAULT-VALUE})")
    int batchSize;

    @Option(
            names = "--batches",
            defaultValue = "4",
            description = "batch requests in flight at once, 1-64 (default: ${DEFAULT-VALUE})")
    int batches;

    /** Times a batch is sent when the request as a whole fails (nothing of it committed, or unknown). */
    private static final int ATTEMPTS = 3;

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
        if (batchSize < 1 || batchSize > 256 || batches < 1 || batches > 64) {
            spec.commandLine().getErr().println("--batch-size must be 1-256 and --batches 1-64");
            return 2;
        }
        // New certificates go in batches; a supersession goes alone, after what it replaces.
        Map<CertificateCsv.Draft, Outcome> outcomes = new IdentityHashMap<>();
        List<CertificateCsv.Draft> fresh = new ArrayList<>();
        List<CertificateCsv.Draft> amendments = new ArrayList<>();
        for (CertificateCsv.Draft draft : drafts) {
            if (draft.problem() != null) {
                outcomes.put(draft, Outcome.failed(draft.where(), draft.problem()));
            } else if (draft.unsigned().previous() == null) {
                fresh.add(draft);
            } else {
                amendments.add(draft);
            }
        }
        List<List<CertificateCsv.Draft>> groups = new ArrayList<>();
        for (int from = 0; from < fresh.size(); from += batchSize) {
            groups.add(fresh.subList(from, Math.min(fresh.size(), from + batchSize)));
        }
        List<Outcome> issued = new Batch<CertificateCsv.Draft>("issue", System.err, batches)
                .runGroups(
                        groups,
                        CertificateCsv.Draft::where,
                        // An instrument's certificates rewrite its indicator coverage record.
                        draft -> draft.unsigned().subject(),
                        group -> issueBatch(client, labKey, group));
        for (int i = 0; i < fresh.size(); i++) {
            outcomes.put(fresh.get(i), issued.get(i));
        }
        List<Outcome> amended = new Batch<CertificateCsv.Draft>("supersede", System.err, gateway.parallel)
                .run(
                        amendments,
                        CertificateCsv.Draft::where,
                        CertificateCsv.Draft::id,
                        draft -> draft.unsigned().previous(),
                        draft -> supersedeOne(client, labKey, draft));
        for (int i = 0; i < amendments.size(); i++) {
            outcomes.put(amendments.get(i), amended.get(i));
        }
        return Batch.summarise(
                drafts.stream().map(outcomes::get).toList(), spec.commandLine().getOut());
    }

    /**
     * One request to POST /api/v1/certificates/batch, sent again while it fails as a whole (then
     * nothing of it is committed, or after a lost answer an item already committed answers "exists",
     * counted as skipped): each item is answered on its own.
     */
    private static List<Outcome> issueBatch(GatewayClient client, PrivateKey key, List<CertificateCsv.Draft> group) {
        List<CertificateRequest> requests =
                group.stream().map(draft -> draft.signed(key)).toList();
        byte[] body = Canonical.bytes(Map.of("certificates", requests));
        String problem = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            GatewayClient.Answer answer;
            try {
                answer = client.post("/api/v1/certificates/batch", "application/json", body);
            } catch (UncheckedIOException e) {
                problem = e.getMessage();
                continue;
            }
            if (answer.status() == 200) {
                return itemOutcomes(group, answer.body());
            }
            problem = answer.problem();
            // A refusal of the request itself (4xx other than a write conflict) will not change.
            if (answer.status() / 100 == 4 && answer.status() != 409) {
                break;
            }
        }
        String why = problem;
        return group.stream()
                .map(draft -> Outcome.failed(draft.where(), "the batch was not committed: " + why))
                .toList();
    }

    private static List<Outcome> itemOutcomes(List<CertificateCsv.Draft> group, String body) {
        JsonNode items = Canonical.tree(body, "answer").path("items");
        List<Outcome> outcomes = new ArrayList<>(group.size());
        for (int i = 0; i < group.size(); i++) {
            CertificateCsv.Draft draft = group.get(i);
            JsonNode item = items.path(i);
            int status = item.path("status").asInt();
            String code = item.path("code").asText();
            String message = item.path("message").asText();
            if (status == 201) {
                outcomes.add(Outcome.issued(draft.where()));
            } else if ("CONFLICT".equals(code) && message.endsWith("exists already")) {
                outcomes.add(Outcome.skipped(draft.where(), "certificate " + draft.id() + " is already on the ledger"));
            } else {
                outcomes.add(Outcome.failed(draft.where(), code + ": " + message));
            }
        }
        return outcomes;
    }

    private static Outcome supersedeOne(GatewayClient client, PrivateKey key, CertificateCsv.Draft draft) {
        CertificateRequest request = draft.signed(key);
        String path = "/api/v1/certificates/" + GatewayClient.segment(request.id());
        GatewayClient.Answer existing = client.get(path);
        if (existing.ok()) {
            return Outcome.skipped(draft.where(), "certificate " + request.id() + " is already on the ledger");
        }
        if (existing.status() != 404) {
            return Outcome.failed(draft.where(), existing.problem());
        }
        String target = "/api/v1/certificates/" + GatewayClient.segment(request.previous()) + "/supersession";
        GatewayClient.Answer answer = client.post(target, "application/json", Canonical.bytes(request));
        return answer.ok() ? Outcome.issued(draft.where()) : Outcome.failed(draft.where(), answer.problem());
    }
}
