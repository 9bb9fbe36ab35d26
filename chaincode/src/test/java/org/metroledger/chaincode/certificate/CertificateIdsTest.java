package org.metroledger.chaincode.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.metroledger.chaincode.json.Check;

class CertificateIdsTest {
    @Test
    void an_identifier_that_is_already_a_ledger_id_is_its_own_id() {
        assertThat(CertificateIds.fromIdentifier("CAL-2025/0001:a.b_c")).isEqualTo("CAL-2025/0001:a.b_c");
    }

    @Test
    void any_other_identifier_maps_to_a_readable_id_with_a_digest_and_always_the_same_one() {
        String id = CertificateIds.fromIdentifier("Id 123456789 HtW");

        assertThat(id)
                .isEqualTo("Id_123456789_HtW-08bb7a8c5b0d5399afde65d22751f1f5")
                .isEqualTo(CertificateIds.fromIdentifier("Id 123456789 HtW"));
    }

    @Test
    void identifiers_differing_only_in_characters_a_ledger_id_cannot_hold_get_different_ids() {
        assertThat(CertificateIds.fromIdentifier("Id 1"))
                .isNotEqualTo(CertificateIds.fromIdentifier("Id  1"))
                .isNotEqualTo(CertificateIds.fromIdentifier("Id\t1"))
                .isNotEqualTo(CertificateIds.fromIdentifier("Id_1"))
                .startsWith("Id_1-");
    }

    @Test
    void long_leading_punctuated_and_non_latin_identifiers_give_valid_ledger_ids() {
        for (String identifier :
                new String[] {"u".repeat(1024), "  leading blanks", "校准证书 第 12 号", "-", "x".repeat(129)}) {
            String id = CertificateIds.fromIdentifier(identifier);
            assertThat(Check.isId(id)).as(id).isTrue();
            assertThat(id.length()).isLessThanOrEqualTo(Check.MAX_ID);
        }
        assertThat(CertificateIds.fromIdentifier("校准证书 第 12 号")).startsWith("12_-");
        assertThat(CertificateIds.fromIdentifier("-")).startsWith("dcc-");
    }
}
