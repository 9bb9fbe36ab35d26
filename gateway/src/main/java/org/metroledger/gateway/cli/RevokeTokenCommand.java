package org.metroledger.gateway.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.metroledger.gateway.auth.TokenBook;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code revoke-token}: stops a gateway accepting an API bearer token, or every token of one
 * identity. A running gateway reads its token book again when it changes, so this takes effect at
 * its next request; web sessions opened with the token end with it.
 */
@Command(
        name = "revoke-token",
        mixinStandardHelpOptions = true,
        description = "Revoke an API bearer token (read from standard input with --token -), or every token of"
                + " one identity. Takes effect in a running gateway at its next request. Exit 1 when nothing"
                + " matched.")
public final class RevokeTokenCommand implements Callable<Integer> {
    @Option(
            names = "--data-dir",
            defaultValue = "${env:METROLEDGER_DATA_DIR:-data}",
            description = "the gateway's data directory (env METROLEDGER_DATA_DIR; default: ${DEFAULT-VALUE})")
    Path dataDir;

    @ArgGroup(multiplicity = "1")
    Which which;

    /** One token, or one identity's tokens. */
    static final class Which {
        @Option(names = "--token", paramLabel = "TOKEN", description = "the token, or - to read it from stdin")
        String token;

        @Option(names = "--holder", paramLabel = "MSP/NAME", description = "every token of this identity")
        String holder;
    }

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws java.io.IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        TokenBook book = TokenBook.open(dataDir);
        if (which.token != null) {
            String token = "-".equals(which.token)
                    ? new String(System.in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim()
                    : which.token;
            if (!book.revoke(token)) {
                err.println("no such token in " + dataDir.resolve(TokenBook.FILE));
                return 1;
            }
            out.println("revoked 1 token");
            return 0;
        }
        int slash = which.holder.indexOf('/');
        if (slash <= 0 || slash == which.holder.length() - 1) {
            err.println("--holder must be MSP/NAME, e.g. NorthMSP/inspector@north (got '" + which.holder + "')");
            return 2;
        }
        int revoked = book.revokeAll(which.holder.substring(0, slash), which.holder.substring(slash + 1));
        if (revoked == 0) {
            err.println("no token of " + which.holder + " in " + dataDir.resolve(TokenBook.FILE));
            return 1;
        }
        out.println("revoked " + revoked + " token" + (revoked == 1 ? "" : "s") + " of " + which.holder);
        return 0;
    }
}
