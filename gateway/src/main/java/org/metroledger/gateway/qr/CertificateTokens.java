package org.metroledger.gateway.qr;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.metroledger.gateway.contracts.Certificates;
import org.metroledger.gateway.contracts.Contracts;
import org.metroledger.gateway.contracts.Registry;
import org.metroledger.gateway.failure.ApiCode;
import org.metroledger.gateway.failure.ApiFailure;
import org.metroledger.gateway.identity.Member;

/**
 * Where a certificate's QR token comes from. A lab signs its tokens itself and registers them
 * here; the gateway keeps a registered token only when its signature verifies and it says exactly
 * what the ledger says. For demo labs, whose keys the gateway holds, it signs on first request.
 */
public final class CertificateTokens {
    private final Registry registry;
    private final Certificates certificates;
    private final Member reader;
    private final TokenShelf shelf;
    private final LabKeyring keyring;
    private final LedgerTrustList trustList;

    public CertificateTokens(
            Contracts contracts, Member reader, TokenShelf shelf, LabKeyring keyring, LedgerTrustList trustList) {
        this.registry = contracts.registry();
        this.certificates = contracts.certificates();
        this.reader = reader;
        this.shelf = shelf;
        this.keyring = keyring;
        this.trustList = trustList;
    }

    /** The token to print for a certificate; NOT_FOUND when its lab has registered none. */
    public CompletableFuture<String> token(String certificateId) {
        Optional<String> kept = shelf.token(certificateId);
        if (kept.isPresent()) {
            return CompletableFuture.completedFuture(kept.get());
        }
        return payloadOf(certificateId)
                .thenApply(payload -> keyring.key(payload.labId())
                        .map(key -> {
                            String token = QrToken.sign(payload, key);
                            shelf.put(certificateId, token);
                            return token;
                        })
                        .orElseThrow(() -> ApiFailure.of(
                                ApiCode.NOT_FOUND,
                                "no QR token is registered for certificate '" + certificateId + "': lab '"
                                        + payload.labId()
                                        + "' signs it and registers it with PUT /api/v1/certificates/{id}/qr-token")));
    }

    /**
     * Keeps a lab's token for a certificate once it verifies against the trust list and agrees
     * with the ledger field by field; answers the token.
     */
    public CompletableFuture<String> register(String certificateId, String token) {
        return trustList.current().thenCombine(payloadOf(certificateId), (trust, expected) -> {
            TokenCheck check = QrToken.verify(token, trust);
            if (!check.genuine()) {
                throw ApiFailure.of(ApiCode.SIGNATURE_INVALID, "token " + check.detail());
            }
            if (!check.payload().equals(expected)) {
                throw ApiFailure.of(
                        ApiCode.INVALID_ARGUMENT,
                        "token does not match certificate '" + certificateId + "' on the ledger: "
                                + Disagreement.between(check.payload(), expected));
            }
            shelf.put(certificateId, token);
            return token;
        });
    }

    /** The payload the ledger's record of a certificate calls for. */
    public CompletableFuture<QrPayload> payloadOf(String certificateId) {
        return certificates.get(reader, certificateId).thenCompose(answer -> payloadFor(answer.tree()));
    }

    /** The payload for a certificate record as the ledger answers it (certificate:Get or Verify). */
    public CompletableFuture<QrPayload> payloadFor(JsonNode certificate) {
        return serialOf(certificate)
                .thenApply(serial -> QrPayload.of(
                        certificate.path("id").asText(),
                        certificate.path("issuer").asText(),
                        serial,
                        certificate.path("validUntil").asText(),
                        certificate.path("conformity").asText(),
                        certificate.path("documentDigest").asText()));
    }

    /** An instrument's serial number; a standard has none, so its id stands in. */
    private CompletableFuture<String> serialOf(JsonNode certificate) {
        String subject = certificate.path("subject").asText();
        if ("STANDARD".equals(certificate.path("subjectType").asText())) {
            return CompletableFuture.completedFuture(subject);
        }
        return registry.getInstrument(reader, subject)
                .thenApply(answer -> answer.tree().path("serial").asText());
    }
}
