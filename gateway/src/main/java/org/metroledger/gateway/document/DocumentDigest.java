package org.metroledger.gateway.document;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** The SHA-256 digest that names a document on the ledger: 64 lowercase hex characters. */
public final class DocumentDigest {
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

    private DocumentDigest() {}

    public static String of(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    public static boolean isWellFormed(String digest) {
        return digest != null && HEX.matcher(digest).matches();
    }
}
