package org.metroledger.chaincode.registry;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.metroledger.chaincode.error.Fail;
import org.metroledger.chaincode.state.RecordStore;

/**
 * Who may put a certificate on a subject (DESIGN §4): a legal-verification authorisation of the
 * instrument's region for a VERIFICATION, the owner's engagement for a CALIBRATION of an
 * instrument, the holder lab's request for a certificate of another lab's standard.
 */
public final class Invitations {
    private Invitations() {}

    /**
     * Why the lab held no legal-verification authorisation for the category in the region at that
     * instant, if it held none: its own from the region, or one from another region that an
     * agreement in force between the two covering the category extends.
     */
    public static Optional<String> authorisationProblem(
            RecordStore store, String lab, String region, String category, Instant at) {
        Optional<LegalAuthorisation> own =
                store.findUnder(LegalAuthorisation.TYPE, LegalAuthorisation.class, lab, region, category);
        if (own.filter(a -> a.inForceAt(at)).isPresent()) {
            return Optional.empty();
        }
        List<LegalAuthorisation> elsewhere =
                store.allUnder(LegalAuthorisation.TYPE, LegalAuthorisation.class, lab).stream()
                        .filter(a -> !a.region().equals(region) && a.category().equals(category) && a.inForceAt(at))
                        .toList();
        if (!elsewhere.isEmpty()) {
            List<RecognitionAgreement> agreements = store.recordsByIndex(
                    RecognitionAgreement.TYPE, RecognitionAgreement.class, RecognitionAgreement.BY_MEMBER, region);
            for (LegalAuthorisation a : elsewhere) {
                for (RecognitionAgreement agreement : agreements) {
                    if (agreement.problemWith(a.region(), region, category, at) == null) {
                        return Optional.empty();
                    }
                }
            }
        }
        return Optional.of("lab " + lab + " held no legal-verification authorisation of " + region + " for "
                + category + " at " + at
                + (own.isPresent()
                        ? " (its authorisation runs " + own.get().validFrom() + " to "
                                + own.get().validUntil() + ")"
                        : ""));
    }

    /**
     * The lab's oldest OPEN engagement for the subject (by id): what a certificate will use.
     * FORBIDDEN when there is none, naming who must record one.
     */
    public static Engagement openEngagement(RecordStore store, String lab, String subject, String requester) {
        String id = store.idsByIndex(Engagement.OPEN, subject, lab).stream()
                .findFirst()
                .orElseThrow(() -> Fail.forbidden("lab " + lab + " has no open engagement for " + subject + " by "
                        + requester + ", who records one (POST /api/v1/engagements) to invite it"));
        return store.get(Engagement.TYPE, id, Engagement.class);
    }

    /** Marks an open engagement USED by the certificate. */
    public static Engagement use(RecordStore store, Engagement open, String certificateId) {
        Engagement used = open.ended(EngagementStatus.USED, certificateId, null, store.stamp());
        store.put(Engagement.TYPE, used.id(), used);
        store.unindex(Engagement.OPEN, used.subject(), used.lab(), used.id());
        return used;
    }
}
