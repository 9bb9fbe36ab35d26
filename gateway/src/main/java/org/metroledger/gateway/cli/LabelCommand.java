package org.metroledger.gateway.cli;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code label CERTIFICATE-ID --out FILE.pdf}: fetches a certificate's printable 50 × 30 mm label
 * from a running gateway, which holds the lab's registered QR token (or a demo lab's key).
 */
@Command(
        name = "label",
        mixinStandardHelpOptions = true,
        description = "Save a certificate's printable QR label (PDF, 50x30 mm) from a running gateway.")
public final class LabelCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "CERTIFICATE-ID")
    String certificateId;

    @Option(names = "--out", required = true, paramLabel = "FILE.pdf")
    Path out;

    @Option(
            names = "--gateway",
            defaultValue = "${env:METROLEDGER_GATEWAY:-http://localhost:8080}",
            description = "the gateway's base URL (default: ${DEFAULT-VALUE})")
    String gateway;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        URI uri = URI.create(gateway.replaceAll("/+$", "") + "/api/v1/certificates/"
                + URLEncoder.encode(certificateId, StandardCharsets.UTF_8).replace("+", "%20") + "/label.pdf");
        HttpResponse<byte[]> answer;
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        try {
            answer = http.send(
                    HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            spec.commandLine().getErr().println("cannot reach the gateway at " + gateway + ": " + e.getMessage());
            return 2;
        }
        if (answer.statusCode() != 200) {
            spec.commandLine()
                    .getErr()
                    .println("the gateway answered " + answer.statusCode() + ": "
                            + new String(answer.body(), StandardCharsets.UTF_8));
            return 1;
        }
        Files.write(out, answer.body());
        spec.commandLine().getOut().println("label of " + certificateId + " written to " + out);
        return 0;
    }
}
