package io.github.jdaboot.discord;

import java.util.EnumSet;

import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.sharding.DefaultShardManagerBuilder;
import net.dv8tion.jda.api.sharding.ShardManager;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web server starts before the bot logs in, so Actuator can be asked before JDA has
 * any shard (seen in the container test: {@code getShardCache()} is still {@code null}
 * then). A real, not yet logged-in shard manager; nothing here connects.
 */
@DisplayName("Health and info before the bot has logged in")
class DiscordHealthBeforeLoginTests {

    private final ShardManager shardManager = DefaultShardManagerBuilder
        .createLight("not-logged-in", EnumSet.of(GatewayIntent.GUILD_MESSAGES))
        .build(false);

    @AfterEach
    void shutdown() {
        this.shardManager.shutdown();
    }

    @Test
    @DisplayName("health is OUT_OF_SERVICE, not an error")
    void healthIsOutOfService() {
        DiscordConnectionTracker tracker = new DiscordConnectionTracker(EnumSet.noneOf(GatewayIntent.class),
                (event) -> {
                });
        DiscordHealthContributor contributor = new DiscordHealthContributor(this.shardManager, tracker,
                new DiscordProperties().getHealth(), null);

        assertThat(contributor.stream()).singleElement().satisfies((entry) -> {
            assertThat(entry.name()).isEqualTo("connection");
            Health health = ((HealthIndicator) entry.contributor()).health();
            assertThat(health.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
            assertThat(health.getDetails()).containsEntry("status", "not connected yet");
        });
        assertThat(contributor.getContributor("shard-0")).isNull();
    }

    @Test
    @DisplayName("info shows the JDA version and no bot yet")
    void infoHasNoBotYet() {
        Info.Builder builder = new Info.Builder();
        new DiscordInfoContributor(this.shardManager, new DiscordProperties().getInvitePermissions())
            .contribute(builder);

        assertThat(builder.build().getDetails().get("discord"))
            .asInstanceOf(InstanceOfAssertFactories.map(String.class, Object.class))
            .containsKey("jdaVersion")
            .doesNotContainKey("bot");
    }

}
