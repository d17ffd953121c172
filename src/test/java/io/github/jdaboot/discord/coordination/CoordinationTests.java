package io.github.jdaboot.discord.coordination;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.jdaboot.emulator.DiscordEmulator;
import io.github.jdaboot.emulator.EmulatedChannel;
import io.github.jdaboot.emulator.EmulatedMessage;
import io.github.jdaboot.emulator.EmulatedUser;
import io.github.jdaboot.emulator.World;
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

import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.awaitility.Awaitility.await;

/**
 * Coordinated bots in this JVM against the emulator and a real Redis: the shards taken in
 * groups with fencing tokens, a lease taken by another process, two processes sharing the
 * shards by handover with every event answered once, the session start budget, and
 * Discord's max_concurrency checked at start. (Processes of the packaged jar, and the
 * faults: {@code ScaleOutIT}, {@code ScaleOutFaultsIT}.)
 */
@DisplayName("Shards coordinated through Redis, in this JVM")
@RequiresPrograms(Program.REDIS_SERVER)
class CoordinationTests {

    private static final String[] TIMING = { "--discord.coordination.lease-ttl=3s",
            "--discord.coordination.lease-margin=600ms", "--discord.coordination.max-concurrency=2" };

    private static RedisServer redis;

    @RegisterExtension
    final BotLauncher bot = BotLauncher.withEmulator((emulator) -> emulator.sessionStartLimit(1000, 1000, 2));

    @BeforeAll
    static void startRedis() throws Exception {
        redis = RedisServer.start();
    }

    @AfterAll
    static void stopRedis() throws Exception {
        redis.close();
    }

    private ConfigurableApplicationContext start(String prefix, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of(TIMING));
        all.add("--discord.coordination.redis-url=" + redis.url());
        all.add("--discord.coordination.key-prefix=" + prefix);
        return this.bot.start(all.toArray(String[]::new));
    }

    private static HealthIndicator health(ConfigurableApplicationContext context) {
        return context.getBean("discordCoordinationHealthIndicator", HealthIndicator.class);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> shards(ConfigurableApplicationContext context) {
        return (Map<String, Map<String, Object>>) health(context).health().getDetails().get("shards");
    }

    private static String role(ConfigurableApplicationContext context, int shard) {
        Map<String, Object> state = shards(context).get(Integer.toString(shard));
        return (state != null) ? state.get("role").toString() : "NONE";
    }

    @Test
    @DisplayName("one process takes every shard once its quiet period is over; each lease carries a fencing token")
    void alone() throws Exception {
        ConfigurableApplicationContext context = start("alone", "--discord.shards-total=4");
        DiscordEmulator discord = this.bot.discord();
        await().atMost(Timeouts.RECOVERY).until(() -> {
            for (int shard = 0; shard < 4; shard++) {
                if (discord.gateway().liveSessions(shard) != 1 || !"OWNER".equals(role(context, shard))) {
                    return false;
                }
            }
            return true;
        });
        assertThat(redis.pttl("alone:shard:4:3")).isPositive();
        await().atMost(Timeouts.ANSWER).until(() -> redis.get("alone:shard:4:3").endsWith("|r"));
        assertThat(redis.get("alone:shard:4:3")).matches("[0-9a-f-]{36}\\|1\\|r");
        assertThat(redis.get("alone:shard:4:3:fence")).isEqualTo("1");
        assertThat(health(context).health().getStatus()).isEqualTo(Status.UP);
        assertThat(discord.gateway().duplicateSessions()).isZero();
        assertThat(discord.gateway().identifyRateViolations()).isZero();
    }

    @Test
    @DisplayName("a lease found taken by another process stops the shard at once; the process takes it over once the lease is free")
    void fencing() throws Exception {
        ConfigurableApplicationContext context = start("fencing", "--discord.shards-total=2");
        DiscordEmulator discord = this.bot.discord();
        HealthIndicator health = health(context);
        await().atMost(Timeouts.RECOVERY)
            .until(() -> discord.gateway().liveSessions(1) == 1 && "OWNER".equals(role(context, 1)));
        long token = ((Number) shards(context).get("1").get("token")).longValue();

        redis.set("fencing:shard:2:1", "another-process|99|r", Duration.ofMinutes(1));
        await().atMost(Timeouts.ANSWER)
            .until(() -> ((Number) health.health().getDetails().get("leasesLost")).intValue() == 1);
        // the plan still gives the group to this process: it waits as successor of the
        // other process, which never hands the shard over
        await().atMost(Timeouts.ANSWER).until(() -> "SUCCESSOR".equals(role(context, 1)));
        assertThat(role(context, 0)).isEqualTo("OWNER");

        redis.delete("fencing:shard:2:1");
        await().atMost(Timeouts.RECOVERY)
            .until(() -> "OWNER".equals(role(context, 1)) && discord.gateway().liveSessions(1) == 1);
        assertThat(health.health().getDetails().get("takeovers")).isEqualTo(1L);
        long taken = ((Number) shards(context).get("1").get("token")).longValue();
        assertThat(taken).isGreaterThan(token);
        assertThat(redis.get("fencing:shard:2:1:fence")).isEqualTo(Long.toString(taken));
        assertThat(discord.gateway().identifyRateViolations()).isZero();
    }

    @Test
    @DisplayName("a second process takes half the groups over, each successor ready before the owner closes, every message answered once")
    void handover() throws Exception {
        DiscordEmulator discord = this.bot.discord();
        World world = discord.world();
        EmulatedUser alice = world.user("alice");
        List<EmulatedChannel> channels = new ArrayList<>();
        for (int shard = 0; shard < 4; shard++) {
            channels.add(world.addTextChannel(world.addGuild("guild-" + shard, alice, shard, 4), "ideas"));
        }
        ConfigurableApplicationContext first = start("handover", "--discord.shards-total=4");
        await().atMost(Timeouts.RECOVERY)
            .until(() -> shards(first).size() == 4
                    && shards(first).values().stream().allMatch((state) -> Boolean.TRUE.equals(state.get("ready"))));

        List<EmulatedMessage> asked = new ArrayList<>();
        AtomicInteger round = new AtomicInteger();
        ConfigurableApplicationContext second = start("handover", "--discord.shards-total=4");
        await().atMost(Timeouts.RECOVERY).pollInterval(Duration.ofSeconds(1)).until(() -> {
            channels.forEach((channel) -> asked.add(world.as(alice).says(channel, ".idea " + round.incrementAndGet())));
            return shards(second).size() == 2 && shards(first).size() == 2
                    && shards(second).values().stream().allMatch((state) -> "OWNER".equals(state.get("role")));
        });
        for (int shard = 0; shard < 4; shard++) {
            assertThat(discord.gateway().liveSessions(shard)).as("live sessions of shard %d", shard).isOne();
        }
        asked.forEach((message) -> world.awaitReply(message, Timeouts.ANSWER));
        assertThat(asked).allSatisfy((message) -> assertThat(world.repliesTo(message)).hasSize(1));
        assertThat(world.repeatedNonces()).isEmpty();
        assertThat(health(first).health().getDetails().get("handovers")).isEqualTo(Map.of("in", 0L, "out", 2L));
        assertThat(health(second).health().getDetails().get("handovers")).isEqualTo(Map.of("in", 2L, "out", 0L));
        assertThat(discord.gateway().identifyRateViolations()).isZero();
    }

    @Test
    @DisplayName("at the session start budget's reserve, shards stop identifying and health says so")
    void budget() {
        ConfigurableApplicationContext context = start("budget", "--discord.shards-total=4",
                "--discord.coordination.identify-reserve=998");
        DiscordEmulator discord = this.bot.discord();
        HealthIndicator health = health(context);
        await().atMost(Timeouts.RECOVERY)
            .until(() -> health.health().getStatus().equals(Status.OUT_OF_SERVICE)
                    && health.health().getDetails().containsKey("reason")
                    && health.health().getDetails().get("reason").toString().contains("session start budget"));
        assertThat(discord.gateway().identifyCount()).isEqualTo(2);
        assertThat(health.health().getDetails().get("identifyBudget")).isEqualTo(Map.of("left", 998, "reserve", 998));
    }

    @Test
    @DisplayName("a max_concurrency other than Discord's fails the start with what to set")
    void maxConcurrencyChecked() {
        assertThatException()
            .isThrownBy(() -> this.bot.start("--discord.coordination.redis-url=" + redis.url(),
                    "--discord.coordination.key-prefix=concurrency", "--discord.shards-total=2"))
            .havingRootCause()
            .withMessageContaining(
                    "Discord's max_concurrency for this bot is 2, but discord.coordination.max-concurrency is 1");
    }

}
