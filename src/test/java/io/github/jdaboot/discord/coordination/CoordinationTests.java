package io.github.jdaboot.discord.coordination;

import java.time.Duration;
import java.util.Map;

import io.github.jdaboot.emulator.DiscordEmulator;
import io.github.jdaboot.testing.BotLauncher;
import io.github.jdaboot.testing.Program;
import io.github.jdaboot.testing.RedisServer;
import io.github.jdaboot.testing.RequiresPrograms;
import io.github.jdaboot.testing.Timeouts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.awaitility.Awaitility.await;

/**
 * One coordinated bot in this JVM against the emulator and a real Redis: leases and
 * fencing, the session start budget, and Discord's max_concurrency checked at login.
 * (Several processes: {@code ScaleOutIT}.)
 */
@DisplayName("Shards coordinated through Redis, in one process")
@RequiresPrograms(Program.REDIS_SERVER)
class CoordinationTests {

    private static RedisServer redis;

    @RegisterExtension
    final BotLauncher bot = BotLauncher.withEmulator((emulator) -> emulator.sessionStartLimit(1000, 12, 2));

    @BeforeAll
    static void startRedis() throws Exception {
        redis = RedisServer.start();
    }

    @AfterAll
    static void stopRedis() throws Exception {
        redis.close();
    }

    private ConfigurableApplicationContext start(String prefix, String... args) {
        String[] all = new String[args.length + 3];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--discord.coordination.redis-url=" + redis.url();
        all[args.length + 1] = "--discord.coordination.key-prefix=" + prefix;
        all[args.length + 2] = "--discord.coordination.max-concurrency=2";
        return this.bot.start(all);
    }

    @Test
    @DisplayName("a lease taken by another process shuts its shard down at once; the shard returns when the lease is free")
    void fencing() {
        ConfigurableApplicationContext context = start("fencing", "--discord.shards-total=2", "--discord.shards=0-1",
                "--discord.coordination.lease-ttl=3s", "--discord.coordination.identify-reserve=0");
        DiscordEmulator discord = this.bot.discord();
        StringRedisTemplate redis = context.getBean(StringRedisTemplate.class);
        HealthIndicator health = context.getBean("discordCoordinationHealthIndicator", HealthIndicator.class);
        await().atMost(Timeouts.RECOVERY)
            .until(() -> discord.gateway().liveSessions(0) == 1 && discord.gateway().liveSessions(1) == 1
                    && health.health().getStatus().equals(Status.UP));
        assertThat(redis.getExpire("fencing:shard:1")).isPositive();

        redis.opsForValue().set("fencing:shard:1", "another process", Duration.ofMinutes(1));
        await().atMost(Timeouts.ANSWER).until(() -> discord.gateway().liveSessions(1) == 0);
        assertThat(discord.gateway().liveSessions(0)).isOne();
        assertThat(leases(health.health())).containsEntry("1", "LOST").containsEntry("0", "HELD");
        assertThat(health.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);

        redis.delete("fencing:shard:1");
        await().atMost(Timeouts.RECOVERY)
            .until(() -> discord.gateway().liveSessions(1) == 1 && health.health().getStatus().equals(Status.UP));
        assertThat(discord.gateway().duplicateSessions()).isZero();
        assertThat(discord.gateway().identifyRateViolations()).isZero();
    }

    @Test
    @DisplayName("at the session start budget's reserve, shards stop identifying and health says so")
    void budget() {
        ConfigurableApplicationContext context = start("budget", "--discord.shards-total=4", "--discord.shards=0-3",
                "--discord.coordination.identify-reserve=10");
        DiscordEmulator discord = this.bot.discord();
        HealthIndicator health = context.getBean("discordCoordinationHealthIndicator", HealthIndicator.class);

        await().atMost(Timeouts.RECOVERY)
            .until(() -> health.health().getStatus().equals(Status.OUT_OF_SERVICE)
                    && health.health().getDetails().containsKey("reason")
                    && health.health().getDetails().get("reason").toString().contains("session start budget"));
        assertThat(discord.gateway().identifyCount()).isEqualTo(2);
        assertThat(discord.gateway().sessionStartsLeft()).isEqualTo(10);
        assertThat(health.health().getDetails().get("identifyBudget")).isEqualTo(Map.of("left", 10, "reserve", 10));
    }

    @Test
    @DisplayName("a max_concurrency other than Discord's fails the start with what to set")
    void maxConcurrencyChecked() {
        assertThatException().isThrownBy(() -> this.bot.start("--discord.coordination.redis-url=" + redis.url(),
                "--discord.coordination.key-prefix=concurrency", "--discord.shards-total=2", "--discord.shards=0-1"))
            .havingRootCause()
            .withMessageContaining(
                    "Discord's max_concurrency for this bot is 2, but discord.coordination.max-concurrency is 1");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> leases(Health health) {
        return (Map<String, String>) health.getDetails().get("leases");
    }

}
