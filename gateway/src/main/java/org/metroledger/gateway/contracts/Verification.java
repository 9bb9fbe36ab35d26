package org.metroledger.gateway.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.metroledger.chaincode.json.Canonical;
import org.metroledger.gateway.ledger.Ledger;
import org.metroledger.gateway.ledger.ReadAnswer;

/**
 * A certificate's verification report as the chaincode answers it, with the one piece of evidence
 * only the gateway knows: the number of the block holding the certificate's last write
 * ({@code evidence.blockNumber}). This is the one place that adds it.
 *
 * @param json the report as JSON, evidence completed
 * @param tree the same as a tree; never change it
 * @param read what the chaincode read to answer, when the verification was tracked
 */
public record Verification(String json, JsonNode tree, Optional<ReadAnswer> read) {
    /** The chaincode's report {@code json}, completed by the ledger's block of its evidence txId. */
    static CompletableFuture<Verification> completed(Ledger ledger, String json, ReadAnswer read) {
        JsonNode report = Canonical.tree(json, "verification report");
        JsonNode evidence = report.get("evidence");
        if (!(evidence instanceof ObjectNode withBlock) || !evidence.hasNonNull("txId")) {
            return CompletableFuture.completedFuture(new Verification(json, report, Optional.ofNullable(read)));
        }
        return ledger.blockNumberOf(evidence.get("txId").asText()).thenApply(block -> {
            block.ifPresent(number -> withBlock.put("blockNumber", number));
            return new Verification(
                    block.isPresent() ? Canonical.json(report) : json, report, Optional.ofNullable(read));
        });
    }
}
