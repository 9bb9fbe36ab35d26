package org.metroledger.chaincode.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.util.HashSet;
import java.util.Set;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.hyperledger.fabric.shim.ledger.CompositeKey;
import org.junit.jupiter.api.Test;

/** Record keys are remembered by type and id: a remembered key is the one the shim builds. */
class RecordStoreKeyTest {
    /** A stub that only builds composite keys, as the shim does. */
    private static RecordStore store() {
        ChaincodeStub stub = (ChaincodeStub) Proxy.newProxyInstance(
                ChaincodeStub.class.getClassLoader(), new Class<?>[] {ChaincodeStub.class}, (proxy, method, args) -> {
                    if (method.getName().equals("createCompositeKey")) {
                        return new CompositeKey((String) args[0], (String[]) args[1]);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        return new RecordStore(stub);
    }

    @Test
    void a_remembered_key_is_the_shims_key_and_every_type_and_id_has_its_own() {
        Set<String> keys = new HashSet<>();
        for (int round = 0; round < 2; round++) {
            RecordStore store = store();
            for (String type : new String[] {"certificate", "lab", "standard"}) {
                for (int i = 0; i < 500; i++) {
                    String id = "ID-" + i;
                    String key = store.key(type, id);
                    assertThat(key).isEqualTo(new CompositeKey(type, id).toString());
                    keys.add(key);
                }
            }
        }
        assertThat(keys).hasSize(1_500);
        assertThat(store().key("lab", "ab")).isNotEqualTo(store().key("la", "bab"));
    }

    @Test
    void a_segment_the_shim_refuses_is_refused_on_every_call() {
        RecordStore store = store();
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> store.key("certificate", "bad\u0000id")).isInstanceOf(RuntimeException.class);
        }
    }
}
