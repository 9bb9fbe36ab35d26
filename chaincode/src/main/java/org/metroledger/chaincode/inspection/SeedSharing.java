package org.metroledger.chaincode.inspection;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECPoint;
import org.metroledger.chaincode.signature.LabSignature;

/**
 * Escrow of a draw seed (DESIGN §4 "Random inspection draw"): Shamir shares of the seed, read as a
 * P-256 scalar, with Feldman commitments (the polynomial's coefficients times the generator) so a
 * share can be checked in public, each share ECIES-encrypted to its recipient centre's registered
 * key. The chaincode checks posted shares and reconstructs; {@link #deal} and {@link #decrypt} are
 * what a centre runs off the ledger.
 *
 * <p>A recipient's share index is its 1-based position among the draw's sorted participants. ECIES:
 * an ephemeral key pair, the shared point's x coordinate hashed with the context (draw, dealer,
 * recipient) into an AES-256-GCM key; the ciphertext is the ephemeral point (33 bytes compressed),
 * then the 32-byte share encrypted with its 16-byte tag, base64url without padding.
 */
public final class SeedSharing {
    private static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256r1");
    private static final BigInteger ORDER = CURVE.getN();
    private static final HexFormat HEX = HexFormat.of();
    private static final int POINT_BYTES = 33;
    private static final int SCALAR_BYTES = 32;
    private static final int TAG_BITS = 128;
    /** Length of a decoded ECIES ciphertext: ephemeral point, encrypted share, GCM tag. */
    static final int CIPHERTEXT_BYTES = POINT_BYTES + SCALAR_BYTES + TAG_BITS / 8;

    private SeedSharing() {}

    /** The shares a threshold of a draw's participants needs to rebuild a withheld seed: a majority. */
    public static int threshold(int participants) {
        return participants / 2 + 1;
    }

    /** Whether the seed, read as a big-endian integer, is a P-256 scalar (0 < s < order) and so can be shared. */
    public static boolean isScalar(String seed) {
        BigInteger s = new BigInteger(1, HEX.parseHex(seed));
        return s.signum() > 0 && s.compareTo(ORDER) < 0;
    }

    /**
     * Deals {@code seed} to every participant but the dealer: Feldman commitments of a random
     * polynomial of degree threshold - 1 whose constant is the seed, and each share encrypted to the
     * recipient's key (by MSP; a key for every other participant is needed).
     */
    public static Dealing deal(
            String drawId,
            String dealer,
            String seed,
            List<String> participants,
            Map<String, PublicKey> keys,
            SecureRandom random) {
        if (!isScalar(seed)) {
            throw new IllegalArgumentException("the seed is not below the P-256 group order");
        }
        List<String> sorted = participants.stream().sorted().toList();
        int threshold = threshold(sorted.size());
        BigInteger[] coefficients = new BigInteger[threshold];
        coefficients[0] = new BigInteger(1, HEX.parseHex(seed));
        for (int j = 1; j < threshold; j++) {
            coefficients[j] = new BigInteger(ORDER.bitLength() + 64, random).mod(ORDER);
        }
        List<String> commitments = Arrays.stream(coefficients)
                .map(a -> HEX.formatHex(CURVE.getG().multiply(a).getEncoded(true)))
                .toList();
        Map<String, Dealing.EncryptedShare> shares = new TreeMap<>();
        for (int i = 0; i < sorted.size(); i++) {
            String recipient = sorted.get(i);
            if (recipient.equals(dealer)) {
                continue;
            }
            PublicKey key = keys.get(recipient);
            if (key == null) {
                throw new IllegalArgumentException("no share key for " + recipient);
            }
            BigInteger share = evaluate(coefficients, i + 1);
            shares.put(
                    recipient,
                    new Dealing.EncryptedShare(
                            LabSignature.fingerprint(LabSignature.pem(key)),
                            encrypt(context(drawId, dealer, recipient), point(key), scalar(share), random)));
        }
        return new Dealing(commitments, shares);
    }

    /** The recipient's share (64 hex) out of the dealing, decrypted with its private key; empty if it does not decrypt. */
    public static Optional<String> decrypt(
            String drawId, String dealer, String recipient, Dealing dealing, PrivateKey key) {
        Dealing.EncryptedShare encrypted = dealing.shares().get(recipient);
        if (encrypted == null) {
            return Optional.empty();
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(encrypted.ciphertext());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (bytes.length != CIPHERTEXT_BYTES) {
            return Optional.empty();
        }
        try {
            ECPoint ephemeral = CURVE.getCurve().decodePoint(Arrays.copyOf(bytes, POINT_BYTES));
            ECPoint shared = ephemeral.multiply(((ECPrivateKey) key).getS()).normalize();
            byte[] plain = aes(
                    Cipher.DECRYPT_MODE,
                    kdf(shared, ephemeral, context(drawId, dealer, recipient)),
                    Arrays.copyOfRange(bytes, POINT_BYTES, bytes.length));
            return Optional.of(HEX.formatHex(plain));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Whether a share (64 hex) for share index {@code index} lies on the polynomial the commitments fix. */
    public static boolean verifies(List<String> commitments, int index, String share) {
        BigInteger y = new BigInteger(1, HEX.parseHex(share));
        if (y.compareTo(ORDER) >= 0) {
            return false;
        }
        ECPoint expected = CURVE.getCurve().getInfinity();
        BigInteger power = BigInteger.ONE;
        BigInteger x = BigInteger.valueOf(index);
        for (String commitment : commitments) {
            expected = expected.add(point(commitment).multiply(power));
            power = power.multiply(x).mod(ORDER);
        }
        return CURVE.getG().multiply(y).equals(expected);
    }

    /** Whether the seed is the secret the commitments fix (its first commitment is seed × G). */
    public static boolean opens(List<String> commitments, String seed) {
        return isScalar(seed)
                && CURVE.getG().multiply(new BigInteger(1, HEX.parseHex(seed))).equals(point(commitments.get(0)));
    }

    /** The secret, as 64 hex, interpolated at 0 from shares by share index (each already verified). */
    public static String reconstruct(Map<Integer, String> sharesByIndex) {
        BigInteger secret = BigInteger.ZERO;
        for (Map.Entry<Integer, String> i : sharesByIndex.entrySet()) {
            BigInteger xi = BigInteger.valueOf(i.getKey());
            BigInteger numerator = BigInteger.ONE;
            BigInteger denominator = BigInteger.ONE;
            for (Integer j : sharesByIndex.keySet()) {
                if (!j.equals(i.getKey())) {
                    BigInteger xj = BigInteger.valueOf(j);
                    numerator = numerator.multiply(xj).mod(ORDER);
                    denominator = denominator.multiply(xj.subtract(xi)).mod(ORDER);
                }
            }
            BigInteger lagrange = numerator.multiply(denominator.modInverse(ORDER));
            secret = secret.add(new BigInteger(1, HEX.parseHex(i.getValue())).multiply(lagrange))
                    .mod(ORDER);
        }
        return HEX.formatHex(scalar(secret));
    }

    /** Whether the text is base64url (no padding) of exactly one ECIES ciphertext's length. */
    static boolean isCiphertext(String text) {
        if (text == null || !text.matches("[A-Za-z0-9_-]{1,200}")) {
            return false;
        }
        try {
            return Base64.getUrlDecoder().decode(text).length == CIPHERTEXT_BYTES;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Whether the text is a compressed P-256 point (66 hex). */
    static boolean isPoint(String hex) {
        if (hex == null || !hex.matches("0[23][0-9a-f]{64}")) {
            return false;
        }
        try {
            point(hex);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static BigInteger evaluate(BigInteger[] coefficients, int index) {
        BigInteger x = BigInteger.valueOf(index);
        BigInteger y = BigInteger.ZERO;
        for (int j = coefficients.length - 1; j >= 0; j--) {
            y = y.multiply(x).add(coefficients[j]).mod(ORDER);
        }
        return y;
    }

    private static String encrypt(byte[] context, ECPoint recipient, byte[] share, SecureRandom random) {
        BigInteger k = new BigInteger(ORDER.bitLength() + 64, random)
                .mod(ORDER.subtract(BigInteger.ONE))
                .add(BigInteger.ONE);
        ECPoint ephemeral = CURVE.getG().multiply(k).normalize();
        ECPoint shared = recipient.multiply(k).normalize();
        try {
            byte[] sealed = aes(Cipher.ENCRYPT_MODE, kdf(shared, ephemeral, context), share);
            byte[] out = Arrays.copyOf(ephemeral.getEncoded(true), POINT_BYTES + sealed.length);
            System.arraycopy(sealed, 0, out, POINT_BYTES, sealed.length);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
        }
    }

    /** One key per ephemeral point, so GCM's fixed zero nonce is never reused under a key. */
    private static byte[] aes(int mode, byte[] key, byte[] input) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, new byte[12]));
        return cipher.doFinal(input);
    }

    private static byte[] kdf(ECPoint shared, ECPoint ephemeral, byte[] context) throws GeneralSecurityException {
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        sha256.update(shared.getAffineXCoord().getEncoded());
        sha256.update(ephemeral.getEncoded(true));
        sha256.update(context);
        return sha256.digest();
    }

    private static byte[] context(String drawId, String dealer, String recipient) {
        return ("metroledger-draw-share\0" + drawId + "\0" + dealer + "\0" + recipient)
                .getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] scalar(BigInteger value) {
        byte[] bytes = value.toByteArray();
        byte[] out = new byte[SCALAR_BYTES];
        int length = Math.min(bytes.length, SCALAR_BYTES);
        System.arraycopy(bytes, bytes.length - length, out, SCALAR_BYTES - length, length);
        return out;
    }

    private static ECPoint point(String hex) {
        return CURVE.getCurve().decodePoint(HEX.parseHex(hex));
    }

    private static ECPoint point(PublicKey key) {
        ECPublicKey ec = (ECPublicKey) key;
        return CURVE.getCurve().createPoint(ec.getW().getAffineX(), ec.getW().getAffineY());
    }

    /** The share indexes of a draw's participants: 1-based positions in sorted order. */
    static Map<String, Integer> indexes(List<String> participants) {
        Map<String, Integer> indexes = new TreeMap<>();
        List<String> sorted = new ArrayList<>(participants);
        sorted.sort(null);
        for (int i = 0; i < sorted.size(); i++) {
            indexes.put(sorted.get(i), i + 1);
        }
        return indexes;
    }
}
