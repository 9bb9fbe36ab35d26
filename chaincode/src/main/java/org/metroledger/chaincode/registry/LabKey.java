package org.metroledger.chaincode.registry;

import java.time.Instant;
import java.util.Optional;
import org.metroledger.chaincode.json.Canonical;

/**
 * One of a lab's certificate-signing keys: the lab's from {@code from} until {@code until} (null
 * while it is the current key). {@code compromisedAt}, when set, is the instant from which the key
 * is no longer trusted: a certificate recorded with it at or after that instant does not verify.
 *
 * @param id the key's fingerprint: SHA-256 hex of its DER SubjectPublicKeyInfo
 * @param publicKey the PEM SubjectPublicKeyInfo
 * @param reason why the key was replaced, once it was
 * @param txId the transaction that made it the lab's key
 */
public record LabKey(
        String id, String publicKey, String from, String until, String compromisedAt, String reason, String txId) {

    /** When this key stopped being trusted, if its lab reported it compromised. */
    public Optional<Instant> compromise() {
        return Optional.ofNullable(compromisedAt).map(Canonical::instant);
    }

    /** This key replaced at {@code at}, and compromised from {@code compromised} when that is given. */
    LabKey replaced(String at, String compromised, String why) {
        return new LabKey(id, publicKey, from, at, compromised, why, txId);
    }
}
