package org.metroledger.gateway.qr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.metroledger.chaincode.json.Canonical;
import org.metroledger.chaincode.registry.LabStatus;
import org.metroledger.chaincode.signature.LabSignature;

class QrTokenTest {
    private final TokenFixture fixture = new TokenFixture();

    @Test
    void a_signed_token_verifies_and_gives_back_its_payload() {
        String token = fixture.token();

        TokenCheck check = QrToken.verify(token, fixture.trustList);

        assertThat(token).startsWith("ML1.").doesNotContain("=", "+", "/");
        assertThat(check.genuine()).isTrue();
        assertThat(check.payload()).isEqualTo(TokenFixture.payload());
        assertThat(check.issuer().id()).isEqualTo(TokenFixture.LAB);
    }

    @Test
    void the_payload_is_the_canonical_json_of_design_section_8() {
        String payloadPart = fixture.token().split("\\.")[1];

        String json = new String(Base64.getUrlDecoder().decode(payloadPart), StandardCharsets.UTF_8);

        assertThat(json)
                .isEqualTo("{\"c\":\"CERT-2025-0001\",\"d\":\"9f86d081884c7d659a2feaa0c55ad015\",\"l\":\"lab-north-1\","
                        + "\"r\":\"PASS\",\"s\":\"SN-88231\",\"u\":\"2026-06-01T00:00:00Z\"}");
    }

    @Test
    void the_signature_is_over_the_payload_json_with_the_labs_key() {
        String[] parts = fixture.token().split("\\.");
        byte[] json = Base64.getUrlDecoder().decode(parts[1]);

        assertThat(LabSignature.verify(fixture.labKey.getPublic(), json, parts[2]))
                .isTrue();
    }

    @Nested
    class Tampering {
        @ParameterizedTest
        @CsvSource({
            "c, CERT-2025-0002",
            "l, lab-east-1",
            "s, SN-88232",
            "u, 2027-06-01T00:00:00Z",
            "r, FAIL",
            "d, 0f86d081884c7d659a2feaa0c55ad015"
        })
        void editing_any_payload_field_breaks_the_signature(String field, String forged) {
            String[] parts = fixture.token().split("\\.");
            ObjectNode payload = (ObjectNode) Canonical.tree(
                    new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8), "payload");
            payload.put(field, forged);
            String edited = "ML1." + base64(Canonical.json(payload)) + "." + parts[2];

            TokenCheck check = QrToken.verify(edited, fixture.trustList);

            assertThat(check.genuine()).isFalse();
            assertThat(check.payload()).isNotNull();
        }

        @Test
        void a_flipped_signature_character_is_refused() {
            String token = fixture.token();
            int at = token.length() - 5;
            char flipped = token.charAt(at) == 'A' ? 'B' : 'A';
            String edited = token.substring(0, at) + flipped + token.substring(at + 1);

            assertThat(QrToken.verify(edited, fixture.trustList).genuine()).isFalse();
        }

        @Test
        void the_high_s_twin_of_a_genuine_signature_is_refused() throws Exception {
            String token = fixture.token();
            int dot = token.lastIndexOf('.');
            BigInteger n = CustomNamedCurves.getByName("secp256r1").getN();
            BigInteger[] rs = StandardDSAEncoding.INSTANCE.decode(
                    n, Base64.getUrlDecoder().decode(token.substring(dot + 1)));
            BigInteger low = rs[1].min(n.subtract(rs[1]));
            byte[] high = StandardDSAEncoding.INSTANCE.encode(n, rs[0], n.subtract(low));
            String twin = token.substring(0, dot + 1)
                    + Base64.getUrlEncoder().withoutPadding().encodeToString(high);
            // (r, n - s) is as valid an ECDSA signature as (r, s): only its form tells them apart.
            Signature jdk = Signature.getInstance("SHA256withECDSA");
            jdk.initVerify(fixture.labKey.getPublic());
            jdk.update(Base64.getUrlDecoder().decode(token.substring(token.indexOf('.') + 1, dot)));
            assertThat(jdk.verify(high)).isTrue();

            TokenCheck check = QrToken.verify(twin, fixture.trustList);

            assertThat(QrToken.verify(token, fixture.trustList).genuine()).isTrue();
            assertThat(check.genuine()).isFalse();
            assertThat(check.detail()).contains("low-S");
        }

        @Test
        void a_signature_by_another_lab_is_refused() {
            String forged = QrToken.sign(TokenFixture.payload(), fixture.otherLabKey.getPrivate());

            TokenCheck check = QrToken.verify(forged, fixture.trustList);

            assertThat(check.genuine()).isFalse();
            assertThat(check.detail()).contains("does not verify");
        }

        @Test
        void a_lab_missing_from_the_trust_list_cannot_vouch() {
            String token = fixture.token();

            TokenCheck check = QrToken.verify(token, new TrustList("2025-06-01T08:00:00Z", 1, List.of()));

            assertThat(check.genuine()).isFalse();
            assertThat(check.detail()).contains("not on the trust list");
        }

        @Test
        void json_the_lab_signed_but_not_canonically_is_refused() {
            String json = "{\"c\":\"CERT-2025-0001\", \"d\":\"9f86d081884c7d659a2feaa0c55ad015\",\"l\":\"lab-north-1\","
                    + "\"r\":\"PASS\",\"s\":\"SN-88231\",\"u\":\"2026-06-01T00:00:00Z\"}";
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            String token = "ML1." + base64(json) + "." + LabSignature.sign(fixture.labKey.getPrivate(), bytes);

            TokenCheck check = QrToken.verify(token, fixture.trustList);

            assertThat(check.genuine()).isFalse();
            assertThat(check.detail()).contains("canonical");
        }

        @Test
        void an_extra_payload_field_is_refused_even_when_signed() {
            String json = "{\"c\":\"CERT-2025-0001\",\"d\":\"9f86d081884c7d659a2feaa0c55ad015\",\"l\":\"lab-north-1\","
                    + "\"r\":\"PASS\",\"s\":\"SN-88231\",\"u\":\"2026-06-01T00:00:00Z\",\"x\":\"1\"}";
            String token = "ML1." + base64(json) + "."
                    + LabSignature.sign(fixture.labKey.getPrivate(), json.getBytes(StandardCharsets.UTF_8));

            assertThat(QrToken.verify(token, fixture.trustList).genuine()).isFalse();
        }
    }

    @Nested
    class StrictParsing {
        @ParameterizedTest
        @ValueSource(
                strings = {
                    "",
                    "ML1",
                    "ML1..",
                    "ML2.eyJ9.AAAA",
                    "ml1.eyJ9.AAAA",
                    "ML1.eyJ9",
                    "ML1.eyJ9.AAAA.AAAA",
                    "ML1.eyJ9=.AAAA",
                    "ML1.ey+9.AAAA",
                    " ML1.eyJ9.AAAA",
                    "ML1.e.AAAA"
                })
        void malformed_tokens_are_forgeries_not_errors(String token) {
            TokenCheck check = QrToken.verify(token, fixture.trustList);

            assertThat(check.genuine()).isFalse();
            assertThat(check.payload()).isNull();
        }

        @ParameterizedTest
        @ValueSource(strings = {"[1,2]", "{\"c\":[1]}", "\"text\""})
        void a_payload_of_the_wrong_shape_is_told_in_json_words_not_java_types(String json) {
            String payload =
                    Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
            String detail = QrToken.verify("ML1." + payload + ".AAAA", fixture.trustList)
                    .detail();

            assertThat(detail).startsWith("token payload is not a QR payload: ");
            assertThat(detail).doesNotContain("INVALID_ARGUMENT", "org.metroledger", "java.", "`");
        }

        @Test
        void a_null_token_is_refused() {
            assertThat(QrToken.verify(null, fixture.trustList).genuine()).isFalse();
        }

        @Test
        void an_over_long_token_is_refused_before_decoding() {
            String token = "ML1." + "A".repeat(QrToken.MAX_LENGTH) + ".AAAA";

            assertThat(QrToken.verify(token, fixture.trustList).detail()).contains("longer than");
        }

        @Test
        void payload_base64_with_stray_trailing_bits_is_refused() {
            String[] parts = fixture.token().split("\\.");
            String payload = parts[1];
            // A non-canonical last character decodes to the same bytes when the unused bits differ.
            String altered =
                    payload.substring(0, payload.length() - 1) + nextBase64(payload.charAt(payload.length() - 1));
            String token = "ML1." + altered + "." + parts[2];

            TokenCheck check = QrToken.verify(token, fixture.trustList);

            assertThat(check.genuine()).isFalse();
        }

        @Test
        void claims_are_readable_without_a_trust_list() {
            assertThat(QrToken.claims(fixture.token()).certificateId()).isEqualTo("CERT-2025-0001");
            assertThatThrownBy(() -> QrToken.claims("ML1.x.y")).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Payload {
        @Test
        void a_lab_cannot_sign_a_payload_with_a_bad_field() {
            assertThatThrownBy(() -> QrPayload.of("C1", "lab", "SN", "next year", "PASS", TokenFixture.DIGEST))
                    .hasMessageContaining("u (validUntil)");
            assertThatThrownBy(() -> QrPayload.of("C1", "lab", "SN", "2026-01-01T00:00:00Z", "OK", TokenFixture.DIGEST))
                    .hasMessageContaining("r (conformity)");
            assertThatThrownBy(() -> QrPayload.of("C1", "lab", "", "2026-01-01T00:00:00Z", "PASS", TokenFixture.DIGEST))
                    .hasMessageContaining("s (subjectSerial)");
            assertThatThrownBy(() -> QrPayload.of("C1", "lab", "SN", "2026-01-01T00:00:00Z", "PASS", "abc"))
                    .hasMessageContaining("documentDigest");
        }

        @Test
        void the_digest_prefix_matches_only_its_own_document() {
            QrPayload payload = TokenFixture.payload();

            assertThat(payload.matchesDigest(TokenFixture.DIGEST.toUpperCase())).isTrue();
            assertThat(payload.matchesDigest("0" + TokenFixture.DIGEST.substring(1)))
                    .isFalse();
        }
    }

    @Test
    void a_suspended_lab_still_signed_the_token_and_the_check_says_its_status() {
        var suspended = new org.metroledger.chaincode.registry.Lab(
                TokenFixture.LAB,
                "x",
                "NorthMSP",
                null,
                LabSignature.pem(fixture.labKey.getPublic()),
                LabStatus.SUSPENDED,
                "audit",
                "2025-01-01T00:00:00Z",
                "tx",
                null,
                null);
        TrustList list = new TrustList("2025-06-01T08:00:00Z", 3, List.of(suspended));

        TokenCheck check = QrToken.verify(fixture.token(), list);

        assertThat(check.genuine()).isTrue();
        assertThat(check.detail()).contains("SUSPENDED");
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static char nextBase64(char c) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        return alphabet.charAt((alphabet.indexOf(c) + 1) % 64);
    }
}
