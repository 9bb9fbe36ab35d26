package org.metroledger.chaincode.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.metroledger.simulation.CertificateAuthority;

class SeedSharingTest {
    private static final List<String> CENTRES = List.of("A", "B", "C", "D", "E");
    private static final String SEED = "3c".repeat(32);

    private final Map<String, KeyPair> keys = new TreeMap<>();
    private final Dealing dealing;

    SeedSharingTest() {
        Map<String, PublicKey> publicKeys = new TreeMap<>();
        for (String centre : CENTRES) {
            KeyPair pair = CertificateAuthority.newKeyPair();
            keys.put(centre, pair);
            publicKeys.put(centre, pair.getPublic());
        }
        dealing = SeedSharing.deal("d1", "A", SEED, CENTRES, publicKeys, new SecureRandom());
    }

    private String share(String holder) {
        return SeedSharing.decrypt("d1", "A", holder, dealing, keys.get(holder).getPrivate())
                .orElseThrow();
    }

    @Test
    void the_threshold_is_a_majority_of_the_participants() {
        assertThat(SeedSharing.threshold(3)).isEqualTo(2);
        assertThat(SeedSharing.threshold(4)).isEqualTo(3);
        assertThat(SeedSharing.threshold(5)).isEqualTo(3);
        assertThat(dealing.commitments()).hasSize(3);
        assertThat(dealing.shares()).containsOnlyKeys("B", "C", "D", "E");
    }

    @Test
    void any_threshold_of_shares_rebuilds_the_seed_and_fewer_do_not() {
        assertThat(SeedSharing.reconstruct(Map.of(2, share("B"), 3, share("C"), 5, share("E"))))
                .isEqualTo(SEED);
        assertThat(SeedSharing.reconstruct(Map.of(3, share("C"), 4, share("D"), 5, share("E"))))
                .isEqualTo(SEED);
        assertThat(SeedSharing.reconstruct(Map.of(2, share("B"), 3, share("C"))))
                .isNotEqualTo(SEED);
    }

    @Test
    void a_share_verifies_against_the_commitments_only_at_its_own_index() {
        assertThat(SeedSharing.verifies(dealing.commitments(), 2, share("B"))).isTrue();
        assertThat(SeedSharing.verifies(dealing.commitments(), 3, share("B"))).isFalse();
        assertThat(SeedSharing.opens(dealing.commitments(), SEED)).isTrue();
        assertThat(SeedSharing.opens(dealing.commitments(), "3d".repeat(32))).isFalse();
    }

    @Test
    void a_share_decrypts_only_with_its_recipients_key_and_context() {
        assertThat(SeedSharing.decrypt("d1", "A", "B", dealing, keys.get("C").getPrivate()))
                .isEmpty();
        assertThat(SeedSharing.decrypt("d2", "A", "B", dealing, keys.get("B").getPrivate()))
                .isEmpty();
        assertThat(SeedSharing.isCiphertext(dealing.shares().get("B").ciphertext()))
                .isTrue();
    }

    @Test
    void a_seed_at_or_above_the_group_order_cannot_be_shared() {
        assertThat(SeedSharing.isScalar("ff".repeat(32))).isFalse();
        assertThat(SeedSharing.isScalar("00".repeat(32))).isFalse();
        assertThat(SeedSharing.isScalar(SEED)).isTrue();
    }
}
