package org.metroledger.gateway.dcc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.metroledger.gateway.dcc.TestDccs.quantity;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.metroledger.gateway.dcc.DccDocument.Result;

/** Every D-SI form a DCC 3.x carries under measurementResults, read as the ledger can keep it. */
class SiValuesTest {
    private static final DccSchema SCHEMA = DccSchema.v3_2_0();
    private static final String EXPANDED = "<si:expandedUnc><si:uncertainty>0.02</si:uncertainty>"
            + "<si:coverageFactor>2</si:coverageFactor><si:coverageProbability>0.95</si:coverageProbability>"
            + "</si:expandedUnc>";
    private static final String INTERVAL = "<si:coverageInterval><si:standardUnc>0.01</si:standardUnc>"
            + "<si:intervalMin>0.98</si:intervalMin><si:intervalMax>1.03</si:intervalMax>"
            + "<si:coverageProbability>0.95</si:coverageProbability></si:coverageInterval>";

    private final DccParser parser = new DccParser();

    /** The results of a schema-valid DCC 3.2.0 whose data is the quantities given. */
    private List<Result> results(String... quantities) {
        byte[] dcc = TestDccs.dcc("CAL-1", "lab-1", "inst-1", LocalDate.of(2025, 3, 1), String.join("", quantities));
        assertThatCode(() -> SCHEMA.validate(dcc)).doesNotThrowAnyException();
        return parser.parse(dcc).results();
    }

    @Test
    void a_real_keeps_its_expanded_uncertainty_probability_and_the_quantitys_ref_types() {
        assertThat(results(quantity(
                        "basic_measurementError other_type",
                        "Error",
                        "<si:real><si:value>0.5</si:value><si:unit>\\kelvin</si:unit>" + EXPANDED + "</si:real>")))
                .containsExactly(new Result("Error", "0.5", "\\kelvin", "0.02", "2", "0.95")
                        .withRefType("basic_measurementError other_type"));
    }

    @Test
    void a_real_with_a_coverage_interval_keeps_the_interval() {
        assertThat(results(quantity(
                        null,
                        "Length",
                        "<si:real><si:value>1.00</si:value><si:unit>\\metre</si:unit>" + INTERVAL + "</si:real>")))
                .containsExactly(
                        new Result("Length", "1.00", "\\metre", null, null, "0.95", "0.01", "0.98", "1.03", null));
    }

    @Test
    void a_unit_of_several_hundred_characters_is_read_whole() {
        String unit = "\\milli\\kelvin\\tothe{2}\\per\\volt".repeat(10);
        assertThat(unit.length()).isGreaterThan(256);

        assertThat(results(quantity(
                        null, "Q", "<si:real><si:value>1</si:value><si:unit>" + unit + "</si:unit></si:real>")))
                .extracting(Result::unit)
                .containsExactly(unit);
    }

    @Test
    void an_xml_list_of_values_with_a_coverage_interval_list_gives_one_row_per_value() {
        String list = "<si:realListXMLList><si:valueXMLList>1 2</si:valueXMLList><si:unitXMLList>\\volt"
                + "</si:unitXMLList><si:coverageIntervalXMLList><si:standardUncXMLList>0.1 0.2"
                + "</si:standardUncXMLList><si:intervalMinXMLList>0.8 1.6</si:intervalMinXMLList>"
                + "<si:intervalMaxXMLList>1.2 2.4</si:intervalMaxXMLList><si:coverageProbabilityXMLList>0.95"
                + "</si:coverageProbabilityXMLList></si:coverageIntervalXMLList></si:realListXMLList>";

        assertThat(results(quantity("basic_measuredValue", "Voltage", list)))
                .containsExactly(
                        new Result(
                                "Voltage",
                                "1",
                                "\\volt",
                                null,
                                null,
                                "0.95",
                                "0.1",
                                "0.8",
                                "1.2",
                                "basic_measuredValue"),
                        new Result(
                                "Voltage",
                                "2",
                                "\\volt",
                                null,
                                null,
                                "0.95",
                                "0.2",
                                "1.6",
                                "2.4",
                                "basic_measuredValue"));
    }

    @Test
    void a_list_of_real_lists_applies_each_lists_unit_and_uncertainty_to_its_entries() {
        String list = "<si:list><si:realList><si:listUnit>\\ampere</si:listUnit><si:listUnivariateUnc>" + EXPANDED
                + "</si:listUnivariateUnc><si:real><si:value>3</si:value></si:real><si:real><si:value>4"
                + "</si:value><si:unit>\\milli\\ampere</si:unit></si:real></si:realList></si:list>";

        assertThat(results(quantity(null, "Current", list)))
                .containsExactly(
                        new Result("Current", "3", "\\ampere", "0.02", "2", "0.95"),
                        new Result("Current", "4", "\\milli\\ampere", "0.02", "2", "0.95"));
    }

    @Test
    void a_hybrid_counts_in_its_first_form_and_a_constant_is_read_without_expanded_uncertainty() {
        String hybrid = "<si:hybrid><si:real><si:value>293.15</si:value><si:unit>\\kelvin</si:unit>" + EXPANDED
                + "</si:real><si:real><si:value>20</si:value><si:unit>\\degreecelsius</si:unit>" + EXPANDED
                + "</si:real></si:hybrid>";
        String constant = "<si:constant><si:value>9.80665</si:value><si:unit>\\metre\\second\\tothe{-2}</si:unit>"
                + "<si:uncertainty>0</si:uncertainty></si:constant>";

        List<Result> results = results(quantity(null, "Temperature", hybrid), quantity(null, "g", constant));

        assertThat(results).hasSize(2);
        assertThat(results.get(0)).isEqualTo(new Result("Temperature", "293.15", "\\kelvin", "0.02", "2", "0.95"));
        assertThat(results.get(1).statesUncertainty()).isFalse();
        assertThat(results.get(1).standardUncertainty()).isEqualTo("0");
    }

    @Test
    void a_complex_value_without_uncertainty_is_no_result_and_one_with_a_region_is_refused_naming_it() {
        String plain = "<si:complex><si:valueReal>1</si:valueReal><si:valueImag>-1</si:valueImag>"
                + "<si:unit>\\ohm</si:unit></si:complex>";
        assertThat(results(quantity(null, "Impedance", plain))).isEmpty();

        String region = "<si:complex><si:valueReal>1</si:valueReal><si:valueImag>-1</si:valueImag><si:unit>\\ohm"
                + "</si:unit><si:ellipsoidalRegion><si:covarianceMatrix><si:column><si:covariance><si:value>0.1"
                + "</si:value><si:unit>\\ohm\\tothe{2}</si:unit></si:covariance><si:covariance><si:value>0"
                + "</si:value><si:unit>\\ohm\\tothe{2}</si:unit></si:covariance></si:column><si:column>"
                + "<si:covariance><si:value>0</si:value><si:unit>\\ohm\\tothe{2}</si:unit></si:covariance>"
                + "<si:covariance><si:value>0.1</si:value><si:unit>\\ohm\\tothe{2}</si:unit></si:covariance>"
                + "</si:column></si:covarianceMatrix><si:coverageFactor>2.45</si:coverageFactor>"
                + "<si:coverageProbability>0.95</si:coverageProbability></si:ellipsoidalRegion></si:complex>";

        assertThatThrownBy(() -> results(quantity(null, "Impedance", region)))
                .hasMessageStartingWith("dcc/measurementResults/measurementResult/results/result"
                        + "/data/quantity/si:complex/si:ellipsoidalRegion is a multivariate uncertainty");
    }

    @Test
    void d_si_2_2_expanded_measurement_uncertainty_is_read_like_expanded_unc() {
        // D-SI 2.2 (DCC 3.3) wraps it; no 3.3 schema is bundled, so this is the parser alone.
        byte[] dcc = TestDccs.dcc(
                "CAL-1",
                "lab-1",
                "inst-1",
                LocalDate.of(2025, 3, 1),
                quantity(
                        null,
                        "Mass",
                        "<si:real><si:value>1.0001</si:value><si:unit>\\kilogram</si:unit>"
                                + "<si:measurementUncertaintyUnivariate><si:expandedMU><si:valueExpandedMU>0.0002"
                                + "</si:valueExpandedMU><si:coverageFactor>2</si:coverageFactor>"
                                + "<si:coverageProbability>0.95</si:coverageProbability></si:expandedMU>"
                                + "</si:measurementUncertaintyUnivariate></si:real>"));

        assertThat(parser.parse(dcc).results())
                .containsExactly(new Result("Mass", "1.0001", "\\kilogram", "0.0002", "2", "0.95"));
    }
}
