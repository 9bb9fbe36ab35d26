package org.metroledger.chaincode.certificate;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.metroledger.chaincode.error.Fail;
import org.metroledger.chaincode.registry.Engagement;
import org.metroledger.chaincode.registry.Entity;
import org.metroledger.chaincode.registry.Instrument;
import org.metroledger.chaincode.registry.Invitations;
import org.metroledger.chaincode.registry.Lab;
import org.metroledger.chaincode.registry.Standard;
import org.metroledger.chaincode.state.RecordStore;

/**
 * Why a lab may put a certificate on its subject (DESIGN §4): a VERIFICATION of an instrument
 * needs the lab's legal-verification authorisation in the instrument's region; a CALIBRATION of an
 * instrument needs the owner's open engagement; a certificate of another lab's standard needs the
 * holder's. An amendment (Supersede) stands on the invitation its predecessor used.
 */
final class Invitation {
    private final String category;
    private final Engagement engagement;

    private Invitation(String category, Engagement engagement) {
        this.category = category;
        this.engagement = engagement;
    }

    /**
     * Checks the invitation, reading only; FORBIDDEN naming what is missing.
     *
     * @param instants the instants an authorisation must hold at: issuedAt and the recording
     */
    static Invitation of(RecordStore store, Lab lab, CertificateRequest r, boolean amendment, List<Instant> instants) {
        return switch (r.subjectType()) {
            case INSTRUMENT -> {
                Instrument instrument = store.get(Instrument.TYPE, r.subject(), Instrument.class);
                if (r.kind() == CertificateKind.VERIFICATION) {
                    String region = store.get(Entity.TYPE, instrument.owner(), Entity.class)
                            .region();
                    for (Instant at : instants) {
                        Optional<String> problem =
                                Invitations.authorisationProblem(store, lab.id(), region, instrument.category(), at);
                        if (problem.isPresent()) {
                            throw Fail.forbidden(
                                    problem.get() + ", so it may not verify instrument " + instrument.id());
                        }
                    }
                    yield new Invitation(instrument.category(), null);
                }
                yield new Invitation(
                        instrument.category(),
                        amendment
                                ? null
                                : Invitations.openEngagement(
                                        store, lab.id(), instrument.id(), "its owner " + instrument.owner()));
            }
            case STANDARD -> {
                Standard standard = store.get(Standard.TYPE, r.subject(), Standard.class);
                boolean own = standard.holder().equals(lab.id());
                yield new Invitation(
                        standard.category(),
                        own || amendment
                                ? null
                                : Invitations.openEngagement(
                                        store, lab.id(), standard.id(), "its holder lab " + standard.holder()));
            }
        };
    }

    /** The subject's category, which the certificate records. */
    String category() {
        return category;
    }

    /** The engagement's id, if the invitation was one. */
    Optional<String> engagementId() {
        return engagement == null ? Optional.empty() : Optional.of(engagement.id());
    }

    /** Uses the engagement, if the invitation was one, for the certificate now recorded. */
    void use(RecordStore store, String certificateId) {
        if (engagement != null) {
            Invitations.use(store, engagement, certificateId);
        }
    }
}
