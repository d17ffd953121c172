package io.github.jdaboot.discord.coordination;

import io.github.jdaboot.discord.DiscordStartupException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@DisplayName("A process's shard range")
class ShardRangeTests {

    private final ShardingProperties properties = new ShardingProperties();

    @Test
    @DisplayName("discord.shards is taken as given when it is made of whole IDENTIFY groups")
    void explicit() {
        this.properties.setShards("4-7");
        this.properties.getCoordination().setMaxConcurrency(4);
        assertThat(ShardRange.resolve(this.properties, 12, null)).isEqualTo(new ShardRange(4, 7, 12));
        this.properties.setShards("8-9");
        assertThat(ShardRange.resolve(this.properties, 10, null)).isEqualTo(new ShardRange(8, 9, 10));
    }

    @Test
    @DisplayName("derived from the replicas and the ordinal, or the hostname's suffix as in a StatefulSet")
    void derived() {
        this.properties.getCoordination().setReplicas(3);
        this.properties.getCoordination().setMaxConcurrency(4);
        assertThat(ShardRange.resolve(this.properties, 12, "discord-bot-0")).isEqualTo(new ShardRange(0, 3, 12));
        assertThat(ShardRange.resolve(this.properties, 12, "discord-bot-2")).isEqualTo(new ShardRange(8, 11, 12));
        this.properties.getCoordination().setOrdinal(1);
        assertThat(ShardRange.resolve(this.properties, 12, "discord-bot-2")).isEqualTo(new ShardRange(4, 7, 12));
        this.properties.getCoordination().setMaxConcurrency(1);
        this.properties.getCoordination().setReplicas(2);
        this.properties.getCoordination().setOrdinal(1);
        assertThat(ShardRange.resolve(this.properties, 5, null)).isEqualTo(new ShardRange(2, 4, 5));
    }

    @Test
    @DisplayName("bad configuration fails with what to set")
    void badConfiguration() {
        assertThat(failure(null, null)).hasMessageContaining("fixed shard count")
            .extracting(DiscordStartupException::getAction)
            .asString()
            .contains("discord.shards-total");
        assertThat(failure(12, null)).extracting(DiscordStartupException::getAction)
            .asString()
            .contains("discord.shards", "discord.coordination.replicas");
        this.properties.getCoordination().setReplicas(3);
        assertThat(failure(12, "bot")).extracting(DiscordStartupException::getAction)
            .asString()
            .contains("discord.coordination.ordinal", "apps.kubernetes.io/pod-index");
        assertThat(failure(12, "bot-3")).hasMessageContaining("ordinal 3 is not below discord.coordination.replicas=3");
        this.properties.getCoordination().setMaxConcurrency(8);
        assertThat(failure(12, "bot-0"))
            .hasMessageContaining("2 IDENTIFY group(s), fewer than discord.coordination.replicas=3")
            .extracting(DiscordStartupException::getAction)
            .asString()
            .contains("discord.shards-total to at least 24");
        this.properties.getCoordination().setMaxConcurrency(4);
        this.properties.setShards("2-5");
        assertThat(failure(12, null)).hasMessageContaining("splits an IDENTIFY group")
            .extracting(DiscordStartupException::getAction)
            .asString()
            .contains("such as 0-3");
        this.properties.setShards("9-12");
        assertThat(failure(12, null)).hasMessageContaining("not a range of the 12 shards");
    }

    private DiscordStartupException failure(Integer total, String hostname) {
        return assertThatExceptionOfType(DiscordStartupException.class)
            .isThrownBy(() -> ShardRange.resolve(this.properties, total, hostname))
            .actual();
    }

}
