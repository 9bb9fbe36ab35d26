package org.metroledger.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The gateway's allowed dependency directions (docs/ARCHITECTURE.md): its packages form layers,
 * never a cycle, only the embedded backend and the identities it issues know the simulated peer, and
 * only the ledger backends and {@code failure} read the chaincode's error codes.
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

    /**
     * The chaincode's error codes and {@code Fail} become the API's codes in one place, where the
     * ledger backends read a chaincode refusal and in {@code failure}: everywhere else the gateway
     * refuses with its own {@code ApiFailure}, so no chaincode exception escapes as a 500.
     */
    @Test
    void only_the_ledger_backends_and_failure_read_chaincode_error_codes() {
        noClasses()
                .that()
                .resideOutsideOfPackages("org.metroledger.gateway.ledger..", "org.metroledger.gateway.failure..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.metroledger.chaincode.error..")
                .check(GATEWAY);
    }

    /**
     * One logging facade: gateway code logs through {@code System.Logger}; only serve's
     * {@code ServeLogging} sets the levels of its backend, java.util.logging.
     */
    @Test
    void gateway_code_logs_through_system_logger() {
        noClasses()
                .that()
                .doNotHaveFullyQualifiedName("org.metroledger.gateway.cli.ServeLogging")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("java.util.logging..")
                .check(GATEWAY);
    }
}
