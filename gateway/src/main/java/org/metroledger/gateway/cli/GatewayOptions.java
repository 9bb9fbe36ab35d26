package org.metroledger.gateway.cli;

import java.io.PrintWriter;
import picocli.CommandLine.Option;

/** Where the gateway is and whose token to call it with, shared by the lab's batch commands. */
final class GatewayOptions {
    @Option(
            names = "--url",
            defaultValue = "${env:METROLEDGER_URL:-http://localhost:8080}",
            description = "the gateway's base URL (env METROLEDGER_URL; default: ${DEFAULT-VALUE})")
    String url;

    @Option(
            names = "--token",
            defaultValue = "${env:METROLEDGER_TOKEN}",
            description = "a bearer token of the lab's staff (env METROLEDGER_TOKEN)")
    String token;

    @Option(
            names = "--parallel",
            defaultValue = "${env:METROLEDGER_PARALLEL:-128}",
            description = "requests in flight at once; the ledger commits concurrent ones in shared blocks"
                    + " (env METROLEDGER_PARALLEL; default: ${DEFAULT-VALUE})")
    int parallel;

    /** The client, or null after telling the user what is missing. */
    GatewayClient client(PrintWriter err) {
        if (token == null || token.isBlank()) {
            err.println("a bearer token is required: --token or METROLEDGER_TOKEN");
            return null;
        }
        if (parallel < 1 || parallel > 256) {
            err.println("--parallel must be 1-256");
            return null;
        }
        return new GatewayClient(url, token);
    }
}
