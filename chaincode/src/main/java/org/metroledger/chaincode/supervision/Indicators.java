package org.metroledger.chaincode.supervision;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

/**
 * The regulator indicators of one place and day (DESIGN §4), as the tallies maintain them and as a
 * recount from every record finds them: the same shape either way, so the two compare field by
 * field.
 */
public record Indicators(
        String asOf,
        String day,
        String region,
        String province,
        String category,
        String entityCategory,
        Coverage coverage,
        Expiring expiring,
        List<PassRate> passRates,
        Credit credit,
        String source,
        List<String> inputs) {
    /** The Hubei plan's target for mandatory-verification coverage. */
    public static final BigDecimal TARGET = new BigDecimal("0.92");

    /** Mandatory instruments, those covered by a current PASS verification, and the rest. */
    public record Coverage(long mandatory, long covered, long overdue, String ratio, String target, boolean met) {
        public static Coverage of(long mandatory, long covered) {
            String ratio = share(covered, mandatory);
            return new Coverage(
                    mandatory,
                    covered,
                    mandatory - covered,
                    ratio,
                    TARGET.toPlainString(),
                    ratio != null && new BigDecimal(ratio).compareTo(TARGET) >= 0);
        }
    }

    /** Current PASS verification certificates whose validity ends within 30, 60 and 90 days. */
    public record Expiring(long within30, long within60, long within90) {}

    /** Verification certificates recorded in [from, to) (days) and those that passed. */
    public record PassRate(String from, String to, long tested, long passed, String ratio) {
        public static PassRate of(String from, String to, long tested, long passed) {
            return new PassRate(from, to, tested, passed, share(passed, tested));
        }
    }

    /** Entities by credit grade at the day and at {@code since}, and the change between. */
    public record Credit(String since, Map<String, Long> grades, Map<String, Long> before, Map<String, Long> change) {}

    /** A share as a decimal string with four places, or null when there is nothing to divide by. */
    static String share(long part, long whole) {
        return whole == 0
                ? null
                : BigDecimal.valueOf(part)
                        .divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_EVEN)
                        .toPlainString();
    }
}
