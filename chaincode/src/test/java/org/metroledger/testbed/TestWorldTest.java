package org.metroledger.testbed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TestWorldTest {
    @Test
    void every_registered_caller_answers_whoami_with_its_role() {
        TestWorld world = new TestWorld();
        assertThat(world.bed.evaluate(world.northLab, "registry:WhoAmI"))
                .contains("\"role\":\"LAB\"")
                .contains("lab-north-1");
        assertThat(world.bed.evaluate(world.northAdmin, "registry:WhoAmI")).contains("\"role\":\"CENTRE_ADMIN\"");
        assertThat(world.bed.evaluate(world.stranger, "registry:WhoAmI")).doesNotContain("\"role\"");
    }
}
