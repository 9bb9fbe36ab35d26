package org.metroledger.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.metroledger.gateway.dcc.TestDccs.quantity;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.metroledger.chaincode.certificate.CertificateIds;
import org.metroledger.gateway.dcc.EnvelopedSigner;
import org.metroledger.gateway.dcc.TestDccs;
import org.metroledger.gateway.dcc.TestPki;
import org.metroledger.gateway.identity.Member;
import org.metroledger.gateway.identity.TestMembers;
import org.metroledger.gateway.qr.LabKeyring;
import org.metroledger.simulation.CertificateAuthority;

/**
 * DCCs as laboratories write them, dated the day before the ledger's clock so they record on every
 * backend (the embedded ledger and Fabric): identifiers that are no ledger id, long D-SI units,
 * coverage intervals, what the ledger cannot express, and long-term signatures by signers of this
 * run's CA, good or revoked by the OCSP responses they carry.
 */
class DccLaboratoryScenarioTest extends Scenario {
    private static final String IMPORT = "/api/v1/certificates/dcc";

    private HttpWorld world;
    private final String instrument = id("DCC-LAB-ITEM");
    private LocalDate yesterday;

    /** This run's DCC signing CA (trusted through {@code <data-dir>/dcc-trust/}) and its signers. */
    private CertificateAuthority ca;

    private Member goodSigner;
    private Member revokedSigner;
    private final Instant signedAt = Instant.now().minus(Duration.ofMinutes(10));

    @Override
    void configure(Path dataDir) {
        try {
            Path trust = Files.createDirectories(dataDir.resolve("dcc-trust"));
            Instant from = Instant.now().minus(Duration.ofDays(1));
            ca = CertificateAuthority.create(Cast.NORTH, "dcc-lab-" + ns.code() + ".example", from);
            Files.writeString(trust.resolve(ns.code() + "-lab-root.crt"), ca.certificatePem());
            goodSigner = TestMembers.issue(ca, "DCC lab signer " + ns.code(), "client", from);
            revokedSigner = TestMembers.issue(ca, "DCC revoked signer " + ns.code(), "client", from);
        } catch (Exception e) {
            throw new IllegalStateException("cannot set up the DCC trust of run " + ns, e);
        }
    }

    /** A DCC signed long-term (XAdES, signing time, CA certificate and the OCSP responses given). */
    private byte[] signed(String local, Member signer, List<byte[]> ocsp) throws Exception {
        return EnvelopedSigner.signXades(
                dcc(id(local), TestDccs.ONE_REAL),
                signer.certificate(),
                signer.privateKey(),
                signedAt,
                List.of(ca.certificate()),
                List.of(),
                ocsp);
    }

    @Test
    void a_signer_revoked_before_signing_is_422_signature_invalid_with_reason_and_revocation_time() throws Exception {
        Instant revoked = signedAt.minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
        byte[] ocsp = TestPki.ocsp(
                ca, revokedSigner.certificate(), revoked, TestPki.KEY_COMPROMISE, signedAt.plusSeconds(60));

        Http.Answer answer =
                refused(422, () -> postXml(uncheck(() -> signed("DCC-REVOKED", revokedSigner, List.of(ocsp)))));

        assertThat(answer.errorCode()).isEqualTo("SIGNATURE_INVALID");
        assertThat(answer.json().getJsonObject("error").getString("message"))
                .contains("is revoked: revoked at " + revoked + ", reason keyCompromise")
                .contains("against the signing time " + signedAt);
    }

    @Test
    void a_signer_whose_status_nothing_establishes_is_refused_by_default() {
        Http.Answer answer = refused(422, () -> postXml(uncheck(() -> signed("DCC-UNKNOWN", goodSigner, List.of()))));

        assertThat(answer.json().getJsonObject("error").getString("message")).contains("cannot be established");
    }

    @Test
    void a_signer_good_by_the_documents_ocsp_response_is_recorded_and_the_answer_says_how_it_was_judged()
            throws Exception {
        byte[] ocsp = TestPki.ocsp(ca, goodSigner.certificate(), null, 0, signedAt.plusSeconds(60));

        Http.Answer answer = committed(postXml(signed("DCC-GOOD", goodSigner, List.of(ocsp))));

        assertThat(answer.json().getJsonObject("dccSignature").getString("status"))
                .isEqualTo("VALID");
        assertThat(answer.json().getJsonObject("dccSignature").getString("checkedAt"))
                .isEqualTo(signedAt.toString());
        assertThat(answer.json().getJsonObject("dccSignature").getString("revocation"))
                .startsWith("GOOD (OCSP response by ");
    }

    private static byte[] uncheck(java.util.concurrent.Callable<byte[]> make) {
        try {
            return make.call();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    void prepare() {
        world = registerWorld();
        LabKeyring.in(dataDir).add(world.labNorth, world.northLabKey.getPrivate());
        HttpWorld.created(http.post(
                "/api/v1/instruments",
                token(Cast.NORTH_ENTITY),
                world.instrument(instrument, world.entityNorth, "temperature")));
        for (int i = 1; i <= 3; i++) {
            world.engageNorthLab(id("E-DCC-LAB-" + i), instrument);
        }
        yesterday = world.builtAt.atOffset(ZoneOffset.UTC).toLocalDate().minusDays(1);
    }

    private byte[] dcc(String uniqueIdentifier, String data) {
        return TestDccs.dcc(uniqueIdentifier, world.labNorth, instrument, yesterday, data);
    }

    @Test
    void an_identifier_with_spaces_is_kept_as_written_found_by_it_and_by_its_ledger_id_and_served_back_unchanged() {
        String identifier = "Id " + ns.code() + " 123456789 HtW";
        String unit = "\\milli\\kelvin\\tothe{2}\\per\\volt".repeat(9);
        byte[] xml = dcc(
                identifier,
                quantity(
                        "basic_measurementError",
                        "Error",
                        "<si:real><si:value>0.5</si:value><si:unit>" + unit + "</si:unit><si:coverageInterval>"
                                + "<si:standardUnc>0.01</si:standardUnc><si:intervalMin>0.48</si:intervalMin>"
                                + "<si:intervalMax>0.53</si:intervalMax><si:coverageProbability>0.95"
                                + "</si:coverageProbability></si:coverageInterval></si:real>"));

        Http.Answer answer = committed(postXml(xml));

        String id = CertificateIds.fromIdentifier(identifier);
        assertThat(answer.record().getString("id")).isEqualTo(id).isNotEqualTo(identifier);
        assertThat(answer.record().getString("uniqueIdentifier")).isEqualTo(identifier);
        assertThat(answer.record().getJsonArray("results").getJsonObject(0).getString("unit"))
                .isEqualTo(unit);
        assertThat(answer.record().getJsonArray("results").getJsonObject(0).getString("refType"))
                .isEqualTo("basic_measurementError");

        Http.Answer byIdentifier = http.get(
                "/api/v1/certificates?uniqueIdentifier=" + URLEncoder.encode(identifier, StandardCharsets.UTF_8), null);
        assertThat(byIdentifier.status()).as(byIdentifier.toString()).isEqualTo(200);
        assertThat(byIdentifier.json().getString("id")).isEqualTo(id);
        assertThat(http.get("/api/v1/certificates/" + id, null).json().getString("uniqueIdentifier"))
                .isEqualTo(identifier);
        assertThat(exportDcc(id)).isEqualTo(xml);

        // The same DCC again maps to the same id: a duplicate, refused, not a second certificate.
        Http.Answer again = refused(409, () -> postXml(xml));
        assertThat(again.json().getJsonObject("error").getString("message")).contains(id);
    }

    @Test
    void an_identifier_no_certificate_has_is_not_found() {
        missing("/api/v1/certificates?uniqueIdentifier="
                + URLEncoder.encode("nobody's " + ns.code(), StandardCharsets.UTF_8));
    }

    @Test
    void a_complex_value_with_an_uncertainty_region_is_400_naming_the_element() {
        String region = "<si:complex><si:valueReal>1</si:valueReal><si:valueImag>-1</si:valueImag><si:unit>\\ohm"
                + "</si:unit><si:rectangularRegion><si:covarianceMatrix><si:column><si:covariance><si:value>0.1"
                + "</si:value><si:unit>\\ohm\\tothe{2}</si:unit></si:covariance></si:column></si:covarianceMatrix>"
                + "<si:coverageFactor>2</si:coverageFactor><si:coverageProbability>0.95</si:coverageProbability>"
                + "</si:rectangularRegion></si:complex>";

        Http.Answer answer = refused(400, () -> postXml(dcc(id("DCC-COMPLEX"), quantity(null, "Z", region))));

        assertThat(answer.errorCode()).isEqualTo("INVALID_ARGUMENT");
        assertThat(answer.json().getJsonObject("error").getString("message"))
                .contains("si:complex/si:rectangularRegion")
                .contains("multivariate");
    }

    @Test
    void a_dcc_that_breaks_its_schema_is_400_naming_the_line() {
        String broken = new String(dcc(id("DCC-BROKEN"), TestDccs.ONE_REAL), StandardCharsets.UTF_8)
                .replace("<si:value>-0.10</si:value>", "\n<si:value>about -0.1</si:value>");

        Http.Answer answer = refused(400, () -> postXml(broken.getBytes(StandardCharsets.UTF_8)));

        assertThat(answer.json().getJsonObject("error").getString("message"))
                .contains("does not match the DCC schema (line 2)")
                .contains("about -0.1");
    }

    private Http.Answer postXml(byte[] xml) {
        return http.send(HttpMethod.POST, IMPORT, token(Cast.NORTH_LAB), Buffer.buffer(xml), "application/xml");
    }

    private byte[] exportDcc(String id) {
        try {
            return http.request(HttpMethod.GET, "/api/v1/certificates/" + id + "/dcc")
                    .send()
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(30, TimeUnit.SECONDS)
                    .body()
                    .getBytes();
        } catch (Exception e) {
            throw new IllegalStateException("no answer", e);
        }
    }
}
