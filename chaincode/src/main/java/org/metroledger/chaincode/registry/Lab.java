package org.metroledger.chaincode.registry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.metroledger.chaincode.state.Stamp;

/**
 * A calibration or verification laboratory, with the public key its certificates are signed with.
 * {@code status}, {@code statusReason} and {@code accreditation} are the current standing; {@code
 * standing} is every standing since registration, oldest first.
 */
public record Lab(
        String id,
        String name,
        String region,
        Accreditation accreditation,
        String publicKey,
        LabStatus status,
        String statusReason,
        String recordedAt,
        String txId,
        List<LabStanding> standing) {
    public static final String TYPE = "Lab";
    public static final String ALL = "lab~all";

    public Lab {
        standing = standing == null ? null : List.copyOf(standing);
    }

    /** A lab record without standing history, as written before the history was kept. */
    public Lab(
            String id,
            String name,
            String region,
            Accreditation accreditation,
            String publicKey,
            LabStatus status,
            String statusReason,
            String recordedAt,
            String txId) {
        this(id, name, region, accreditation, publicKey, status, statusReason, recordedAt, txId, null);
    }

    /** A newly registered lab: ACTIVE, its history one entry long. */
    public static Lab registered(
            String id, String name, String region, Accreditation accreditation, String publicKey, Stamp s) {
        LabStanding first = new LabStanding(s.recordedAt(), LabStatus.ACTIVE, null, accreditation, s.txId());
        return new Lab(
                id,
                name,
                region,
                accreditation,
                publicKey,
                LabStatus.ACTIVE,
                null,
                s.recordedAt(),
                s.txId(),
                List.of(first));
    }

    /** This lab with a new standing from the transaction's time on, appended to its history. */
    public Lab withStanding(LabStatus newStatus, String reason, Accreditation newAccreditation, Stamp s) {
        List<LabStanding> history = new ArrayList<>(standingHistory());
        history.add(new LabStanding(s.recordedAt(), newStatus, reason, newAccreditation, s.txId()));
        return new Lab(
                id, name, region, newAccreditation, publicKey, newStatus, reason, s.recordedAt(), s.txId(), history);
    }

    /**
     * Every standing, oldest first. A record from before the history was kept counts as one
     * standing: the one it shows.
     */
    public List<LabStanding> standingHistory() {
        if (standing == null || standing.isEmpty()) {
            return List.of(new LabStanding(recordedAt, status, statusReason, accreditation, txId));
        }
        return standing;
    }

    /**
     * The standing in force at an instant: the last one begun by then. Before registration the
     * first applies: a lab joins the ledger with the accreditation it already held, and the
     * accreditation's own validity bounds how far back that reaches.
     */
    public LabStanding standingAt(Instant at) {
        List<LabStanding> history = standingHistory();
        LabStanding inForce = history.get(0);
        for (LabStanding s : history) {
            if (!Instant.parse(s.from()).isAfter(at)) {
                inForce = s;
            }
        }
        return inForce;
    }

    /** Why this lab could not issue for the category at that instant, if it could not. */
    public Optional<String> problemWith(String category, Instant at) {
        return standingAt(at).problemWith(id, category, at);
    }
}
