package org.metroledger.gateway.dcc;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.security.PrivateKey;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import org.metroledger.chaincode.certificate.Certificate;
import org.metroledger.chaincode.certificate.CertificateRequest;
import org.metroledger.gateway.contracts.Answer;
import org.metroledger.gateway.contracts.Certificates;
import org.metroledger.gateway.contracts.Contracts;
import org.metroledger.gateway.contracts.Registry;
import org.metroledger.gateway.contracts.Written;
import org.metroledger.gateway.document.DocumentStore;
import org.metroledger.gateway.failure.ApiCode;
import org.metroledger.gateway.failure.ApiFailure;
import org.metroledger.gateway.identity.Member;
import org.metroledger.gateway.ledger.LedgerException;

/**
 * Certificates as DCC documents: imports a lab's DCC (signature checked, certificate recorded with
 * the digest of the exact bytes, document kept once it is) and exports a certificate's DCC (the original bytes
 * when it was imported, else a generated DCC 3.2.0). What the gateway refuses itself (signature,
 * schema, a missing field, a DCC that cannot be written) is an {@link ApiFailure}; what the ledger
 * refuses, a {@link LedgerException}: both carry the API's error code.
 */
public final class DccCertificates {
    private static final System.Logger LOG = System.getLogger(DccCertificates.class.getName());

    private final Certificates certificates;
    private final Registry registry;
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
            Contracts contracts,
            DocumentStore documents,
            Function<String, DccSignatureVerifier> signatures,
            Function<String, Optional<PrivateKey>> labKeys) {
        this.certificates = contracts.certificates();
        this.registry = contracts.registry();
        this.documents = documents;
        this.signatures = signatures;
        this.labKeys = labKeys;
    }

    /**
     * Records the certificate a DCC states, as {@code lab} (a member of lab {@code options.lab()}).
     * A DCC whose XML signature fails is refused with SIGNATURE_INVALID before anything is written.
     * Blocks while it checks the signature and stages the document; the ledger call does not. The
     * document is kept or discarded on the thread that completes the ledger call.
     */
    public CompletableFuture<Imported> importDcc(Member lab, byte[] xml, DccImport.Options options) {
        CertificateRequest request;
        SignatureCheck check;
        try {
            check = signatures.apply(options.lab()).verify(xml);
            if (check.isInvalid()) {
                throw ApiFailure.of(ApiCode.SIGNATURE_INVALID, "the DCC's XML signature is invalid: " + check.reason());
            }
            DccSchema.validateUpload(xml);
            PrivateKey key = labKeys.apply(options.lab())
                    .orElseThrow(() -> ApiFailure.of(
                            ApiCode.FORBIDDEN,
                            "this gateway holds no signing key of lab '" + options.lab()
                                    + "'; sign the certificate request yourself and POST /api/v1/certificates"));
            request = DccImport.request(parser.parse(xml), options, key);
        } catch (ApiFailure e) {
            return CompletableFuture.failedFuture(e);
        }
        // Staged before recording, so a recorded certificate always has its document, and kept
        // under its digest only once the certificate is committed: a refused import leaves no file.
        DocumentStore.Staged document = documents.stage(request.documentDigest(), xml);
        return certificates
                .record(lab, request)
                .whenComplete((written, failure) -> settle(document, failure))
                .thenApply(written -> new Imported(written, check));
    }

    /** A recorded DCC: the ledger's answer and how its XML signature was judged. */
    public record Imported(Written<Certificate> written, SignatureCheck signature) {}

    /**
     * Keeps the document of a committed certificate and discards that of a refused one. Where the
     * outcome is unknown (the ledger did not answer, or failed), it stays staged: if the certificate
     * was committed after all, reading its document keeps it then.
     */
    private static void settle(DocumentStore.Staged document, Throwable failure) {
        try {
            if (failure == null) {
                document.keep();
            } else if (refused(failure)) {
                document.discard();
            }
        } catch (UncheckedIOException e) {
            // The import's answer stands either way: a document left staged is found by its digest.
            LOG.log(System.Logger.Level.WARNING, "a DCC document stays staged", e);
        }
    }

    /** True when the ledger refused the write, so the certificate is certainly not recorded. */
    private static boolean refused(Throwable failure) {
        Throwable cause =
                failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        return cause instanceof LedgerException e
                && e.code() != ApiCode.UNAVAILABLE
                && e.code() != ApiCode.INTERNAL
                && e.code() != ApiCode.STORE_CORRUPTED;
    }

    /** The certificate's DCC: its imported original, byte for byte, or one generated from the record. */
    public CompletableFuture<byte[]> exportDcc(Member reader, String certificateId) {
        return certificates.get(reader, certificateId).thenCompose(answer -> {
            JsonNode certificate = answer.tree();
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
                registry.getLab(reader, certificate.path("issuer").asText()).thenApply(Answer::tree);
        if (!"INSTRUMENT".equals(certificate.path("subjectType").asText())) {
            return lab.thenApply(l -> new DccParties(text(l, "name"), null, null, null));
        }
        return registry.getInstrument(reader, certificate.path("subject").asText())
                .thenApply(Answer::tree)
                .thenCompose(instrument -> registry.getEntity(reader, text(instrument, "owner"))
                        .thenApply(Answer::tree)
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

    private static String text(JsonNode record, String field) {
        return record.path(field).asText(null);
    }
}
