package org.metroledger.gateway.dcc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.metroledger.gateway.failure.ApiFailure;

class DccSchemaTest {
    private static final DccSchema SCHEMA = DccSchema.v3_2_0();

    @Test
    void the_signed_320_example_validates_offline() {
        assertThatCode(() -> SCHEMA.validate(DccSamples.example(DccSamples.SIGNED_320)))
                .doesNotThrowAnyException();
    }

    @Test
    void a_311_document_does_not_validate_against_320() {
        assertThatThrownBy(() -> SCHEMA.validate(DccSamples.example(DccSamples.TYPICAL)))
                .isInstanceOf(ApiFailure.class)
                .hasMessageStartingWith("dcc does not match the DCC schema (line ")
                .hasMessageContaining("schemaVersion");
    }

    @Test
    void an_upload_is_validated_by_the_schema_of_the_version_it_states() {
        for (String sample :
                new String[] {DccSamples.SIGNED_320, DccSamples.TYPICAL, DccSamples.SIMPLIFIED, DccSamples.MANIPULATED
                }) {
            assertThatCode(() -> DccSchema.validateUpload(DccSamples.example(sample)))
                    .as(sample)
                    .doesNotThrowAnyException();
        }
        String typical = new String(DccSamples.example(DccSamples.TYPICAL), StandardCharsets.UTF_8);
        assertThatThrownBy(() -> DccSchema.validateUpload(typical.replaceFirst("<dcc:coreData>", "<dcc:coreData><x/>")
                        .getBytes(StandardCharsets.UTF_8)))
                .hasMessageStartingWith("dcc does not match the DCC schema (line ");
        assertThatThrownBy(() -> DccSchema.validateUpload(
                        typical.replaceFirst("schemaVersion=\"3.1.1\"", "").getBytes(StandardCharsets.UTF_8)))
                .hasMessage("dcc schemaVersion is required on the root element");
    }

    @Test
    void a_document_missing_a_required_element_does_not_validate() {
        String noCustomer = new String(DccSamples.example(DccSamples.SIGNED_320), StandardCharsets.UTF_8)
                .replaceAll("(?s)<dcc:customer>.*?</dcc:customer>", "");

        assertThatThrownBy(() -> SCHEMA.validate(noCustomer.getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("customer");
    }

    @Test
    void a_document_type_declaration_is_refused_before_validation() {
        byte[] withDoctype = "<?xml version=\"1.0\"?><!DOCTYPE x SYSTEM \"http://example.org/x.dtd\"><x/>"
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> SCHEMA.validate(withDoctype))
                .hasMessageStartingWith("dcc does not match the DCC schema")
                .hasMessageContaining("DOCTYPE");
    }

    @Test
    void the_schemas_are_bundled_and_a_missing_one_fails_clearly() {
        assertThatThrownBy(() -> DccSchema.bundled("dcc-9.9.9.xsd"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("cannot load DCC schema dcc-9.9.9.xsd: it is not bundled");
        assertThat(DccSchema.DCC_3_2_0).isEqualTo("dcc-3.2.0.xsd");
    }
}
