package org.metroledger.chaincode.inspection;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Who a draw inspects and who inspects them, as a pure function of the combined seed, so anyone
 * holding a published draw can re-run it and get the same answer.
 *
 * <p>Each candidate is drawn independently: {@code u = HMAC-SHA256(key = combined seed bytes,
 * message = "entity:" + entity id)} read as an unsigned 256-bit integer is selected when {@code u /
 * 2^256 < ratio}, compared exactly (no floating point). Inspectors are ordered by {@code
 * HMAC-SHA256(key, "inspector:" + id)} (then by id) and dealt round-robin to the selected entities
 * in ascending entity-id order.
 */
public final class DrawSelection {
    private static final HexFormat HEX = HexFormat.of();
    private static final BigDecimal TWO_TO_256 = new BigDecimal(BigInteger.ONE.shiftLeft(256));

    private DrawSelection() {}

    /** The selected entities and their assigned inspectors. */
    public record Outcome(List<Candidate> selected, Map<String, String> assignments) {}

    public static Outcome select(String combinedSeed, List<Candidate> candidates, List<String> inspectors) {
        if (inspectors.isEmpty()) {
            throw new IllegalArgumentException("a draw needs at least one inspector");
        }
        byte[] key = HEX.parseHex(combinedSeed);
        List<Candidate> selected = candidates.stream()
                .sorted(Comparator.comparing(Candidate::entity))
                .filter(c -> drawn(key, c.entity(), new BigDecimal(c.ratio())))
                .toList();
        List<String> order = inspectorOrder(key, inspectors);
        Map<String, String> assignments = new TreeMap<>();
        for (int i = 0; i < selected.size(); i++) {
            assignments.put(selected.get(i).entity(), order.get(i % order.size()));
        }
        return new Outcome(selected, assignments);
    }

    private static boolean drawn(byte[] key, String entity, BigDecimal ratio) {
        BigDecimal u = new BigDecimal(new BigInteger(1, hmac(key, "entity:" + entity)));
        return u.compareTo(ratio.multiply(TWO_TO_256)) < 0;
    }

    private static List<String> inspectorOrder(byte[] key, List<String> inspectors) {
        List<String> order = new ArrayList<>(inspectors);
        order.sort(Comparator.comparing((String id) -> HEX.formatHex(hmac(key, "inspector:" + id)))
                .thenComparing(Comparator.naturalOrder()));
        return order;
    }

    private static byte[] hmac(byte[] key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }
}
