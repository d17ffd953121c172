package io.github.jdaboot.discord;

import java.util.Map;

import io.github.jdaboot.testing.BotLauncher;
import io.github.jdaboot.testing.Timeouts;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.sharding.ShardManager;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With two shards, health has one entry per shard, and the guild is served by the shard Discord
 * routes it to.
 */
@DisplayName("Health of a sharded bot")
class ShardedHealthTests {

    @RegisterExtension
    final BotLauncher bot = BotLauncher.withEmulator();

    @Test
    @DisplayName("two shards: one health entry each, both UP, the guild on its shard")
    @SuppressWarnings("unchecked")
    void twoShards() {
        ConfigurableApplicationContext context = this.bot.start("--discord.shards-total=2");
        ShardManager shards = context.getBean(ShardManager.class);
        HealthIndicator health = context.getBean("discordHealthIndicator", HealthIndicator.class);

        // Discord lets one shard identify every 5 seconds
        await().atMost(Timeouts.RECOVERY).until(() -> shards.getShards().size() == 2
                && shards.getShards().stream().allMatch((shard) -> shard.getStatus() == JDA.Status.CONNECTED)
                && health.health().getStatus().equals(Status.UP));

        Health result = health.health();
        Map<String, Map<String, Object>> perShard = (Map<String, Map<String, Object>>) result.getDetails().get("shards");
        assertThat(perShard).containsOnlyKeys("0", "1");
        assertThat(perShard.values()).allSatisfy((shard) -> assertThat(shard).containsEntry("health", "UP")
            .containsEntry("status", "CONNECTED"));
        int home = (int) ((this.bot.discord().world().guild().id() >>> 22) % 2);
        assertThat(perShard.get(Integer.toString(home))).containsEntry("guilds", 1L);
        assertThat(perShard.get(Integer.toString(1 - home))).containsEntry("guilds", 0L);
        assertThat(result.getDetails()).containsEntry("guilds", 1L);
        assertThat(this.bot.discord().gateway().identifyRateViolations()).isZero();
    }
}
