package org.metroledger.gateway.dcc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.metroledger.gateway.dcc.DccDocument.Result;
import org.metroledger.gateway.failure.ApiFailure;

class DccParserTest {
    private final DccParser parser = new DccParser();

    static List<Path> examples() {
        return DccSamples.examples();
    }

    @ParameterizedTest
    @MethodSource("examples")
    void every_shared_example_parses_with_its_core_data_and_results(Path example) throws Exception {
        byte[] bytes = Files.readAllBytes(example);

        DccDocument dcc = parser.parse(bytes);

        assertThat(dcc.uniqueIdentifier()).startsWith("GP_DCC_temperature_");
        assertThat(dcc.schemaVersion()).matches("3\\.[12]\\.\\d");
        assertThat(dcc.beginPerformanceDate()).isEqualTo("1957-08-13");
        assertThat(dcc.endPerformanceDate()).isEqualTo("1957-08-13");
        assertThat(dcc.items()).isNotEmpty();
        assertThat(dcc.results()).isNotEmpty().allSatisfy(r -> {
            assertThat(r.value()).matches("[-+]?\\d+(\\.\\d+)?");
            assertThat(r.unit()).startsWith("\\");
        });
        assertThat(dcc.documentDigest())
                .isEqualTo(HexFormat.of()
                        .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
    }

    @Test
    void the_signed_320_example_yields_its_item_methods_statements_and_list_results() {
        DccDocument dcc = parser.parse(DccSamples.example(DccSamples.SIGNED_320));

        assertThat(dcc.schemaVersion()).isEqualTo("3.2.0");
        assertThat(dcc.uniqueIdentifier()).isEqualTo("GP_DCC_temperature_typical_1.2");
        assertThat(dcc.items()).singleElement().satisfies(item -> {
            assertThat(item.name()).isEqualTo("Temperature sensor");
            assertThat(item.serial()).isEqualTo("string-manufacturer-item");
            assertThat(item.identifications()).hasSize(3);
        });
        assertThat(dcc.laboratoryName()).isEqualTo("Kalibrierfirma GmbH");
        assertThat(dcc.laboratoryCode()).isNull();
        assertThat(dcc.receiptDate()).isNull();
        assertThat(dcc.previousReport()).isNull();
        assertThat(dcc.methods()).containsExactly("GUM", "DKD-R 5-1:2018");
        assertThat(dcc.conformity()).isEqualTo("pass");
        assertThat(dcc.decisionRule()).startsWith("The conformity statement is made on the basis of the customer's");
        assertThat(dcc.recalibrationDate()).isEqualTo("1959-10-22");
        assertThat(dcc.signatory()).isEqualTo("Michaela Musterfrau");
        assertThat(dcc.performanceLocation()).isEqualTo("laboratory");
        // Three quantities of five values each; the hybrids count in their first (kelvin) form.
        assertThat(dcc.results()).hasSize(15);
        assertThat(dcc.results().get(0))
                .isEqualTo(new Result("Reference value", "306.248", "\\kelvin", null, null, null)
                        .withRefType("basic_referenceValue"));
        assertThat(dcc.results())
                .filteredOn(r -> r.quantity().equals("Measurement error"))
                .extracting(Result::value)
                .containsExactly("0.072", "0.089", "0.107", "-0.009", "-0.084");
        assertThat(dcc.results().get(14))
                .isEqualTo(new Result("Measurement error", "-0.084", "\\kelvin", "0.061", "2", "0.95")
                        .withRefType("basic_measurementError"));
    }

    @Test
    void optional_core_data_and_real_values_are_read_exactly_as_written() {
        DccDocument dcc = parser.parse(bytes(MINIMAL));

        assertThat(dcc.receiptDate()).isEqualTo("2025-02-20");
        assertThat(dcc.issueDate()).isEqualTo("2025-03-03");
        assertThat(dcc.laboratoryCode()).isEqualTo("CNAS L0001");
        assertThat(dcc.previousReport()).isEqualTo(new DccDocument.ReportLink("CAL-2024-7", "SHA-256", "ab12"));
        assertThat(dcc.items().get(0).serial()).isNull();
        assertThat(dcc.results())
                .containsExactly(new Result("Mass", "1.000030", "\\kilogram", "0.000050", "2.0", "0.950"));
    }

    @Test
    void a_document_type_declaration_is_refused_so_no_entity_is_ever_expanded() {
        String withEntity = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + MINIMAL.substring(MINIMAL.indexOf("<dcc:digital")).replace("CAL-2025-1", "&e;");

        assertThatThrownBy(() -> parser.parse(bytes(withEntity)))
                .isInstanceOf(ApiFailure.class)
                .hasMessageStartingWith("dcc is not well-formed XML")
                .hasMessageContaining("DOCTYPE");
    }

    @Test
    void a_missing_required_element_is_named_by_its_path() {
        String noId = MINIMAL.replace("<dcc:uniqueIdentifier>CAL-2025-1</dcc:uniqueIdentifier>", "");

        assertThatThrownBy(() -> parser.parse(bytes(noId)))
                .hasMessage("dcc/administrativeData/coreData/uniqueIdentifier is required");
    }

    @Test
    void a_foreign_root_element_is_refused() {
        assertThatThrownBy(() -> parser.parse(bytes("<certificate xmlns=\"https://example.org\"/>")))
                .hasMessageContaining("root element must be dcc:digitalCalibrationCertificate");
    }

    @Test
    void a_value_list_with_a_mismatched_uncertainty_list_is_refused() {
        String mismatched = MINIMAL.replace(
                "<dcc:quantity><dcc:name><dcc:content>Mass</dcc:content></dcc:name>",
                "<dcc:quantity><si:realListXMLList><si:valueXMLList>1 2 3</si:valueXMLList>"
                        + "<si:unitXMLList>\\kilogram</si:unitXMLList><si:expandedUncXMLList>"
                        + "<si:uncertaintyXMLList>0.1 0.2</si:uncertaintyXMLList>"
                        + "<si:coverageFactorXMLList>2</si:coverageFactorXMLList>"
                        + "<si:coverageProbabilityXMLList>0.95</si:coverageProbabilityXMLList>"
                        + "</si:expandedUncXMLList></si:realListXMLList></dcc:quantity>"
                        + "<dcc:quantity><dcc:name><dcc:content>Mass</dcc:content></dcc:name>");

        assertThatThrownBy(() -> parser.parse(bytes(mismatched)))
                .hasMessage("dcc/measurementResults/measurementResult/results/result/data/quantity[1]"
                        + "/si:realListXMLList/si:expandedUncXMLList/si:uncertaintyXMLList has 2 entries for 3 values");
    }

    static byte[] bytes(String xml) {
        return xml.getBytes(StandardCharsets.UTF_8);
    }

    /** A small DCC with the optional parts the shared examples leave out. */
    static final String MINIMAL = """
            <?xml version="1.0" encoding="UTF-8"?>
            <dcc:digitalCalibrationCertificate xmlns:dcc="https://ptb.de/dcc" xmlns:si="https://ptb.de/si" schemaVersion="3.2.0">
              <dcc:administrativeData>
                <dcc:coreData>
                  <dcc:uniqueIdentifier>CAL-2025-1</dcc:uniqueIdentifier>
                  <dcc:receiptDate>2025-02-20</dcc:receiptDate>
                  <dcc:beginPerformanceDate>2025-03-01</dcc:beginPerformanceDate>
                  <dcc:endPerformanceDate>2025-03-02</dcc:endPerformanceDate>
                  <dcc:issueDate>2025-03-03</dcc:issueDate>
                  <dcc:previousReport>
                    <dcc:referral><dcc:content>previous</dcc:content></dcc:referral>
                    <dcc:referralID>CAL-2024-7</dcc:referralID>
                    <dcc:procedure>SHA-256</dcc:procedure>
                    <dcc:value>ab12</dcc:value>
                  </dcc:previousReport>
                </dcc:coreData>
                <dcc:items><dcc:item><dcc:name><dcc:content>Weight 1 kg</dcc:content></dcc:name></dcc:item></dcc:items>
                <dcc:calibrationLaboratory>
                  <dcc:calibrationLaboratoryCode>CNAS L0001</dcc:calibrationLaboratoryCode>
                  <dcc:contact><dcc:name><dcc:content>North Mass Lab</dcc:content></dcc:name></dcc:contact>
                </dcc:calibrationLaboratory>
              </dcc:administrativeData>
              <dcc:measurementResults><dcc:measurementResult><dcc:results><dcc:result>
                <dcc:name><dcc:content>Results</dcc:content></dcc:name>
                <dcc:data>
                  <dcc:quantity><dcc:name><dcc:content>Mass</dcc:content></dcc:name>
                    <si:real><si:value> 1.000030 </si:value><si:unit>\\kilogram</si:unit>
                      <si:expandedUnc><si:uncertainty>0.000050</si:uncertainty><si:coverageFactor>2.0</si:coverageFactor>
                      <si:coverageProbability>0.950</si:coverageProbability></si:expandedUnc></si:real>
                    <dcc:measurementMetaData><dcc:metaData><dcc:data><dcc:quantity>
                      <si:real><si:value>99</si:value><si:unit>\\one</si:unit></si:real>
                    </dcc:quantity></dcc:data></dcc:metaData></dcc:measurementMetaData>
                  </dcc:quantity>
                </dcc:data>
              </dcc:result></dcc:results></dcc:measurementResult></dcc:measurementResults>
            </dcc:digitalCalibrationCertificate>
            """;
}
