package io.github.jdaboot.discord.coordination;

import io.github.jdaboot.discord.DiscordStartupException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@DisplayName("The shards in IDENTIFY groups, and a fixed range of them")
class ShardGroupsTests {

    @Test
    @DisplayName("groups of max_concurrency shards, the last one possibly shorter")
    void groups() {
        ShardGroups groups = ShardGroups.of(10, 4);
        assertThat(groups.count()).isEqualTo(3);
        assertThat(groups.shards(0)).containsExactly(0, 1, 2, 3);
        assertThat(groups.shards(2)).containsExactly(8, 9);
        assertThat(groups.groupOf(7)).isEqualTo(1);
    }

    @Test
    @DisplayName("discord.shards is taken as given when it is made of whole IDENTIFY groups")
    void explicit() {
        assertThat(ShardGroups.of(12, 4).parse("4-7")).containsExactly(1);
        assertThat(ShardGroups.of(10, 4).parse("4-9")).containsExactly(1, 2);
        assertThat(ShardGroups.of(5, 1).parse("3")).containsExactly(3);
    }

    @Test
    @DisplayName("bad configuration fails with what to set")
    void badConfiguration() {
        assertThat(failure(() -> ShardGroups.of(null, 1))).hasMessageContaining("fixed shard count")
            .extracting(DiscordStartupException::getAction)
            .asString()
            .contains("discord.shards-total");
        assertThat(failure(() -> ShardGroups.of(12, 0))).extracting(DiscordStartupException::getAction)
            .asString()
            .contains("discord.coordination.max-concurrency");
        assertThat(failure(() -> ShardGroups.of(12, 4).parse("2-5"))).hasMessageContaining("splits an IDENTIFY group")
            .extracting(DiscordStartupException::getAction)
            .asString()
            .contains("such as 0-3");
        assertThat(failure(() -> ShardGroups.of(12, 4).parse("9-12")))
            .hasMessageContaining("not a range of the 12 shards");
    }

    private static DiscordStartupException failure(Runnable resolve) {
        return assertThatExceptionOfType(DiscordStartupException.class).isThrownBy(resolve::run).actual();
    }

}
