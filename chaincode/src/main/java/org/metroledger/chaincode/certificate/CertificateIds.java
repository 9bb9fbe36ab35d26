package org.metroledger.chaincode.certificate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.metroledger.chaincode.json.Check;

/**
 * The ledger id of a certificate whose lab's own system named it, as a DCC's
 * {@code coreData/uniqueIdentifier} does with whatever characters it likes. An identifier that is
 * already a ledger id (1-128 letters, digits or {@code . _ : / -}) is its own id. Any other is
 * {@code <readable>-<hash>}: the identifier with each run of other characters turned into one
 * {@code _} (leading {@code . _ -} dropped, cut to 64 characters, {@code dcc} when nothing is left),
 * then {@code -} and the first 32 hex digits (128 bits) of the SHA-256 of its UTF-8 bytes. The same
 * identifier always gives the same id; two identifiers share one only if their digests collide, or
 * if a lab writes another's derived id as an identifier, and then the second is refused as a
 * duplicate id, never merged.
 */
public final class CertificateIds {
    /** The longest identifier the ledger keeps. */
    public static final int MAX_IDENTIFIER = 1024;

    private static final int READABLE = 64;
    private static final int HASH_HEX = 32;

    private CertificateIds() {}

    public static String fromIdentifier(String identifier) {
        if (Check.isId(identifier)) {
            return identifier;
        }
        String readable = identifier.replaceAll("[^A-Za-z0-9._-]+", "_").replaceFirst("^[._-]+", "");
        if (readable.length() > READABLE) {
            readable = readable.substring(0, READABLE);
        }
        if (readable.isEmpty()) {
            readable = "dcc";
        }
        return readable + "-" + sha256Hex(identifier).substring(0, HASH_HEX);
    }

    private static String sha256Hex(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
