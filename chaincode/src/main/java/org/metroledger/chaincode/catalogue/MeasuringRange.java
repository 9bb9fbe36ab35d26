package org.metroledger.chaincode.catalogue;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.metroledger.chaincode.error.Fail;

/**
 * A measuring range as labs write it in their scope, {@code 0-100 L}, {@code (0~150) kg},
 * {@code -40 至 85 °C}: two decimals and an optional unit. A search asks for a value ({@code 50 L})
 * or a range ({@code 10-50 L}); a scope line matches when its range holds it, in the same unit
 * when both name one. Ranges written otherwise ("全量程") are not matched by a range search.
 */
public record MeasuringRange(BigDecimal min, BigDecimal max, String unit) {
    private static final String NUMBER = "(-?\\d+(?:\\.\\d+)?)";
    private static final Pattern RANGE = Pattern.compile("^\\s*[(\\[（]?\\s*" + NUMBER
            + "\\s*(?:-|~|～|—|–|至|to|\\.\\.|…)\\s*" + NUMBER + "\\s*[)\\]）]?\\s*(.*?)\\s*$");
    private static final Pattern VALUE = Pattern.compile("^\\s*" + NUMBER + "\\s*(.*?)\\s*$");

    /** The range a scope line states, if it states one this class reads. */
    public static Optional<MeasuringRange> of(String text) {
        if (text == null || text.length() > 200) {
            return Optional.empty();
        }
        Matcher m = RANGE.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        BigDecimal a = new BigDecimal(m.group(1));
        BigDecimal b = new BigDecimal(m.group(2));
        return Optional.of(new MeasuringRange(a.min(b), a.max(b), unit(m.group(3))));
    }

    /** A searched value or range; INVALID_ARGUMENT naming the field when it is neither. */
    public static MeasuringRange asked(String field, String text) {
        Optional<MeasuringRange> range = of(text);
        if (range.isPresent()) {
            return range.get();
        }
        Matcher m = text == null || text.length() > 200 ? null : VALUE.matcher(text);
        if (m == null || !m.matches()) {
            throw Fail.invalid(
                    field,
                    "must be a value or a range with an optional unit, such as 50 kg or 10-50 kg (got '"
                            + (text == null ? "" : text.length() > 40 ? text.substring(0, 40) + "…" : text) + "')");
        }
        BigDecimal value = new BigDecimal(m.group(1));
        return new MeasuringRange(value, value, unit(m.group(2)));
    }

    /** Whether this range holds the asked one (in the same unit, when both name one). */
    public boolean holds(MeasuringRange asked) {
        boolean units = unit == null || asked.unit == null || unit.equals(asked.unit);
        return units && min.compareTo(asked.min) <= 0 && max.compareTo(asked.max) >= 0;
    }

    private static String unit(String text) {
        return text == null || text.isBlank() ? null : text.strip().toLowerCase(Locale.ROOT);
    }
}
