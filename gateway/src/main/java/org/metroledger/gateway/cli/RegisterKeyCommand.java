package org.metroledger.gateway.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.metroledger.chaincode.json.Canonical;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code register-key}: a lab's new certificate-signing key, through {@code POST
 * /api/v1/labs/{id}/keys}. From then on the lab signs with the new key ({@code issue --key NEW}).
 */
@Command(
        name = "register-key",
        mixinStandardHelpOptions = true,
        description = "Register your lab's new certificate-signing public key (rotation, or after a compromise with"
                + " --compromised-at). Exit 1 when the ledger refuses it, 2 for an unreadable key file.")
final class RegisterKeyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    GatewayOptions gateway;

    @Option(names = "--lab", required = true, description = "the lab's id")
    String lab;

    @Option(
            names = "--public-key",
            required = true,
            paramLabel = "FILE",
            description = "the new public key (PEM, \"BEGIN PUBLIC KEY\", EC P-256)")
    Path publicKey;

    @Option(names = "--reason", required = true, description = "why the key changes")
    String reason;

    @Option(
            names = "--compromised-at",
            paramLabel = "INSTANT",
            description = "ISO-8601 instant from which the replaced key is no longer trusted")
    String compromisedAt;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        GatewayClient client = gateway.client(err);
        if (client == null) {
            return 2;
        }
        Map<String, Object> request = new LinkedHashMap<>();
        try {
            request.put("publicKey", Files.readString(publicKey, StandardCharsets.UTF_8));
        } catch (IOException e) {
            err.println(publicKey + " is not readable: " + e.getMessage());
            return 2;
        }
        request.put("reason", reason);
        if (compromisedAt != null) {
            request.put("compromisedAt", compromisedAt);
        }
        GatewayClient.Answer answer = client.post(
                "/api/v1/labs/" + GatewayClient.segment(lab) + "/keys", "application/json", Canonical.bytes(request));
        if (!answer.ok()) {
            err.println("refused: " + answer.problem());
            return 1;
        }
        JsonNode keys = Canonical.tree(answer.body(), "answer").path("record").path("keys");
        for (JsonNode key : keys) {
            out.println(key.path("id").asText() + "  from " + key.path("from").asText()
                    + (key.hasNonNull("until") ? "  until " + key.path("until").asText() : "  (current)")
                    + (key.hasNonNull("compromisedAt")
                            ? "  compromised from " + key.path("compromisedAt").asText()
                            : ""));
        }
        out.flush();
        return 0;
    }
}
