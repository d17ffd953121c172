package io.github.jdaboot.discord;

import java.util.HashMap;
import java.util.Map;

import io.github.jdaboot.testing.BotLauncher;
import io.github.jdaboot.testing.Timeouts;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.sharding.ShardManager;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.health.actuate.endpoint.CompositeHealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.actuate.endpoint.IndicatedHealthDescriptor;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With two shards, health has one component per shard, and the guild is served by the
 * shard Discord routes it to.
 */
@DisplayName("Health of a sharded bot")
class ShardedHealthTests {

    /**
     * Two IDENTIFY buckets, so the shards start together instead of one 5 s after the
     * other, the wait JDA keeps within a bucket.
     */
    @RegisterExtension
    final BotLauncher bot = BotLauncher.withEmulator((emulator) -> emulator.sessionStartLimit(1000, 1000, 2));

    @Test
    @DisplayName("two shards: one health component each, both UP, the guild on its shard")
    void twoShards() {
        ConfigurableApplicationContext context = this.bot.start("--discord.shards-total=2");
        ShardManager shards = context.getBean(ShardManager.class);
        HealthEndpoint health = context.getBean(HealthEndpoint.class);

        await().atMost(Timeouts.ANSWER)
            .until(() -> shards.getShards().size() == 2
                    && shards.getShards().stream().allMatch((shard) -> shard.getStatus() == JDA.Status.CONNECTED)
                    && health.healthForPath("discord").getStatus().equals(Status.UP));

        CompositeHealthDescriptor discord = (CompositeHealthDescriptor) health.healthForPath("discord");
        assertThat(discord.getComponents()).containsOnlyKeys("shard-0", "shard-1");
        Map<String, Map<String, Object>> perShard = new HashMap<>();
        discord.getComponents().forEach((name, shard) -> {
            assertThat(shard.getStatus()).isEqualTo(Status.UP);
            perShard.put(name, ((IndicatedHealthDescriptor) shard).getDetails());
        });
        assertThat(perShard.values()).allSatisfy((shard) -> assertThat(shard).containsEntry("status", "CONNECTED"));
        int home = (int) ((this.bot.discord().world().guild().id() >>> 22) % 2);
        assertThat(perShard.get("shard-" + home)).containsEntry("guilds", 1L).containsEntry("shard", home + "/2");
        assertThat(perShard.get("shard-" + (1 - home))).containsEntry("guilds", 0L);
        assertThat(this.bot.discord().gateway().identifyRateViolations()).isZero();
    }

}
