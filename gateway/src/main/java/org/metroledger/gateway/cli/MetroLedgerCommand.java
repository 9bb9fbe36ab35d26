package org.metroledger.gateway.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code metroledger} command: serve the gateway, verify the chain, and what others add. */
@Command(
        name = "metroledger",
        mixinStandardHelpOptions = true,
        version = "MetroLedger 0.1.0",
        description = "Trusted measurement records on a permissioned ledger.",
        // Every subcommand, in one place.
        subcommands = {
            ServeCommand.class,
            VerifyChainCommand.class,
            ImportDccCommand.class,
            IssueCsvCommand.class,
            RegisterKeyCommand.class,
            VerifyTokenCommand.class,
            RevokeTokenCommand.class,
            LabelCommand.class,
            CommandLine.HelpCommand.class
        })
public final class MetroLedgerCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        CommandLine commandLine = new CommandLine(new MetroLedgerCommand());
        int code = commandLine.execute(args);
        if (!ServeCommand.SERVING.get()) {
            System.exit(code);
        }
    }
}
