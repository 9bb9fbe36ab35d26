package org.metroledger.chaincode.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.metroledger.chaincode.error.ErrorCode;
import org.metroledger.testbed.TestBed;
import org.metroledger.testbed.TestBed.Refusal;

class RegistryContractTest {
    private final TestBed bed = new TestBed();

    @Test
    void msp_admin_ou_registers_its_own_region() {
        String answer = bed.submit(
                bed.admin(TestBed.NORTH), "registry:RegisterRegion", "{\"name\":\"华北\",\"provinces\":[\"北京\",\"天津\"]}");
        assertThat(answer).contains("\"msp\":\"NorthMSP\"").contains("\"txId\":\"tx000001\"");
        assertThat(bed.evaluate(bed.client(TestBed.EAST, "x"), "registry:GetRegion", "{\"id\":\"NorthMSP\"}"))
                .contains("华北");
    }

    @Test
    void unregistered_client_cannot_register_a_region() {
        assertThatThrownBy(() -> bed.submit(
                        bed.client(TestBed.NORTH, "someone"),
                        "registry:RegisterRegion",
                        "{\"name\":\"x\",\"provinces\":[\"y\"]}"))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.code()).isEqualTo(ErrorCode.FORBIDDEN));
    }

    @Test
    void entity_with_wrong_check_character_is_refused_naming_the_field() {
        assertThatThrownBy(() -> bed.submit(
                        bed.admin(TestBed.NORTH),
                        "registry:RegisterEntity",
                        "{\"id\":\"91110000600037341X\",\"name\":\"n\",\"province\":\"北京\",\"category\":\"MARKET\"}"))
                .isInstanceOfSatisfying(Refusal.class, r -> {
                    assertThat(r.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
                    assertThat(r.getMessage()).contains("id");
                });
    }

    @Test
    void history_of_a_record_never_written_is_not_found_naming_it() {
        assertThatThrownBy(() -> bed.evaluate(
                        bed.admin(TestBed.NORTH), "audit:History", "{\"type\":\"Lab\",\"id\":\"never-written\"}"))
                .isInstanceOfSatisfying(Refusal.class, r -> {
                    assertThat(r.code()).isEqualTo(ErrorCode.NOT_FOUND);
                    assertThat(r.getMessage()).contains("never-written");
                });
    }
}
