package org.metroledger.gateway.qr;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.metroledger.chaincode.certificate.CertificateContract.VerificationRequest;
import org.metroledger.gateway.contracts.Certificates;
import org.metroledger.gateway.contracts.Contracts;
import org.metroledger.gateway.contracts.Verification;
import org.metroledger.gateway.identity.Member;

/**
 * Verifies a scanned QR token (DESIGN §8): the lab's signature against the trust list with no
 * trust in the ledger's answer, then the certificate's status via {@code certificate:Verify}. A
 * token whose signature fails is {@code SIGNATURE_INVALID}, whatever the ledger says. A token that
 * verifies only under a key its lab reported compromised is judged by the ledger: it must say what
 * the ledger holds, and the certificate must have been recorded before the compromise.
 */
public final class QrVerification {
    static final String SIGNATURE_CHECK = "token-signature";
    static final String AGREEMENT_CHECK = "token-matches-ledger";

    private final Certificates certificates;
    private final Member reader;
    private final LedgerTrustList trustList;
    private final CertificateTokens tokens;

    public QrVerification(Contracts contracts, Member reader, LedgerTrustList trustList, CertificateTokens tokens) {
        this.certificates = contracts.certificates();
        this.reader = reader;
        this.trustList = trustList;
        this.tokens = tokens;
    }

    /** @param at the instant to judge validity at, or null for the ledger's "now" */
    public CompletableFuture<TokenVerdict> verify(String token, Instant at) {
        return trustList.current().thenCompose(trust -> {
            TokenCheck check = QrToken.verify(token, trust);
            if (check.underCompromisedKey()) {
                // The ledger knows what was recorded before the compromise: a token that says just
                // that is true whoever made it, and the ledger's own signature check judges the
                // certificate's recording against the compromise time.
                TokenCheck online = new TokenCheck(
                        true,
                        check.payload(),
                        check.issuer(),
                        check.detail() + "; online, the ledger's record decides",
                        check.key());
                return ledgerVerdict(online, new CheckLine(SIGNATURE_CHECK, true, online.detail()), at);
            }
            CheckLine signature = new CheckLine(SIGNATURE_CHECK, check.genuine(), check.detail());
            if (!check.genuine()) {
                return CompletableFuture.completedFuture(new TokenVerdict(
                        TokenCheck.SIGNATURE_INVALID, false, check, List.of(signature), null, null, null, null));
            }
            return ledgerVerdict(check, signature, at);
        });
    }

    /**
     * The ledger's verdict on a certificate looked up by its number, with no token in hand: the
     * ledger's checks only, and the issuer as the trust list has it. It proves what the ledger
     * records, not that a paper carrying this number is genuine.
     */
    public CompletableFuture<TokenVerdict> lookUp(String certificateId) {
        return trustList
                .current()
                .thenCompose(trust -> report(certificateId, null).thenApply(report -> {
                    JsonNode certificate = report.get("certificate");
                    boolean found = certificate != null && !certificate.isNull();
                    TokenCheck byNumber = new TokenCheck(
                            true,
                            null,
                            found
                                    ? trust.lab(certificate.path("issuer").asText())
                                            .orElse(null)
                                    : null,
                            "looked up by number; no QR token was presented");
                    return assemble(byNumber, null, report, found ? certificate : null, null, evidenceOf(report));
                }));
    }

    /** The ledger's report, its evidence completed with the block number. */
    private CompletableFuture<JsonNode> report(String certificateId, Instant at) {
        return certificates
                .verify(reader, new VerificationRequest(certificateId, null, at == null ? null : at.toString()))
                .thenApply(Verification::tree);
    }

    private CompletableFuture<TokenVerdict> ledgerVerdict(TokenCheck check, CheckLine signature, Instant at) {
        return report(check.payload().certificateId(), at).thenCompose(report -> {
            JsonNode certificate = report.get("certificate");
            if (certificate == null || certificate.isNull()) {
                return CompletableFuture.completedFuture(assemble(check, signature, report, null, null, null));
            }
            return tokens.payloadFor(certificate).thenApply(expected -> {
                String differences = Disagreement.between(check.payload(), expected);
                CheckLine agreement = new CheckLine(
                        AGREEMENT_CHECK,
                        differences.isEmpty(),
                        differences.isEmpty()
                                ? "the token says what the ledger says"
                                : "the token differs from the ledger: " + differences);
                return assemble(check, signature, report, certificate, agreement, evidenceOf(report));
            });
        });
    }

    /**
     * A token the lab signed for other content than the ledger holds does not describe the
     * certificate in hand: DIGEST_MISMATCH, which comes before every status verdict.
     *
     * @param signature the token's signature check, or null for a look-up by number
     */
    private static TokenVerdict assemble(
            TokenCheck check,
            CheckLine signature,
            JsonNode report,
            JsonNode certificate,
            CheckLine agreement,
            JsonNode evidence) {
        List<CheckLine> checks = new ArrayList<>();
        if (signature != null) {
            checks.add(signature);
        }
        if (agreement != null) {
            checks.add(agreement);
        }
        report.path("checks")
                .forEach(line -> checks.add(new CheckLine(
                        line.path("name").asText(),
                        line.path("ok").asBoolean(),
                        line.path("detail").asText(""))));
        String verdict = report.path("verdict").asText("NOT_FOUND");
        if (agreement != null && !agreement.ok() && !"NOT_FOUND".equals(verdict)) {
            verdict = "DIGEST_MISMATCH";
        }
        String successor =
                report.hasNonNull("successor") ? report.get("successor").asText() : null;
        String at = report.hasNonNull("at") ? report.get("at").asText() : null;
        return new TokenVerdict(verdict, true, check, checks, certificate, evidence, successor, at);
    }

    /** The report's evidence (with the block number), or null when it names no transaction. */
    private static JsonNode evidenceOf(JsonNode report) {
        JsonNode evidence = report.get("evidence");
        return evidence == null || !evidence.hasNonNull("txId") ? null : evidence;
    }
}
