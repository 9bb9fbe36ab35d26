package org.metroledger.chaincode;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The chaincode's allowed dependency directions (docs/ARCHITECTURE.md): what peers run depends
 * on the shim and on itself only, and its packages form layers, never a cycle.
 */
class ArchitectureTest {
    private static final JavaClasses CHAINCODE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.metroledger.chaincode");

    @Test
    void its_packages_have_no_cycle() {
        slices().matching("org.metroledger.chaincode.(**)")
                .should()
                .beFreeOfCycles()
                .check(CHAINCODE);
    }

    @Test
    void what_peers_run_knows_neither_the_simulated_peer_nor_the_gateway() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.metroledger.simulation..", "org.metroledger.gateway..")
                .check(CHAINCODE);
    }
}
