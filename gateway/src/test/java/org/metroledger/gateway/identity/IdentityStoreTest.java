package org.metroledger.gateway.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metroledger.chaincode.identity.X509Identity;

class IdentityStoreTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dataDir;

    @Test
    void first_start_creates_a_ca_per_region_and_an_orderer_that_a_restart_reads_back() throws Exception {
        IdentityStore created = IdentityStore.open(dataDir, CLOCK);
        IdentityStore reopened = IdentityStore.open(dataDir, CLOCK);

        for (String msp : IdentityStore.ORGANISATIONS) {
            assertThat(dataDir.resolve("msp").resolve(msp).resolve("ca.pem")).exists();
            assertThat(reopened.authority(msp).certificate())
                    .isEqualTo(created.authority(msp).certificate());
        }
        assertThat(reopened.orderer().certificate()).isEqualTo(created.orderer().certificate());
        reopened.orderer()
                .certificate()
                .verify(reopened.authority(IdentityStore.ORDERER_MSP)
                        .certificate()
                        .getPublicKey());
        assertThat(reopened.orderer().certificate().getSubjectX500Principal().getName())
                .contains("OU=orderer");
    }

    @Test
    void issued_members_are_found_by_name_with_a_working_key_readable_by_the_owner_only() throws Exception {
        IdentityStore store = IdentityStore.open(dataDir, CLOCK);
        Member issued = store.issue(IdentityStore.EAST, "Admin@EastMSP", NodeOu.ADMIN);

        Member found = IdentityStore.open(dataDir, CLOCK)
                .find(IdentityStore.EAST, "Admin@EastMSP")
                .orElseThrow();

        assertThat(found.certificate()).isEqualTo(issued.certificate());
        assertThat(found.privateKey().getEncoded())
                .isEqualTo(issued.privateKey().getEncoded());
        assertThat(X509Identity.of(found.certificate()).hasAdminOu()).isTrue();
        Path key = dataDir.resolve("msp/EastMSP/members/Admin@EastMSP.key");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key)))
                .isEqualTo("rw-------");
        assertThat(store.find(IdentityStore.EAST, "nobody")).isEmpty();
        assertThatThrownBy(() -> store.issue(IdentityStore.EAST, "Admin@EastMSP", NodeOu.ADMIN))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("exists already");
    }

    @Test
    void a_revoked_certificate_is_on_its_cas_crl_which_outlives_a_restart_and_names_no_other() throws Exception {
        IdentityStore store = IdentityStore.open(dataDir, CLOCK);
        Member leaving = store.issue(IdentityStore.NORTH, "leaving", NodeOu.CLIENT);
        Member staying = store.issue(IdentityStore.NORTH, "staying", NodeOu.CLIENT);

        store.revoke(IdentityStore.NORTH, leaving.certificate().getSerialNumber(), "keycompromise");
        store.revoke(IdentityStore.NORTH, leaving.certificate().getSerialNumber(), "keycompromise");

        IdentityStore reopened = IdentityStore.open(dataDir, CLOCK);
        assertThat(reopened.isRevoked(leaving)).isTrue();
        assertThat(reopened.isRevoked(staying)).isFalse();
        var crl = (java.security.cert.X509CRL) java.security.cert.CertificateFactory.getInstance("X.509")
                .generateCRL(Files.newInputStream(dataDir.resolve("msp/NorthMSP/crl.pem")));
        crl.verify(reopened.authority(IdentityStore.NORTH).certificate().getPublicKey());
        assertThat(crl.getRevokedCertificates()).hasSize(1);
        assertThatThrownBy(() ->
                        store.revoke(IdentityStore.NORTH, staying.certificate().getSerialNumber(), "why"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reasonCode");
    }

    @Test
    void names_that_are_not_plain_file_names_and_unknown_msps_are_refused() {
        IdentityStore store = IdentityStore.open(dataDir, CLOCK);

        assertThatThrownBy(() -> store.issue(IdentityStore.NORTH, "../escape", NodeOu.CLIENT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("name");
        assertThatThrownBy(() -> store.issue("WestMSP", "x", NodeOu.CLIENT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("WestMSP");
    }

    @Test
    void opening_existing_identities_refuses_an_empty_data_directory() {
        assertThatThrownBy(() -> IdentityStore.openExisting(dataDir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("NorthMSP");
    }
}
