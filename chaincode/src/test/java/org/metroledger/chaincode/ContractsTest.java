package org.metroledger.chaincode;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.classgraph.ClassGraph;
import io.github.classgraph.ScanResult;
import java.util.List;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.junit.jupiter.api.Test;

class ContractsTest {
    /** What a peer's router finds by scanning is what the in-process router registers by name. */
    @Test
    void the_listed_contracts_are_every_contract_a_peer_finds_by_scanning() {
        List<String> scanned;
        try (ScanResult scan = new ClassGraph()
                .enableClassInfo()
                .enableAnnotationInfo()
                .acceptPackages("org.metroledger")
                .scan()) {
            scanned = scan.getClassesWithAnnotation(Contract.class.getName()).getNames();
        }

        assertThat(Contracts.ALL).extracting(Class::getName).containsExactlyInAnyOrderElementsOf(scanned);
    }
}
