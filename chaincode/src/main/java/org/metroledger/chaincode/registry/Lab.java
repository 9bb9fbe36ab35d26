package org.metroledger.chaincode.registry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.metroledger.chaincode.error.Fail;
import org.metroledger.chaincode.json.Canonical;
import org.metroledger.chaincode.signature.LabSignature;
import org.metroledger.chaincode.state.Stamp;

/**
 * A calibration or verification laboratory, with the public key its certificates are signed with.
 * {@code status}, {@code statusReason} and {@code accreditation} are the current standing; {@code
 * standing} is every standing since registration, oldest first. {@code publicKey} is the current
 * certificate-signing key; {@code keys} is every key the lab has had, oldest first.
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
        List<LabStanding> standing,
        List<LabKey> keys) {
    public static final String TYPE = "Lab";
    public static final String ALL = "lab~all";

    public Lab {
        standing = standing == null ? null : List.copyOf(standing);
        keys = keys == null ? null : List.copyOf(keys);
    }

    /** A newly registered lab: ACTIVE, its history one entry long. */
    public static Lab registered(
            String id, String name, String region, Accreditation accreditation, String publicKey, Stamp s) {
        LabStanding first = new LabStanding(s.recordedAt(), LabStatus.ACTIVE, null, accreditation, s.txId());
        LabKey key =
                new LabKey(LabSignature.fingerprint(publicKey), publicKey, s.recordedAt(), null, null, null, s.txId());
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
                List.of(first),
                List.of(key));
    }

    /** This lab with a new standing from the transaction's time on, appended to its history. */
    public Lab withStanding(LabStatus newStatus, String reason, Accreditation newAccreditation, Stamp s) {
        List<LabStanding> history = new ArrayList<>(standingHistory());
        history.add(new LabStanding(s.recordedAt(), newStatus, reason, newAccreditation, s.txId()));
        return new Lab(
                id,
                name,
                region,
                newAccreditation,
                publicKey,
                newStatus,
                reason,
                s.recordedAt(),
                s.txId(),
                history,
                keys);
    }

    /**
     * This lab with a new current key from the transaction's time on. The key it replaces stays in
     * the history, trusted for what was recorded with it, unless {@code compromisedAt} is given:
     * from then on the old key is not trusted.
     */
    public Lab withKey(String newPublicKey, String compromisedAt, String reason, Stamp s) {
        List<LabKey> history = new ArrayList<>(keyHistory());
        LabKey current = history.remove(history.size() - 1);
        history.add(current.replaced(s.recordedAt(), compromisedAt, reason));
        history.add(new LabKey(
                LabSignature.fingerprint(newPublicKey), newPublicKey, s.recordedAt(), null, null, null, s.txId()));
        return new Lab(
                id,
                name,
                region,
                accreditation,
                newPublicKey,
                status,
                statusReason,
                s.recordedAt(),
                s.txId(),
                standingHistory(),
                history);
    }

    /**
     * Every certificate-signing key, oldest first, the last one current. A record from before the
     * history was kept counts as a history of one: its key, the lab's since registration.
     */
    public List<LabKey> keyHistory() {
        if (keys == null || keys.isEmpty()) {
            LabStanding first = standingHistory().get(0);
            return List.of(new LabKey(
                    LabSignature.fingerprint(publicKey), publicKey, first.from(), null, null, null, first.txId()));
        }
        return keys;
    }

    /** The current certificate-signing key. */
    public LabKey currentKey() {
        List<LabKey> history = keyHistory();
        return history.get(history.size() - 1);
    }

    /** The key of that fingerprint, if it ever was this lab's. */
    public Optional<LabKey> key(String keyId) {
        return keyHistory().stream().filter(k -> k.id().equals(keyId)).findFirst();
    }

    /** The key in force at an instant: the last one begun by then (before registration, the first). */
    public LabKey keyAt(Instant at) {
        return inForceAt(keyHistory(), LabKey::from, at);
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
        return inForceAt(standingHistory(), LabStanding::from, at);
    }

    /** Of a history oldest first, the last entry begun by the instant; before the first, the first. */
    private static <T> T inForceAt(List<T> history, Function<T, String> from, Instant at) {
        T inForce = history.get(0);
        for (T entry : history) {
            if (!Canonical.instant(from.apply(entry)).isAfter(at)) {
                inForce = entry;
            }
        }
        return inForce;
    }

    /**
     * Refuses (CONFLICT) a change to a WITHDRAWN lab: withdrawal is final, and a withdrawn lab that
     * is accredited again is registered anew. {@code consequence} ends the message with what that
     * rules out here.
     */
    public void requireNotWithdrawn(String consequence) {
        if (status == LabStatus.WITHDRAWN) {
            throw Fail.conflict("lab " + id + " is WITHDRAWN, which is final" + consequence);
        }
    }

    /** Why this lab could not issue for the category at that instant, if it could not. */
    public Optional<String> problemWith(String category, Instant at) {
        return standingAt(at).problemWith(id, category, at);
    }
}
