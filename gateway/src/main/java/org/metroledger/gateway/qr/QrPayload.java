package org.metroledger.gateway.qr;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a QR token asserts about a certificate (DESIGN §8), under the one-letter JSON names that
 * keep the code small enough to scan from a dispenser's sticker.
 *
 * @param digestPrefix the first 16 bytes of the certificate document's SHA-256, as lowercase hex
 */
public record QrPayload(
        @JsonProperty("c") String certificateId,
        @JsonProperty("l") String labId,
        @JsonProperty("s") String subjectSerial,
        @JsonProperty("u") String validUntil,
        @JsonProperty("r") String conformity,
        @JsonProperty("d") String digestPrefix) {
    static final int MAX_FIELD = 128;
    private static final int PREFIX_HEX = 32;
    private static final Pattern PREFIX = Pattern.compile("[0-9a-f]{" + PREFIX_HEX + "}");
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    private static final Set<String> CONFORMITY = Set.of("PASS", "FAIL", "NONE");

    /** Checks every field, so neither a signer nor a reader ever handles a half-formed payload. */
    public QrPayload {
        text("c (certificateId)", certificateId);
        text("l (labId)", labId);
        text("s (subjectSerial)", subjectSerial);
        text("u (validUntil)", validUntil);
        try {
            Instant.parse(validUntil);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("u (validUntil) is not an ISO-8601 instant: '" + validUntil + "'");
        }
        if (conformity == null || !CONFORMITY.contains(conformity)) {
            throw new IllegalArgumentException("r (conformity) must be PASS, FAIL or NONE, not '" + conformity + "'");
        }
        if (digestPrefix == null || !PREFIX.matcher(digestPrefix).matches()) {
            throw new IllegalArgumentException("d (digestPrefix) must be " + PREFIX_HEX + " lowercase hex digits");
        }
    }

    /** The payload for a certificate, cutting its document's full SHA-256 hex digest to the prefix. */
    public static QrPayload of(
            String certificateId,
            String labId,
            String subjectSerial,
            String validUntil,
            String conformity,
            String documentDigest) {
        String digest = documentDigest == null ? "" : documentDigest.toLowerCase(Locale.ROOT);
        if (!SHA256_HEX.matcher(digest).matches()) {
            throw new IllegalArgumentException("documentDigest must be a SHA-256 digest as 64 hex digits");
        }
        return new QrPayload(
                certificateId, labId, subjectSerial, validUntil, conformity, digest.substring(0, PREFIX_HEX));
    }

    /** True when a full document digest (hex) starts with this payload's prefix. */
    public boolean matchesDigest(String documentDigest) {
        return documentDigest != null && documentDigest.toLowerCase(Locale.ROOT).startsWith(digestPrefix);
    }

    private static void text(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
        if (value.length() > MAX_FIELD) {
            throw new IllegalArgumentException(field + " is longer than " + MAX_FIELD + " characters");
        }
        if (value.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new IllegalArgumentException(field + " contains control characters");
        }
    }
}
