package org.metroledger.chaincode.recognition;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.metroledger.chaincode.registry.RecognitionAgreement;

/**
 * The cross-recognition rule (互认): region R accepts a certificate when its verdict is VALID and
 * either R issued it itself or an ACTIVE agreement in force covers the issuer's region, R and the
 * certificate's category.
 */
public final class CrossRecognition {
    static final String VALID = "VALID";

    private CrossRecognition() {}

    /** What the ledger knows of a certificate for this rule. */
    public record Facts(String certificateId, String verdict, String issuerRegion, String category) {}

    /**
     * Decides, giving one reason per agreement considered (the first condition it fails) and one for
     * the verdict. The first agreement by id that satisfies every condition is named.
     */
    public static RecognitionAnswer decide(
            Facts certificate, String region, Instant at, List<RecognitionAgreement> agreements) {
        List<RecognitionReason> reasons = new ArrayList<>();
        String carrying = null;
        boolean ownRegion = region.equals(certificate.issuerRegion());
        if (certificate.issuerRegion() == null) {
            reasons.add(new RecognitionReason(
                    "issuer",
                    false,
                    "the region that issued certificate " + certificate.certificateId() + " is not known"));
        } else if (ownRegion) {
            reasons.add(new RecognitionReason(
                    "own-region", true, "the certificate was issued in region " + region + " itself"));
        } else if (agreements.isEmpty()) {
            reasons.add(new RecognitionReason(
                    "agreement",
                    false,
                    "no recognition agreement has region " + region + " or the issuer's region "
                            + certificate.issuerRegion() + " as a member"));
        } else {
            for (RecognitionAgreement agreement : agreements.stream()
                    .sorted(Comparator.comparing(RecognitionAgreement::id))
                    .toList()) {
                String problem = agreement.problemWith(certificate.issuerRegion(), region, certificate.category(), at);
                if (problem != null) {
                    reasons.add(new RecognitionReason("agreement", false, problem));
                } else if (carrying == null) {
                    carrying = agreement.id();
                    reasons.add(new RecognitionReason(
                            "agreement",
                            true,
                            "agreement " + carrying + " is ACTIVE and in force and covers regions "
                                    + certificate.issuerRegion() + " and " + region + " and category "
                                    + certificate.category()));
                }
            }
        }
        boolean valid = VALID.equals(certificate.verdict());
        reasons.add(new RecognitionReason(
                "verdict",
                valid,
                valid
                        ? "the certificate's verdict is VALID"
                        : "the certificate's verdict is " + certificate.verdict() + ", not VALID"));
        return new RecognitionAnswer(
                certificate.certificateId(),
                region,
                at.toString(),
                valid && (ownRegion || carrying != null),
                List.copyOf(reasons),
                carrying,
                certificate.verdict(),
                certificate.issuerRegion(),
                certificate.category());
    }
}
