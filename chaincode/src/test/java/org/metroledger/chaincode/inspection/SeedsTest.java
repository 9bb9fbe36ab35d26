package org.metroledger.chaincode.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hyperledger.fabric.shim.ChaincodeException;
import org.junit.jupiter.api.Test;

class SeedsTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void commitment_is_sha256_of_the_seed_bytes() throws Exception {
        String seed = "3c".repeat(32);
        assertThat(Seeds.commitment(seed))
                .isEqualTo(HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(HEX.parseHex(seed))));
    }

    @Test
    void combined_seed_hashes_the_reveals_in_ascending_msp_order_whatever_the_map_order() throws Exception {
        Map<String, String> reveals = new LinkedHashMap<>();
        reveals.put("NorthMSP", "01".repeat(32));
        reveals.put("EastMSP", "02".repeat(32));
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        digest.update(HEX.parseHex("02".repeat(32)));
        digest.update(HEX.parseHex("01".repeat(32)));
        assertThat(Seeds.combine(reveals)).isEqualTo(HEX.formatHex(digest.digest()));
    }

    @Test
    void a_seed_must_be_64_lowercase_hex_characters() {
        assertThatThrownBy(() -> Seeds.seed("seed", "AB".repeat(32)))
                .isInstanceOf(ChaincodeException.class)
                .hasMessageContaining("seed");
        assertThatThrownBy(() -> Seeds.seed("seed", "ab".repeat(31))).isInstanceOf(ChaincodeException.class);
        assertThat(Seeds.seed("seed", "ab".repeat(32))).isEqualTo("ab".repeat(32));
    }
}
