package org.metroledger.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.metroledger.gateway.dcc.DccSamples;
import org.metroledger.gateway.dcc.DccSchema;
import org.metroledger.gateway.dcc.EnvelopedSigner;
import org.metroledger.gateway.dcc.TestPki;
import org.metroledger.gateway.document.DocumentDigest;
import org.metroledger.gateway.identity.Member;
import org.metroledger.gateway.identity.TestMembers;
import org.metroledger.gateway.qr.LabKeyring;
import org.metroledger.simulation.CertificateAuthority;

/**
 * DCC import and export over HTTP. The gateway holds the north lab's key (as it does for demo labs)
 * and trusts, through {@code <data-dir>/dcc-trust/}, the public samples' signer chain and a signer
 * of this run. The samples' certificate and item ids are fixed in their XML, so the run imports
 * copies with its own ids; the signed copy is signed by the run's signer, since rewriting ids
 * breaks the samples' own signature.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DccScenarioTest extends Scenario {
    /** The samples' item as the customer identifies it. */
    private static final String SAMPLE_ITEM = "string-customer-item";
    /** The certificate ids of the typical (also the signed ones) and the simplified sample. */
    private static final String SAMPLE_TYPICAL_ID = "GP_DCC_temperature_typical_1.2";

    private static final String SAMPLE_MINIMAL_ID = "GP_DCC_temperature_minimal_1.2";
    private static final String IMPORT = "/api/v1/certificates/dcc";

    private HttpWorld world;
    /** This run's item, registered as a north instrument, and its certificates' ids. */
    private final String sensor = id(SAMPLE_ITEM);

    private final String typicalId = id(SAMPLE_TYPICAL_ID);
    private final String minimalId = id(SAMPLE_MINIMAL_ID);
    /** This run's typical sample, signed by a signer the gateway trusts. */
    private byte[] signedTypical;
    /** The root of this run's DCC signer, PEM. */
    private String runRoot;

    @Override
    void configure(Path dataDir) {
        try {
            Path trust = Files.createDirectories(dataDir.resolve("dcc-trust"));
            for (String pem : new String[] {"root.crt", "sub.crt"}) {
                Files.copy(DccSamples.trustDir().resolve(pem), trust.resolve(pem), StandardCopyOption.REPLACE_EXISTING);
            }
            // The gateway checks DCC signers against the wall clock, so the run's chain starts now.
            Instant issued = Instant.now().minus(Duration.ofDays(1));
            CertificateAuthority ca = CertificateAuthority.create(Cast.NORTH, "dcc-" + ns.code() + ".example", issued);
            runRoot = ca.certificatePem();
            Files.writeString(trust.resolve(ns.code() + "-root.crt"), runRoot);
            // Its CRL, current now, revokes nobody: the run's signer is known not to be revoked.
            Files.write(
                    trust.resolve(ns.code() + "-root.crl"),
                    TestPki.emptyCrl(ca, Instant.now().minus(Duration.ofHours(1)))
                            .getEncoded());
            Member signer = TestMembers.issue(ca, "DCC signer " + ns.code(), "client", issued);
            signedTypical = EnvelopedSigner.sign(sample(DccSamples.TYPICAL), signer.certificate(), signer.privateKey());
        } catch (Exception e) {
            throw new IllegalStateException("cannot set up the DCC trust of run " + ns, e);
        }
    }

    @Override
    void prepare() {
        // The examples were issued on 1957-08-13, and a lab may date a certificate back by the rating
        // policy's allowance only (30 days): this world lives the next day, where the clock can be set.
        assumeTrue(
                deployment.setClock(Instant.parse("1957-08-14T00:00:00Z")),
                "the shared DCC examples of 1957 can be recorded only where the ledger's clock can be set");
        world = registerWorld();
        LabKeyring.in(dataDir).add(world.labNorth, world.northLabKey.getPrivate());
        HttpWorld.created(http.post(
                "/api/v1/instruments",
                token(Cast.NORTH_ENTITY),
                world.instrument(sensor, world.entityNorth, "temperature")));
        // Every calibration of the sensor needs its owner's engagement: one for each the tests record.
        for (int i = 1; i <= 5; i++) {
            world.engageNorthLab(id("E-DCC-" + i), sensor);
        }
    }

    /** A public sample with this run's certificate and item ids. */
    private byte[] sample(String name) {
        return new String(DccSamples.example(name), StandardCharsets.UTF_8)
                .replace(SAMPLE_TYPICAL_ID, typicalId)
                .replace(SAMPLE_MINIMAL_ID, minimalId)
                .replace(SAMPLE_ITEM, sensor)
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    @Order(1)
    void a_manipulated_dcc_is_refused_as_signature_invalid_and_records_nothing() {
        long before = height();

        Http.Answer answer = postXml(DccSamples.example(DccSamples.MANIPULATED), Cast.NORTH_LAB);

        assertThat(answer.status()).as(answer.toString()).isEqualTo(422);
        assertThat(answer.errorCode()).isEqualTo("SIGNATURE_INVALID");
        assertThat(answer.json().getJsonObject("error").getString("message")).contains("reference digest");
        assertThat(height()).isEqualTo(before);
        assertThat(http.get("/api/v1/certificates/" + SAMPLE_TYPICAL_ID + "/dcc", null)
                        .status())
                .isEqualTo(404);
    }

    @Test
    @Order(2)
    void a_signed_dcc_is_recorded_with_the_digest_of_its_exact_bytes_and_served_back_unchanged() {
        byte[] bytes = signedTypical;

        Http.Answer answer = postXml(bytes, Cast.NORTH_LAB);

        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        assertThat(answer.record().getString("id")).isEqualTo(typicalId);
        assertThat(answer.record().getString("issuer")).isEqualTo(world.labNorth);
        assertThat(answer.record().getString("subject")).isEqualTo(sensor);
        assertThat(answer.record().getString("documentDigest")).isEqualTo(DocumentDigest.of(bytes));

        HttpResponse<Buffer> dcc = exportDcc(typicalId);
        assertThat(dcc.statusCode()).isEqualTo(200);
        assertThat(dcc.getHeader("Content-Type")).isEqualTo("application/xml");
        assertThat(dcc.body().getBytes()).isEqualTo(bytes);
    }

    @Test
    @Order(3)
    void importing_the_same_certificate_again_is_a_conflict() {
        Http.Answer again = postXml(sample(DccSamples.TYPICAL), Cast.NORTH_LAB);

        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        assertThat(again.errorCode()).isEqualTo("CONFLICT");
    }

    @Test
    @Order(4)
    void an_unsigned_dcc_is_accepted_and_the_lab_signature_on_the_ledger_vouches_for_it() {
        Http.Answer answer = postXml(sample(DccSamples.SIMPLIFIED), Cast.NORTH_LAB);

        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        assertThat(answer.record().getString("id")).isEqualTo(minimalId);
    }

    @Test
    @Order(5)
    void a_certificate_whose_document_this_gateway_lacks_is_served_as_a_generated_320_dcc() throws Exception {
        byte[] original = sample(DccSamples.SIMPLIFIED);
        String digest = DocumentDigest.of(original);
        // As for a certificate imported through another region's gateway: the ledger has it, we lack the file.
        Files.delete(
                dataDir.resolve("documents").resolve(digest.substring(0, 2)).resolve(digest.substring(2)));

        HttpResponse<Buffer> dcc = exportDcc(minimalId);

        assertThat(dcc.statusCode()).as(dcc.bodyAsString()).isEqualTo(200);
        assertThat(dcc.body().getBytes()).isNotEqualTo(original);
        assertThat(dcc.bodyAsString())
                .contains("schemaVersion=\"3.2.0\"")
                .contains("Lab " + world.labNorth)
                .contains("Entity " + world.entityNorth)
                .contains("SN-" + sensor);
        assertThatCode(() -> DccSchema.v3_2_0().validate(dcc.body().getBytes())).doesNotThrowAnyException();
    }

    @Test
    @Order(6)
    void import_dcc_reports_each_file_and_a_rerun_skips_what_is_recorded() throws Exception {
        Path work = Files.createDirectories(dataDir.resolve("cli-dcc-" + ns.code()));
        Path signed = write(work, "signed.xml", signedTypical);
        Path fresh = write(
                work,
                "fresh.xml",
                new String(sample(DccSamples.SIMPLIFIED), StandardCharsets.UTF_8)
                        .replace(minimalId, id("CLI-DCC-1"))
                        .getBytes(StandardCharsets.UTF_8));
        Path otherDocument = write(work, "typical.xml", sample(DccSamples.TYPICAL));
        Path broken = write(work, "broken.xml", "<dcc:digitalCalibrationCertificate".getBytes(StandardCharsets.UTF_8));

        CommandRun first = cli("import-dcc", signed, fresh, otherDocument, broken);

        assertThat(first.code()).isEqualTo(1);
        assertThat(first.out())
                .contains("issued 1, skipped 1, failed 2")
                .contains("skipped " + signed + ": certificate " + typicalId + " is already recorded")
                .contains(
                        "failed " + otherDocument + ": certificate " + typicalId + " is recorded with another document")
                .contains("failed " + broken + ": INVALID_ARGUMENT: dcc is not well-formed XML");
        assertThat(http.get("/api/v1/certificates/" + id("CLI-DCC-1"), null).status())
                .isEqualTo(200);

        CommandRun again = cli("import-dcc", signed, fresh);

        assertThat(again.code()).isZero();
        assertThat(again.out()).contains("issued 0, skipped 2, failed 0");
    }

    @Test
    @Order(7)
    void issue_from_csv_signs_with_the_lab_key_reports_bad_lines_and_resumes() throws Exception {
        Path work = Files.createDirectories(dataDir.resolve("cli-csv-" + ns.code()));
        Path key = write(work, "lab.pem", HttpWorld.privateKeyPem(world.northLabKey.getPrivate()));
        write(work, "report-1.pdf", "%PDF-1.7 report one".getBytes(StandardCharsets.UTF_8));
        String header = "id,kind,subject,method,performedFrom,performedTo,issuedAt,validUntil,location,conformity,"
                + "decisionRule,signatory,document,quantity,value,unit,expandedUncertainty,coverageFactor\n";
        String dates = world.daysAgo(2, 8) + "," + world.daysAgo(2, 10) + "," + world.daysAgo(1, 0) + ","
                + world.daysAgo(-365, 0);
        String common = sensor + ",JJF 1171-2007," + dates + ",\"Lab hall 2, Beijing\",";
        Path csv = write(
                work,
                "certificates.csv",
                (header
                                + id("CSV-1") + ",CALIBRATION," + common
                                + "NONE,,Li Wei,report-1.pdf,Temperature,20.01,\\degreecelsius,0.05,2\n"
                                + id("CSV-1") + ",,,,,,,,,,,,,Temperature,80.03,\\degreecelsius,0.06,2\n"
                                + id("CSV-2") + ",VERIFICATION," + common
                                + "PASS,JJG simple acceptance,Li Wei,report-1.pdf,,,,,\n"
                                + id("CSV-3") + ",VERIFICATION," + sensor + ",," + dates
                                + ",Beijing,PASS,rule,Li Wei,report-1.pdf,,,,,\n")
                        .getBytes(StandardCharsets.UTF_8));

        CommandRun first = cli("issue", "--csv", csv, "--lab", world.labNorth, "--key", key);

        assertThat(first.code()).as(first.out()).isEqualTo(1);
        assertThat(first.out())
                .contains("issued 2, skipped 0, failed 1")
                .contains("failed line 5 (" + id("CSV-3") + "): method is required");
        Http.Answer calibration = http.get("/api/v1/certificates/" + id("CSV-1"), null);
        assertThat(calibration.json().getJsonArray("results").size()).isEqualTo(2);
        assertThat(calibration.json().getJsonArray("results").getJsonObject(1).getString("value"))
                .isEqualTo("80.03");
        assertThat(calibration.json().getString("location")).isEqualTo("Lab hall 2, Beijing");
        assertThat(calibration.json().getString("documentDigest"))
                .isEqualTo(DocumentDigest.of("%PDF-1.7 report one".getBytes(StandardCharsets.UTF_8)));

        CommandRun again = cli("issue", "--csv", csv, "--lab", world.labNorth, "--key", key);

        assertThat(again.out()).contains("issued 0, skipped 2, failed 1");
    }

    @Test
    @Order(8)
    void a_refused_import_leaves_no_document_behind_and_an_accepted_one_keeps_its_own() throws IOException {
        String unengaged = id("DOC-UNENGAGED");
        HttpWorld.created(http.post(
                "/api/v1/instruments",
                token(Cast.NORTH_ENTITY),
                world.instrument(unengaged, world.entityNorth, "temperature")));
        byte[] fresh = simplifiedWith(minimalId, id("DOC-KEPT"));
        long files = documentFiles();

        refused(400, () -> postXml("not xml".getBytes(StandardCharsets.UTF_8), Cast.NORTH_LAB));
        refused(
                400,
                () -> postXml(
                        simplifiedWith("<dcc:administrativeData>", "<dcc:administrativeData><x/>"), Cast.NORTH_LAB));
        refused(422, () -> postXml(DccSamples.example(DccSamples.MANIPULATED), Cast.NORTH_LAB));
        refused(403, () -> postXml(fresh, Cast.NORTH_INSPECTOR));
        // The chaincode's refusals: the id is recorded already, and the subject's owner engaged no lab.
        Http.Answer duplicate = refused(409, () -> postXml(sample(DccSamples.TYPICAL), Cast.NORTH_LAB));
        Http.Answer uninvited = refused(
                403,
                () -> http.send(
                        HttpMethod.POST,
                        IMPORT + "?subject=" + unengaged,
                        token(Cast.NORTH_LAB),
                        Buffer.buffer(fresh),
                        "application/xml"));

        assertThat(duplicate.errorCode()).isEqualTo("CONFLICT");
        assertThat(uninvited.json().getJsonObject("error").getString("message")).contains("engagement");
        assertThat(documentFiles())
                .as("files in the document store after six refusals")
                .isEqualTo(files);

        Http.Answer accepted = postXml(fresh, Cast.NORTH_LAB);

        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(201);
        assertThat(documentFiles()).isEqualTo(files + 1);
        assertThat(exportDcc(id("DOC-KEPT")).body().getBytes()).isEqualTo(fresh);
    }

    /** Every file under the gateway's document store, staged or kept. */
    private long documentFiles() throws IOException {
        Path documents = dataDir.resolve("documents");
        if (!Files.isDirectory(documents)) {
            return 0;
        }
        try (var tree = Files.walk(documents)) {
            return tree.filter(Files::isRegularFile).count();
        }
    }

    @Test
    void a_batch_command_without_a_token_says_so() {
        CommandRun run = new CommandRun(new java.io.StringWriter(), new java.io.StringWriter());
        int code = run.commandLine().execute("import-dcc", "--url", baseUrl(), "--token", "", "x.xml");

        assertThat(code).isEqualTo(2);
        assertThat(run.err().toString()).contains("a bearer token is required");
    }

    @Test
    void a_dcc_sent_as_json_is_refused_as_an_unsupported_media_type() {
        Http.Answer answer = http.send(
                HttpMethod.POST,
                IMPORT,
                token(Cast.NORTH_LAB),
                Buffer.buffer(DccSamples.example(DccSamples.SIMPLIFIED)),
                "application/json");

        assertThat(answer.status()).as(answer.toString()).isEqualTo(415);
    }

    @Test
    @Order(3)
    void a_dcc_is_served_as_a_sandboxed_download_never_as_a_page() {
        HttpResponse<Buffer> dcc = exportDcc(typicalId);

        assertThat(dcc.statusCode()).isEqualTo(200);
        assertThat(dcc.getHeader("Content-Disposition"))
                .startsWith("attachment;")
                .contains(".xml");
        assertThat(dcc.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(dcc.getHeader("Content-Security-Policy")).isEqualTo("sandbox");
    }

    @Test
    void a_dcc_that_breaks_its_schema_is_refused_before_its_document_is_kept() {
        byte[] broken =
                simplifiedWith("<dcc:administrativeData>", "<dcc:administrativeData><dcc:script>x</dcc:script>");

        Http.Answer answer = refused(400, () -> postXml(broken, Cast.NORTH_LAB));

        assertThat(answer.json().getJsonObject("error").getString("message"))
                .startsWith("dcc does not match the DCC schema (line ")
                .contains("script");
        String digest = DocumentDigest.of(broken);
        assertThat(dataDir.resolve("documents").resolve(digest.substring(0, 2)).resolve(digest.substring(2)))
                .doesNotExist();
    }

    @Test
    void a_dcc_of_a_schema_version_not_bundled_is_400_naming_it() {
        byte[] future = simplifiedWith("schemaVersion=\"3.1.1\"", "schemaVersion=\"9.9.9\"");

        Http.Answer answer = refused(400, () -> postXml(future, Cast.NORTH_LAB));

        assertThat(answer.json().getJsonObject("error").getString("message"))
                .contains("schemaVersion")
                .contains("9.9.9");
    }

    @Test
    void a_signed_dcc_stripped_of_its_signature_is_refused_where_the_lab_has_a_trust_store() throws IOException {
        Path own = Files.createDirectories(dataDir.resolve("dcc-trust").resolve(world.labEast));
        Files.writeString(own.resolve("signer-root.crt"), runRoot);
        byte[] stripped = new String(signedTypical, StandardCharsets.UTF_8)
                .replaceAll("(?s)<(\\w+:)?Signature[ >].*</(\\w+:)?Signature>", "")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(stripped.length).isLessThan(signedTypical.length);

        Http.Answer answer = refused(422, () -> postXml(stripped, Cast.EAST_LAB));

        assertThat(answer.errorCode()).isEqualTo("SIGNATURE_INVALID");
        assertThat(answer.json().getJsonObject("error").getString("message"))
                .contains("unsigned")
                .contains(world.labEast)
                .contains("must be signed");
    }

    @Test
    void only_lab_staff_import_dccs() {
        Http.Answer answer = postXml(DccSamples.example(DccSamples.SIMPLIFIED), Cast.NORTH_INSPECTOR);

        assertThat(answer.status()).as(answer.toString()).isEqualTo(403);
        assertThat(answer.errorCode()).isEqualTo("FORBIDDEN");
    }

    @Test
    void a_body_that_is_not_xml_is_a_400_naming_the_problem() {
        Http.Answer answer = postXml("not xml".getBytes(StandardCharsets.UTF_8), Cast.NORTH_LAB);

        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.json().getJsonObject("error").getString("message")).contains("not well-formed XML");
    }

    @Test
    void importing_without_a_token_is_401() {
        Http.Answer answer = http.send(
                HttpMethod.POST,
                IMPORT,
                null,
                Buffer.buffer(DccSamples.example(DccSamples.SIMPLIFIED)),
                "application/xml");

        assertThat(answer.status()).isEqualTo(401);
    }

    private CommandRun cli(Object... args) {
        return CommandRun.against(baseUrl(), token(Cast.NORTH_LAB), args);
    }

    private String baseUrl() {
        return "http://" + deployment.host() + ":" + deployment.port();
    }

    private static Path write(Path dir, String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    /** This run's simplified sample with the first match of a pattern replaced. */
    private byte[] simplifiedWith(String pattern, String replacement) {
        return new String(sample(DccSamples.SIMPLIFIED), StandardCharsets.UTF_8)
                .replaceFirst(pattern, replacement)
                .getBytes(StandardCharsets.UTF_8);
    }

    private Http.Answer postXml(byte[] xml, String user) {
        return http.send(HttpMethod.POST, IMPORT, token(user), Buffer.buffer(xml), "application/xml");
    }

    private HttpResponse<Buffer> exportDcc(String id) {
        try {
            return http.request(HttpMethod.GET, "/api/v1/certificates/" + id + "/dcc")
                    .send()
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("no answer", e);
        }
    }
}
