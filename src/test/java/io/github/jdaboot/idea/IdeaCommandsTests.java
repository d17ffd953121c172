package io.github.jdaboot.idea;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("The idea's \"Another\" button id")
class IdeaCommandsTests {

    @Test
    @DisplayName("carries the topic, without colons, within Discord's 100 characters")
    void anotherId() {
        assertThat(IdeaCommands.anotherId(null)).isEqualTo("idea:another");
        assertThat(IdeaCommands.anotherId("  ")).isEqualTo("idea:another");
        assertThat(IdeaCommands.anotherId(":::")).isEqualTo("idea:another");
        assertThat(IdeaCommands.anotherId("board games")).isEqualTo("idea:another:board games");
        assertThat(IdeaCommands.anotherId("a:b")).isEqualTo("idea:another:a b");
        assertThat(IdeaCommands.anotherId("x".repeat(500))).hasSize(100).startsWith("idea:another:xxx");
    }

}
