package org.metroledger.gateway.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.metroledger.gateway.ledger.embedded.ChainReport;
import org.metroledger.gateway.ledger.embedded.ChainVerifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Re-walks the embedded ledger's chain and state; exit code 0 when intact, 1 at the first damage. */
@Command(
        name = "verify-chain",
        mixinStandardHelpOptions = true,
        description = "Check every block's hash, link and signature and the world state of an embedded ledger.")
final class VerifyChainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(
            names = "--data-dir",
            defaultValue = "${env:METROLEDGER_DATA_DIR:-data}",
            description = "data directory of the embedded ledger (env METROLEDGER_DATA_DIR; default: ${DEFAULT-VALUE})")
    Path dataDir;

    @Override
    public Integer call() {
        if (!Files.isDirectory(dataDir)) {
            spec.commandLine().getErr().println("no data directory at " + dataDir);
            return 2;
        }
        ChainReport report = ChainVerifier.verify(dataDir);
        (report.ok() ? spec.commandLine().getOut() : spec.commandLine().getErr()).println(report.summary());
        return report.ok() ? 0 : 1;
    }
}
