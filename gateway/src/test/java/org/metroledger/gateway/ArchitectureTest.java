package org.metroledger.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The gateway's allowed dependency directions (docs/ARCHITECTURE.md): its packages form layers,
 * never a cycle, and only the embedded backend and the identities it issues know the simulated peer.
 */
class ArchitectureTest {
    private static final JavaClasses GATEWAY = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.metroledger.gateway");

    @Test
    void its_packages_have_no_cycle() {
        slices().matching("org.metroledger.gateway.(**)")
                .should()
                .beFreeOfCycles()
                .check(GATEWAY);
    }

    @Test
    void only_the_embedded_backend_and_its_identities_know_the_simulated_peer() {
        noClasses()
                .that()
                .resideOutsideOfPackages(
                        "org.metroledger.gateway.ledger.embedded..", "org.metroledger.gateway.identity..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.metroledger.simulation..")
                .check(GATEWAY);
    }
}
