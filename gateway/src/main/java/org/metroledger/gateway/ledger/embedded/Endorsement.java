package org.metroledger.gateway.ledger.embedded;

import java.util.List;
import org.metroledger.simulation.ContractHost.Simulation;
import org.metroledger.simulation.Proposal;

/**
 * A proposal that simulated successfully, with its read/write set, ready to be ordered.
 *
 * @param creatorCertificate the creator's certificate, PEM, as the block records it
 */
record Endorsement(
        Proposal proposal,
        String creatorMsp,
        String creatorCertificate,
        String function,
        List<String> args,
        Simulation simulation) {
    Endorsement {
        args = List.copyOf(args);
    }

    String txId() {
        return proposal.txId();
    }
}
