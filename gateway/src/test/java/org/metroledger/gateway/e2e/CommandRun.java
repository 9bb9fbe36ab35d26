package org.metroledger.gateway.e2e;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.metroledger.gateway.cli.MetroLedgerCommand;
import picocli.CommandLine;

/** One run of the metroledger command in this JVM, with what it printed and its exit code. */
record CommandRun(StringWriter outText, StringWriter err, int code) {
    CommandRun(StringWriter outText, StringWriter err) {
        this(outText, err, 0);
    }

    CommandLine commandLine() {
        return new CommandLine(new MetroLedgerCommand())
                .setOut(new PrintWriter(outText, true))
                .setErr(new PrintWriter(err, true));
    }

    String out() {
        return outText.toString();
    }

    /** Runs a batch subcommand against a gateway, as the given token's holder. */
    static CommandRun against(String baseUrl, String token, Object... args) {
        List<String> line = new ArrayList<>(List.of(args[0].toString(), "--url", baseUrl, "--token", token));
        for (int i = 1; i < args.length; i++) {
            line.add(args[i].toString());
        }
        CommandRun run = new CommandRun(new StringWriter(), new StringWriter());
        int code = run.commandLine().execute(line.toArray(String[]::new));
        return new CommandRun(run.outText(), run.err(), code);
    }
}
