package org.metroledger.chaincode.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.hyperledger.fabric.shim.ChaincodeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.metroledger.chaincode.error.ErrorCode;
import org.metroledger.chaincode.error.Fail;

/** A request of the wrong shape is refused naming the field, in words a client can act on. */
class CanonicalReadTest {
    record Item(String name) {}

    record Request(String id, int count, boolean flag, List<Item> items, Item item) {
        Request {
            if ("bad".equals(id)) {
                throw Fail.invalid("id", "must not be 'bad'");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"id\":[1]}                    | id must be text",
                "{\"count\":\"many\"}            | count must be a number",
                "{\"count\":{}}                  | count must be a number",
                "{\"flag\":[]}                   | flag must be true or false",
                "{\"items\":{}}                  | items must be a list",
                "{\"items\":[\"x\"]}             | items[0] must be an object",
                "{\"item\":[]}                   | item must be an object",
                "[1,2]                           | request must be an object",
                "{\"id\":\"bad\",\"count\":1,\"flag\":true} | id must not be 'bad'",
                "{\"id\":\"a\\ud800b\"}          | id holds a lone UTF-16 surrogate (\\ud800 at 1), which is not text",
                "{\"items\":[{\"name\":\"\\udfff\"}]} | items[0].name holds a lone UTF-16 surrogate (\\udfff at 0),"
                        + " which is not text",
                "{\"item\":{\"name\":\"x\\ud83d\"}} | item.name holds a lone UTF-16 surrogate (\\ud83d at 1),"
                        + " which is not text"
            })
    void a_wrong_shape_is_named_without_java_types(String json, String message) {
        assertThatThrownBy(() -> Canonical.read(json.strip(), Request.class))
                .isInstanceOfSatisfying(ChaincodeException.class, e -> {
                    assertThat(Fail.codeOf(e.getPayload(), e.getMessage()).orElse(null))
                            .isEqualTo(ErrorCode.INVALID_ARGUMENT);
                    assertThat(Fail.messageOf(e.getMessage())).isEqualTo(message.strip());
                    assertThat(e.getMessage()).doesNotContain("org.metroledger", "java.", "`");
                });
    }

    @Test
    void a_surrogate_pair_is_text() {
        assertThat(Canonical.read("{\"name\":\"\\ud83d\\ude00\"}", Item.class).name())
                .isEqualTo("\ud83d\ude00");
    }
}
