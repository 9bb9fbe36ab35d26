package org.metroledger.gateway.dcc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.metroledger.gateway.dcc.DccDocument.Result;
import org.metroledger.gateway.failure.ApiCode;
import org.metroledger.gateway.failure.ApiFailure;

class DccWriterTest {
    private static final DccSchema SCHEMA = DccSchema.v3_2_0();
    private final DccWriter writer = new DccWriter();

    @Test
    void a_calibration_certificate_becomes_a_schema_valid_320_dcc_naming_the_registry_parties() {
        byte[] dcc = writer.write(
                CertificateRecords.calibration(),
                new DccParties(
                        "North Mass Laboratory",
                        "Fresh Market Co.",
                        "CN",
                        new DccParties.Item("Platform scale", "Mettler", "PS-60", "SN-17")));

        assertThatCode(() -> SCHEMA.validate(dcc)).doesNotThrowAnyException();
        DccDocument read = new DccParser().parse(dcc);
        assertThat(read.laboratoryName()).isEqualTo("North Mass Laboratory");
        assertThat(read.items()).singleElement().satisfies(item -> {
            assertThat(item.name()).isEqualTo("Platform scale");
            assertThat(item.manufacturer()).isEqualTo("Mettler");
            assertThat(item.model()).isEqualTo("PS-60");
            assertThat(item.serial()).isEqualTo("SN-17");
            // The ledger id stays the owner's identification, so re-importing finds the same subject.
            assertThat(item.identifications())
                    .contains(new DccDocument.Identification("owner", "inst-scale-17", "Ledger instrument id"));
        });
        assertThat(new String(dcc, StandardCharsets.UTF_8)).contains("<dcc:content>Fresh Market Co.</dcc:content>");
    }

    @Test
    void a_record_with_a_labs_identifier_intervals_probabilities_and_ref_types_round_trips_through_its_dcc() {
        ObjectNode certificate = (ObjectNode) CertificateRecords.calibration().deepCopy();
        String identifier = "Kalibrierschein Nr. 17 / 2025";
        certificate.put("id", org.metroledger.chaincode.certificate.CertificateIds.fromIdentifier(identifier));
        certificate.put("uniqueIdentifier", identifier);
        certificate.remove("traceability");
        ObjectNode interval = certificate.putArray("results").addObject();
        interval.put("quantity", "Length")
                .put("value", "1.00")
                .put("unit", "\\metre")
                .put("standardUncertainty", "0.01")
                .put("intervalMin", "0.98")
                .put("intervalMax", "1.03")
                .put("coverageProbability", "0.95")
                .put("refType", "basic_measurementError");
        ((com.fasterxml.jackson.databind.node.ArrayNode) certificate.get("results"))
                .addObject()
                .put("quantity", "Mass")
                .put("value", "1.000030")
                .put("unit", "\\kilogram")
                .put("expandedUncertainty", "0.000050")
                .put("coverageFactor", "2.1")
                .put("coverageProbability", "0.9545");

        byte[] dcc = writer.write(certificate, DccParties.fromLedgerIds());

        assertThatCode(() -> SCHEMA.validate(dcc)).doesNotThrowAnyException();
        var request = DccImport.request(
                new DccParser().parse(dcc),
                DccImport.Options.forLab("lab-north-mass"),
                org.metroledger.simulation.CertificateAuthority.newKeyPair().getPrivate());
        assertThat(request.id()).isEqualTo(certificate.get("id").asText());
        assertThat(request.uniqueIdentifier()).isEqualTo(identifier);
        JsonNode reimported = org.metroledger.chaincode.json.Canonical.mapper().valueToTree(request.results());
        assertThat(reimported).isEqualTo(certificate.get("results"));
    }

    @Test
    void a_verification_certificate_without_results_is_schema_valid_too() {
        ObjectNode verification = (ObjectNode) CertificateRecords.calibration().deepCopy();
        verification.put("kind", "VERIFICATION").remove("results");
        verification.remove("traceability");
        verification.remove("conditions");

        byte[] dcc = writer.write(verification, DccParties.fromLedgerIds());

        assertThatCode(() -> SCHEMA.validate(dcc)).doesNotThrowAnyException();
        assertThat(new String(dcc, StandardCharsets.UTF_8)).contains("<dcc:conformity>pass</dcc:conformity>");
    }

    @Test
    void reading_the_generated_dcc_gives_back_the_certificate_fields_exactly() {
        JsonNode certificate = CertificateRecords.calibration();

        DccDocument read = new DccParser().parse(writer.write(certificate, DccParties.fromLedgerIds()));

        assertThat(read.uniqueIdentifier()).isEqualTo("CAL-2025-0001");
        assertThat(read.schemaVersion()).isEqualTo("3.2.0");
        assertThat(read.laboratoryCode()).isEqualTo("lab-north-mass");
        assertThat(read.beginPerformanceDate()).isEqualTo("2025-03-01");
        assertThat(read.endPerformanceDate()).isEqualTo("2025-03-01");
        assertThat(read.issueDate()).isEqualTo("2025-03-02");
        assertThat(read.recalibrationDate()).isEqualTo("2026-03-01");
        assertThat(read.methods()).containsExactly("JJG 99-2022");
        assertThat(read.conformity()).isEqualTo("pass");
        assertThat(read.items())
                .singleElement()
                .extracting(DccDocument.Item::name)
                .isEqualTo("inst-scale-17");
        assertThat(read.results())
                .containsExactly(
                        new Result("Mass", "1.000030", "\\kilogram", "0.000050", "2", DccWriter.COVERAGE_PROBABILITY),
                        new Result("Indication error", "-0.10", "\\gram", "0.02", "2", DccWriter.COVERAGE_PROBABILITY));
    }

    @Test
    void text_with_markup_characters_is_escaped_not_injected() {
        ObjectNode certificate = (ObjectNode) CertificateRecords.calibration().deepCopy();
        certificate.put("location", "Hall <2> & \"annex\"");

        byte[] dcc = writer.write(certificate, DccParties.fromLedgerIds());

        assertThatCode(() -> SCHEMA.validate(dcc)).doesNotThrowAnyException();
        assertThat(new String(dcc, StandardCharsets.UTF_8)).contains("Location: Hall &lt;2> &amp; \"annex\"");
    }

    @Test
    void a_deliberately_broken_dcc_fails_validation() {
        String valid = new String(
                writer.write(CertificateRecords.calibration(), DccParties.fromLedgerIds()), StandardCharsets.UTF_8);
        String broken = valid.replace("<si:value>1.000030</si:value>", "<si:value>about one</si:value>");
        assertThat(broken).isNotEqualTo(valid);

        assertThatThrownBy(() -> SCHEMA.validate(broken.getBytes(StandardCharsets.UTF_8)))
                .hasMessageStartingWith("dcc does not match the DCC schema")
                .hasMessageContaining("about one");
    }

    @Test
    void a_record_missing_a_field_the_dcc_needs_is_refused_naming_it() {
        ObjectNode certificate = (ObjectNode) CertificateRecords.calibration().deepCopy();
        ((ObjectNode) certificate.get("results").get(1)).remove("unit");

        // The record, not the request, lacks it: the export answers 409, never a 500.
        assertThatThrownBy(() -> writer.write(certificate, DccParties.fromLedgerIds()))
                .isInstanceOfSatisfying(
                        ApiFailure.class, e -> assertThat(e.code()).isEqualTo(ApiCode.CONFLICT))
                .hasMessage("results[1].unit is required to write a DCC");
    }
}
