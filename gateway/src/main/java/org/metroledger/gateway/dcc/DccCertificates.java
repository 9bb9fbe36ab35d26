package org.metroledger.gateway.dcc;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.PrivateKey;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.hyperledger.fabric.shim.ChaincodeException;
import org.metroledger.chaincode.certificate.CertificateRequest;
import org.metroledger.chaincode.error.ErrorCode;
import org.metroledger.chaincode.error.Fail;
import org.metroledger.chaincode.json.Canonical;
import org.metroledger.gateway.document.DocumentStore;
import org.metroledger.gateway.ledger.Committed;
import org.metroledger.gateway.ledger.Ledger;
import org.metroledger.gateway.ledger.LedgerException;
import org.metroledger.simulation.Member;

/**
 * Certificates as DCC documents: imports a lab's DCC (signature checked, document kept, certificate
 * recorded with the digest of the exact bytes) and exports a certificate's DCC (the original bytes
 * when it was imported, else a generated DCC 3.2.0). Failures are {@link LedgerException}s carrying
 * the error code, whichever step refused.
 */
public final class DccCertificates {
    private final Ledger ledger;
    private final DocumentStore documents;
    private final Function<String, DccSignatureVerifier> signatures;
    private final Function<String, Optional<PrivateKey>> labKeys;
    private final DccParser parser = new DccParser();
    private final DccWriter writer = new DccWriter();

    /**
     * @param signatures gives the verifier for each import of a lab's DCC, so a changed trust store takes effect
     * @param labKeys the signing key of each lab the gateway signs certificate requests for
     */
    public DccCertificates(
            Ledger ledger,
            DocumentStore documents,
            Function<String, DccSignatureVerifier> signatures,
            Function<String, Optional<PrivateKey>> labKeys) {
        this.ledger = ledger;
        this.documents = documents;
        this.signatures = signatures;
        this.labKeys = labKeys;
    }

    /**
     * Records the certificate a DCC states, as {@code lab} (a member of lab {@code options.lab()}).
     * A DCC whose XML signature fails is refused with SIGNATURE_INVALID before anything is written.
     * Blocks while it checks the signature and keeps the document; the ledger call does not.
     */
    public CompletableFuture<Committed> importDcc(Member lab, byte[] xml, DccImport.Options options) {
        CertificateRequest request;
        try {
            SignatureCheck check = signatures.apply(options.lab()).verify(xml);
            if (check.isInvalid()) {
                throw Fail.with(ErrorCode.SIGNATURE_INVALID, "the DCC's XML signature is invalid: " + check.reason());
            }
            DccSchema.validateUpload(xml);
            PrivateKey key = labKeys.apply(options.lab())
                    .orElseThrow(() -> Fail.forbidden("this gateway holds no signing key of lab '" + options.lab()
                            + "'; sign the certificate request yourself and POST /api/v1/certificates"));
            request = DccImport.request(parser.parse(xml), options, key);
        } catch (ChaincodeException e) {
            return CompletableFuture.failedFuture(refusal(e));
        }
        // Kept before recording, so a recorded certificate always has its document; an orphan
        // left by a refused transaction is harmless and is reused when the same bytes return.
        documents.put(request.documentDigest(), xml);
        return ledger.submit(lab, DccImport.function(request), List.of(Canonical.json(request)));
    }

    /** The certificate's DCC: its imported original, byte for byte, or one generated from the record. */
    public CompletableFuture<byte[]> exportDcc(Member reader, String certificateId) {
        return ledger.evaluate(reader, "certificate:Get", List.of(Canonical.json(Map.of("id", certificateId))))
                .thenCompose(json -> {
                    JsonNode certificate = Canonical.tree(json, "certificate");
                    String digest = certificate.path("documentDigest").asText("");
                    Optional<byte[]> original = digest.isEmpty() ? Optional.empty() : documents.get(digest);
                    if (original.isPresent()) {
                        return CompletableFuture.completedFuture(original.get());
                    }
                    return parties(reader, certificate).thenApply(parties -> writer.write(certificate, parties));
                });
    }

    /**
     * The issuing lab's name and, for an instrument, its description and its owner's name from the
     * registry, so the generated DCC names them as a person would.
     */
    private CompletableFuture<DccParties> parties(Member reader, JsonNode certificate) {
        CompletableFuture<JsonNode> lab =
                get(reader, "registry:GetLab", certificate.path("issuer").asText());
        if (!"INSTRUMENT".equals(certificate.path("subjectType").asText())) {
            return lab.thenApply(l -> new DccParties(text(l, "name"), null, null, null));
        }
        return get(reader, "registry:GetInstrument", certificate.path("subject").asText())
                .thenCompose(instrument -> get(reader, "registry:GetEntity", text(instrument, "owner"))
                        .thenCombine(
                                lab,
                                (owner, l) -> new DccParties(
                                        text(l, "name"),
                                        text(owner, "name"),
                                        null,
                                        new DccParties.Item(
                                                text(instrument, "type"),
                                                text(instrument, "manufacturer"),
                                                text(instrument, "model"),
                                                text(instrument, "serial")))));
    }

    private CompletableFuture<JsonNode> get(Member reader, String function, String id) {
        return ledger.evaluate(reader, function, List.of(Canonical.json(Map.of("id", id))))
                .thenApply(json -> Canonical.tree(json, function));
    }

    private static String text(JsonNode record, String field) {
        return record.path(field).asText(null);
    }

    private static LedgerException refusal(ChaincodeException e) {
        return new LedgerException(Fail.codeOf(e.getPayload(), e.getMessage()), e.getMessage(), null, e);
    }
}
