package org.metroledger.gateway.dcc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.metroledger.chaincode.certificate.CertificateIds;
import org.metroledger.chaincode.certificate.CertificateRequest;
import org.metroledger.chaincode.error.ErrorCode;
import org.metroledger.chaincode.json.Canonical;
import org.metroledger.chaincode.registry.SubjectType;
import org.metroledger.gateway.document.DocumentDigest;
import org.metroledger.simulation.CertificateAuthority;
import org.metroledger.testbed.TestBed;
import org.metroledger.testbed.TestWorld;

class DccImportTest {
    private static final String ISSUE = "certificate:Issue";

    /** The customer's identification of the item in the shared examples, registered as an instrument. */
    private static final String SENSOR = "string-customer-item";

    private static final PrivateKey SOME_LAB_KEY =
            CertificateAuthority.newKeyPair().getPrivate();
    private final DccParser parser = new DccParser();

    /** The registered world with the examples' sensor as a north instrument; built only where a test submits. */
    private static TestWorld ledger() {
        TestWorld world = new TestWorld();
        // The examples were issued on 1957-08-13: record them the next day, within the back-dating allowance.
        world.bed.at(Instant.parse("1957-08-14T00:00:00Z"));
        world.bed.submit(
                world.northAdmin,
                "registry:RegisterInstrument",
                Canonical.json(Map.of(
                        "id", SENSOR,
                        "owner", TestWorld.ENTITY_NORTH,
                        "type", "temperature sensor",
                        "manufacturer", "String",
                        "model", "String",
                        "serial", "string-manufacturer-item",
                        "location", "Musterstadt",
                        "mandatory", false,
                        "category", "temperature")));
        // The owner's invitation to calibrate it (only the first certificate recorded uses it).
        world.bed.submit(
                world.northEntity,
                "engagement:Request",
                TestWorld.engagement("E-DCC", TestWorld.LAB_NORTH, SENSOR, "INSTRUMENT"));
        return world;
    }

    @Test
    void the_signed_example_is_recorded_with_the_digest_of_its_exact_bytes() {
        TestWorld world = ledger();
        byte[] bytes = DccSamples.example(DccSamples.SIGNED_320);
        CertificateRequest request = DccImport.request(
                parser.parse(bytes), DccImport.Options.forLab(TestWorld.LAB_NORTH), world.northLabKey.getPrivate());

        JsonNode recorded = Canonical.tree(world.bed.submit(world.northLab, ISSUE, Canonical.json(request)), "answer");

        assertThat(request.previous()).isNull();
        assertThat(recorded.path("documentDigest").asText()).isEqualTo(DocumentDigest.of(bytes));
        assertThat(recorded.path("id").asText()).isEqualTo("GP_DCC_temperature_typical_1.2");
        assertThat(recorded.path("subject").asText()).isEqualTo(SENSOR);
        assertThat(recorded.path("kind").asText()).isEqualTo("CALIBRATION");
        assertThat(recorded.path("method").asText()).isEqualTo("GUM; DKD-R 5-1:2018");
        assertThat(recorded.path("performedFrom").asText()).isEqualTo("1957-08-13T00:00:00Z");
        assertThat(recorded.path("issuedAt").asText()).isEqualTo("1957-08-13T00:00:00Z");
        assertThat(recorded.path("validUntil").asText()).isEqualTo("1959-10-22T00:00:00Z");
        assertThat(recorded.path("conformity").asText()).isEqualTo("PASS");
        assertThat(recorded.path("signatory").asText()).isEqualTo("Michaela Musterfrau");
        // Only the measurement errors state an uncertainty; the reference values and indications do not.
        assertThat(recorded.path("results")).hasSize(5);
        assertThat(recorded.path("results").get(0).toString())
                .isEqualTo("{\"coverageFactor\":\"2\",\"coverageProbability\":\"0.95\",\"expandedUncertainty\":"
                        + "\"0.061\",\"quantity\":\"Measurement error [1]\",\"refType\":\"basic_measurementError\","
                        + "\"unit\":\"\\\\kelvin\",\"value\":\"0.072\"}");
        assertThat(recorded.path("results").get(3).path("value").asText()).isEqualTo("-0.009");

        JsonNode report = Canonical.tree(
                world.bed.evaluate(
                        world.stranger,
                        "certificate:Verify",
                        Canonical.json(Map.of(
                                "id", request.id(), "digest", DocumentDigest.of(bytes), "at", "1958-01-01T00:00:00Z"))),
                "report");
        assertThat(report.path("checks").findValues("name"))
                .extracting(JsonNode::asText)
                .contains("digest", "signature");
        report.path("checks").forEach(check -> {
            if (check.path("name").asText().matches("digest|signature")) {
                assertThat(check.path("ok").asBoolean()).as(check.toString()).isTrue();
            }
        });
    }

    @Test
    void a_dcc_whose_identifier_no_ledger_id_can_hold_is_recorded_under_the_id_derived_from_it_keeping_it_as_written() {
        TestWorld world = ledger();
        world.bed.at(Instant.parse("2025-03-02T00:00:00Z"));
        world.bed.submit(
                world.northEntity,
                "engagement:Request",
                TestWorld.engagement("E-DCC-2", TestWorld.LAB_NORTH, SENSOR, "INSTRUMENT"));
        String identifier = "Id 123456789 HtW";
        byte[] dcc = TestDccs.dcc(identifier, TestWorld.LAB_NORTH, SENSOR, LocalDate.of(2025, 3, 1), TestDccs.ONE_REAL);

        CertificateRequest request = DccImport.request(
                parser.parse(dcc), DccImport.Options.forLab(TestWorld.LAB_NORTH), world.northLabKey.getPrivate());
        JsonNode recorded = Canonical.tree(world.bed.submit(world.northLab, ISSUE, Canonical.json(request)), "answer");

        assertThat(recorded.path("id").asText())
                .isEqualTo(CertificateIds.fromIdentifier(identifier))
                .startsWith("Id_123456789_HtW-");
        assertThat(recorded.path("uniqueIdentifier").asText()).isEqualTo(identifier);
        // The same DCC again maps to the same id, so it is a duplicate, not a second certificate.
        CertificateRequest again = DccImport.request(
                parser.parse(dcc), DccImport.Options.forLab(TestWorld.LAB_NORTH), world.northLabKey.getPrivate());
        assertThat(again.id()).isEqualTo(request.id());
        assertThatThrownBy(() -> world.bed.submit(world.northLab, ISSUE, Canonical.json(again)))
                .isInstanceOfSatisfying(
                        TestBed.Refusal.class, r -> assertThat(r.code()).isEqualTo(ErrorCode.CONFLICT));
    }

    @Test
    void a_request_signed_with_another_key_is_refused_by_the_ledger() {
        TestWorld world = ledger();
        CertificateRequest request = DccImport.request(
                parser.parse(DccSamples.example(DccSamples.SIGNED_320)),
                DccImport.Options.forLab(TestWorld.LAB_NORTH),
                SOME_LAB_KEY);

        assertThatThrownBy(() -> world.bed.submit(world.northLab, ISSUE, Canonical.json(request)))
                .isInstanceOfSatisfying(
                        TestBed.Refusal.class, r -> assertThat(r.code()).isEqualTo(ErrorCode.SIGNATURE_INVALID));
    }

    @Test
    void options_override_what_the_dcc_says() {
        CertificateRequest request = DccImport.request(
                parser.parse(DccSamples.example(DccSamples.TYPICAL)),
                DccImport.Options.forLab(TestWorld.LAB_NORTH)
                        .withSubject("std-temp-1", SubjectType.STANDARD)
                        .withValidUntil("1960-01-01T00:00:00Z")
                        .withLocation("Musterstadt")
                        .withPrevious("GP_DCC_temperature_typical_1.1"),
                SOME_LAB_KEY);

        assertThat(request.subject()).isEqualTo("std-temp-1");
        assertThat(request.subjectType()).isEqualTo(SubjectType.STANDARD);
        assertThat(request.validUntil()).isEqualTo("1960-01-01T00:00:00Z");
        assertThat(request.location()).isEqualTo("Musterstadt");
        assertThat(request.previous()).isEqualTo("GP_DCC_temperature_typical_1.1");
    }

    @Test
    void a_dcc_without_a_recalibration_date_needs_valid_until_from_the_importer() {
        assertThatThrownBy(() -> importEdited("refType=\"basic_recalibration\"", "refType=\"basic_other\""))
                .hasMessageStartingWith("validUntil is not in the DCC");
    }

    @Test
    void a_conformity_the_ledger_cannot_express_is_refused_not_rounded() {
        assertThatThrownBy(() -> importEdited(
                        "<dcc:conformity>pass</dcc:conformity>", "<dcc:conformity>conditionalPass</dcc:conformity>"))
                .hasMessage("conformity 'conditionalPass' of the DCC has no ledger equivalent" + " (pass or fail)");
    }

    /** Imports the signed example with one edit (its signature is not the point here). */
    private CertificateRequest importEdited(String from, String to) {
        String edited = new String(DccSamples.example(DccSamples.SIGNED_320), StandardCharsets.UTF_8).replace(from, to);
        return DccImport.request(
                parser.parse(edited.getBytes(StandardCharsets.UTF_8)),
                DccImport.Options.forLab(TestWorld.LAB_NORTH),
                SOME_LAB_KEY);
    }
}
