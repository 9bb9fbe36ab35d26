package org.metroledger.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every request of the OpenAPI document sent with only its required fields, by every role: an
 * optional field left out is the caller's right, never a fault of ours (a 5xx).
 */
class OptionalFieldsOmittedTest extends Scenario {
    private static final List<String> CALLERS =
            List.of(Cast.NORTH_ADMIN, Cast.NORTH_LAB, Cast.NORTH_INSPECTOR, Cast.NORTH_ENTITY);

    @Override
    void prepare() {
        registerWorld();
    }

    @Test
    void no_request_with_every_optional_field_omitted_answers_5xx() {
        OpenApiOperations operations = new OpenApiOperations(ns.code());
        List<String> faults = new ArrayList<>();
        int sent = 0;
        for (OpenApiOperations.Operation operation : operations.all()) {
            if (!operation.hasJsonBody()) {
                continue;
            }
            for (String caller : CALLERS) {
                Http.Answer answer = http.send(
                        operation.method(),
                        operation.path(),
                        token(caller),
                        Buffer.buffer(operation.body().encode()),
                        "application/json");
                sent++;
                if (answer.status() >= 500) {
                    faults.add(operation + " as " + caller + " with "
                            + operation.body().encode() + ": " + answer);
                }
            }
        }
        assertThat(sent).isGreaterThan(50);
        assertThat(faults).isEmpty();
    }
}
