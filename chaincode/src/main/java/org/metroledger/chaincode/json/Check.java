package org.metroledger.chaincode.json;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.metroledger.chaincode.error.Fail;

/** Argument checks that fail early with INVALID_ARGUMENT naming the field and the bad value. */
public final class Check {
    public static final int MAX_ID = 128;
    public static final int MAX_TEXT = 4096;
    public static final int MAX_ITEMS = 256;

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/-]{0," + (MAX_ID - 1) + "}");
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern CANONICAL_INSTANT =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z");
    private static final Pattern DECIMAL = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");

    private Check() {}

    public static <T> T required(String field, T value) {
        if (value == null) {
            throw Fail.invalid(field, "is required");
        }
        return value;
    }

    /** True when the value is an identifier {@link #id} accepts. */
    public static boolean isId(String value) {
        return value != null && ID.matcher(value).matches();
    }

    /** An identifier chosen by the writer: letters, digits and . _ : / - only, so keys stay simple. */
    public static String id(String field, String value) {
        required(field, value);
        if (!ID.matcher(value).matches()) {
            throw Fail.invalid(
                    field, "must be 1-" + MAX_ID + " letters, digits or . _ : / - (got '" + clip(value) + "')");
        }
        return value;
    }

    public static String text(String field, String value) {
        return text(field, value, MAX_TEXT);
    }

    public static String text(String field, String value, int max) {
        required(field, value);
        if (value.isBlank()) {
            throw Fail.invalid(field, "must not be blank");
        }
        if (value.length() > max) {
            throw Fail.invalid(field, "is longer than " + max + " characters");
        }
        if (value.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\t')) {
            throw Fail.invalid(field, "contains control characters");
        }
        return value;
    }

    public static String optionalText(String field, String value) {
        return value == null ? null : text(field, value);
    }

    /** An ISO-8601 instant such as 2025-03-01T00:00:00Z; returned in its canonical form. */
    public static Instant instant(String field, String value) {
        required(field, value);
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            try {
                return java.time.OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException again) {
                throw Fail.invalid(
                        field, "must be an ISO-8601 instant like 2025-03-01T00:00:00Z (got '" + clip(value) + "')");
            }
        }
    }

    /**
     * An instant in exactly the form {@link Instant#toString()} writes (UTC, {@code Z}, no trailing
     * zero fraction), for signed content: one instant has one spelling, so signed bytes are unambiguous.
     */
    public static Instant canonicalInstant(String field, String value) {
        Instant instant = instant(field, value);
        if (!CANONICAL_INSTANT.matcher(value).matches() || !instant.toString().equals(value)) {
            throw Fail.invalid(
                    field, "must be a canonical UTC instant like " + instant + " (got '" + clip(value) + "')");
        }
        return instant;
    }

    public static Instant optionalInstant(String field, String value) {
        return value == null ? null : instant(field, value);
    }

    /** The instant a request gives, or {@code absent} (mostly the transaction time) when it gives none. */
    public static Instant instantOr(String field, String value, Instant absent) {
        return value == null ? absent : instant(field, value);
    }

    /** A decimal written as a string, never a float, so no peer rounds it differently. */
    public static String decimal(String field, String value) {
        required(field, value);
        if (value.length() > 64 || !DECIMAL.matcher(value).matches()) {
            throw Fail.invalid(field, "must be a decimal number written as a string (got '" + clip(value) + "')");
        }
        try {
            new BigDecimal(value);
        } catch (NumberFormatException e) {
            // The pattern admits exponents BigDecimal cannot hold, such as 1e99999999999.
            throw Fail.invalid(field, "is out of range (got '" + clip(value) + "')");
        }
        return value;
    }

    public static String sha256(String field, String value) {
        required(field, value);
        if (!SHA256_HEX.matcher(value).matches()) {
            throw Fail.invalid(field, "must be 64 lowercase hex characters of a SHA-256 digest");
        }
        return value;
    }

    public static <C extends Collection<?>> C items(String field, C values, int min) {
        required(field, values);
        if (values.size() < min) {
            throw Fail.invalid(field, "must have at least " + min + " item" + (min == 1 ? "" : "s"));
        }
        if (values.size() > MAX_ITEMS) {
            throw Fail.invalid(field, "has more than " + MAX_ITEMS + " items");
        }
        // Not values.contains(null): immutable collections (List.of()) throw on a null argument.
        for (Object value : values) {
            if (value == null) {
                throw Fail.invalid(field, "must not contain null");
            }
        }
        return values;
    }

    /** A list of at least {@code min} distinct identifiers; each bad one is named by its index. */
    public static List<String> distinctIds(String field, List<String> values, int min) {
        items(field, values, min);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < values.size(); i++) {
            String value = id(field + "[" + i + "]", values.get(i));
            that(seen.add(value), field + "[" + i + "]", "repeats '" + value + "'");
        }
        return List.copyOf(values);
    }

    public static void that(boolean condition, String field, String problem) {
        if (!condition) {
            throw Fail.invalid(field, problem);
        }
    }

    private static String clip(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
