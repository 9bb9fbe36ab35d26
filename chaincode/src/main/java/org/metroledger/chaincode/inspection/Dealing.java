package org.metroledger.chaincode.inspection;

import java.util.List;
import java.util.Map;

/**
 * What a centre publishes with its seed commitment in a draw of three or more centres: the Feldman
 * commitments of the polynomial sharing its seed (compressed P-256 points as hex, the first being
 * seed × G) and, for every other participant, its share encrypted to that centre's share key
 * ({@link SeedSharing}).
 */
public record Dealing(List<String> commitments, Map<String, EncryptedShare> shares) {

    /** One recipient's share: the fingerprint of the key it is encrypted to and the ECIES ciphertext (base64url). */
    public record EncryptedShare(String key, String ciphertext) {}
}
