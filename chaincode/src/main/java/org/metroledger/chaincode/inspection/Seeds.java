package org.metroledger.chaincode.inspection;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.metroledger.chaincode.json.Check;

/**
 * The commit/reveal arithmetic of a draw. A seed is 32 random bytes written as 64 lowercase hex
 * characters; its commitment is SHA-256 of those 32 bytes (not of the hex text); the combined seed
 * is SHA-256 of every revealed seed's bytes concatenated in ascending MSP-id order.
 */
public final class Seeds {
    private static final Pattern SEED = Pattern.compile("[0-9a-f]{64}");
    private static final HexFormat HEX = HexFormat.of();

    private Seeds() {}

    /** Checks a seed's shape: INVALID_ARGUMENT naming the field otherwise. */
    public static String seed(String field, String value) {
        Check.required(field, value);
        Check.that(SEED.matcher(value).matches(), field, "must be 32 random bytes as 64 lowercase hex characters");
        return value;
    }

    /** The commitment a participant publishes before anyone reveals. */
    public static String commitment(String seed) {
        return HEX.formatHex(sha256(HEX.parseHex(seed)));
    }

    /** The combined seed: SHA-256 of the reveals' bytes concatenated in ascending MSP order. */
    public static String combine(Map<String, String> revealsByMsp) {
        MessageDigest digest = sha256();
        new TreeMap<>(revealsByMsp).values().forEach(seed -> digest.update(HEX.parseHex(seed)));
        return HEX.formatHex(digest.digest());
    }

    private static byte[] sha256(byte[] bytes) {
        return sha256().digest(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
