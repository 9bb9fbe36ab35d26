package org.metroledger.gateway.qr;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hyperledger.fabric.shim.ChaincodeException;
import org.metroledger.chaincode.json.Canonical;
import org.metroledger.chaincode.registry.Lab;
import org.metroledger.chaincode.registry.LabKey;
import org.metroledger.chaincode.signature.LabSignature;
import org.metroledger.gateway.failure.ApiFailure;

/**
 * The QR token {@code ML1.<payload>.<signature>} (DESIGN §8). The payload part is base64url (no
 * padding) of the canonical JSON of a {@link QrPayload}; the signature part is the issuing lab's
 * ECDSA P-256 signature over those canonical JSON bytes, as {@link LabSignature} encodes it.
 *
 * <p>Reading is strict: one spelling per token (canonical base64url and canonical JSON), so an
 * edited token can never re-encode to bytes the lab signed.
 */
public final class QrToken {
    public static final String VERSION = "ML1";
    /** Longest token accepted: a payload at its field limits plus a DER signature fit well inside. */
    public static final int MAX_LENGTH = 1024;

    private static final Pattern SHAPE = Pattern.compile(VERSION + "\\.([A-Za-z0-9_-]+)\\.([A-Za-z0-9_-]+)");
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private QrToken() {}

    /** The token a lab prints for a certificate: only the holder of the lab's private key can make it. */
    public static String sign(QrPayload payload, PrivateKey labKey) {
        Objects.requireNonNull(payload, "payload");
        byte[] json = Canonical.bytes(payload);
        return VERSION + "." + ENCODER.encodeToString(json) + "." + LabSignature.sign(labKey, json);
    }

    /**
     * Checks a token against the trust list with no network, under every key in the lab's key
     * history: a token printed before a rotation keeps verifying. Any malformed part, unknown lab,
     * failing signature or compromised key answers a forged {@link TokenCheck}; this never throws
     * for bad input.
     */
    public static TokenCheck verify(String token, TrustList trustList) {
        Objects.requireNonNull(trustList, "trustList");
        Parsed parsed;
        try {
            parsed = parse(token);
        } catch (IllegalArgumentException e) {
            return TokenCheck.forged(null, null, e.getMessage());
        }
        QrPayload payload = parsed.payload();
        Lab lab = trustList.lab(payload.labId()).orElse(null);
        if (lab == null) {
            return TokenCheck.forged(payload, null, "lab '" + payload.labId() + "' is not on the trust list");
        }
        // A token has one spelling: the high-S twin (r, n - s) of a genuine signature verifies too.
        if (!LabSignature.isLowS(parsed.signature())) {
            return TokenCheck.forged(
                    payload, lab, "the signature is not in its canonical low-S form; lab tokens are signed low-S");
        }
        List<LabKey> keys;
        try {
            keys = lab.keyHistory();
        } catch (ChaincodeException e) {
            return TokenCheck.forged(payload, lab, "the trust list holds no usable key for lab '" + lab.id() + "'");
        }
        // Newest first: most tokens in circulation were signed with the current key.
        for (int i = keys.size() - 1; i >= 0; i--) {
            LabKey k = keys.get(i);
            PublicKey key;
            try {
                key = LabSignature.publicKey("publicKey", k.publicKey());
            } catch (ChaincodeException e) {
                continue;
            }
            if (LabSignature.verify(key, parsed.json(), parsed.signature())) {
                return judged(payload, lab, k);
            }
        }
        return TokenCheck.forged(
                payload,
                lab,
                "the signature does not verify with "
                        + (keys.size() == 1 ? "the key" : "any of the " + keys.size() + " keys") + " of lab '"
                        + lab.id() + "'");
    }

    /**
     * A signature that verifies under one of the lab's keys. A key the lab reported compromised
     * signs nothing an offline verifier can trust: whoever holds it may have made the token.
     */
    private static TokenCheck judged(QrPayload payload, Lab lab, LabKey key) {
        String which =
                key.until() == null ? "current key " + key.id() : "key " + key.id() + " (replaced " + key.until() + ")";
        if (key.compromisedAt() != null) {
            return new TokenCheck(
                    false,
                    payload,
                    lab,
                    "signed with " + which + " of lab '" + lab.id() + "', which the lab reported compromised from "
                            + key.compromisedAt() + (key.reason() == null ? "" : " (" + key.reason() + ")")
                            + ": offline, a token signed with it cannot be told from a forgery",
                    key);
        }
        return new TokenCheck(
                true,
                payload,
                lab,
                "signed by lab '" + lab.id() + "' with its " + which + " (status " + lab.status() + ")",
                key);
    }

    /**
     * Reads what a token claims without checking its signature, e.g. to show a forged token's
     * claims next to the warning.
     *
     * @throws IllegalArgumentException naming what is wrong with the token
     */
    public static QrPayload claims(String token) {
        return parse(token).payload();
    }

    private record Parsed(QrPayload payload, byte[] json, String signature) {}

    private static Parsed parse(String token) {
        if (token == null || token.isEmpty()) {
            throw new IllegalArgumentException("token is required");
        }
        if (token.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("token is longer than " + MAX_LENGTH + " characters");
        }
        Matcher shape = SHAPE.matcher(token);
        if (!shape.matches()) {
            throw new IllegalArgumentException("token must be " + VERSION + ".<payload>.<signature> in base64url");
        }
        byte[] json = decode("payload", shape.group(1));
        decode("signature", shape.group(2));
        String text = utf8(json);
        QrPayload payload;
        try {
            payload = Canonical.read(text, QrPayload.class);
        } catch (ChaincodeException e) {
            throw new IllegalArgumentException(
                    "token payload is not a QR payload: " + ApiFailure.of(e).getMessage(), e);
        }
        if (!Canonical.json(payload).equals(text)) {
            throw new IllegalArgumentException("token payload is not canonical JSON");
        }
        return new Parsed(payload, json, shape.group(2));
    }

    /** Decodes base64url and insists it re-encodes identically (no stray padding bits). */
    private static byte[] decode(String part, String base64url) {
        byte[] bytes;
        try {
            bytes = DECODER.decode(base64url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("token " + part + " is not base64url", e);
        }
        if (!ENCODER.encodeToString(bytes).equals(base64url)) {
            throw new IllegalArgumentException("token " + part + " is not canonical base64url");
        }
        return bytes;
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("token payload is not UTF-8", e);
        }
    }
}
