package io.github.jdaboot.scaleout;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import io.github.jdaboot.emulator.DiscordEmulator;
import io.github.jdaboot.emulator.EmulatedChannel;
import io.github.jdaboot.emulator.EmulatedUser;
import io.github.jdaboot.emulator.World;
import io.github.jdaboot.testing.Program;
import io.github.jdaboot.testing.RedisSentinels;
import io.github.jdaboot.testing.RequiresPrograms;
import io.github.jdaboot.testing.Timeouts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Three processes of the packaged jar share 12 shards through Redis with Sentinel, as in
 * {@code deploy/redis-sentinel.yaml}: a primary and a replica ({@code redis-server}) and
 * three Sentinels (Debian's {@code redis-sentinel}), the processes configured with the
 * Sentinels' addresses only. The primary is killed while a user in each of the 12 guilds
 * asks for an idea once a second; the Sentinels promote the replica and the processes
 * follow it. The figures go to {@code target/scale-out/sentinel.md}. Run by
 * {@code ./mvnw -Pfaults verify}.
 */
@Tag("faults")
@DisplayName("Redis with Sentinel failing over under traffic")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@RequiresPrograms({ Program.REDIS_SERVER, Program.REDIS_SENTINEL })
class SentinelFailoverIT {

    private static final int SHARDS = 12;

    private final Path directory = Path.of("target", "scale-out", "sentinel");

    private RedisSentinels redis;

    private DiscordEmulator discord;

    private Fleet fleet;

    private IdeaTraffic traffic;

    private final StringBuilder summary = new StringBuilder();

    @BeforeAll
    void startFleet() throws Exception {
        Files.createDirectories(this.directory);
        this.redis = RedisSentinels.start(this.directory);
        this.discord = DiscordEmulator.builder().shards(SHARDS).sessionStartLimit(1000, 1000, 3).build().start();
        // as in ScaleOutFaultsIT: room in each channel to catch up after a delay
        this.discord.rest().rateLimit("POST /channels/{channel_id}/messages", 10, Duration.ofSeconds(5));
        World world = this.discord.world();
        EmulatedUser alice = world.user("alice");
        Map<Integer, EmulatedChannel> channels = IdeaTraffic.channelPerShard(world, alice, SHARDS);
        this.fleet = Fleet.direct(this.directory, this.discord, this.redis.url(), 3);
        for (int i = 0; i < 3; i++) {
            this.fleet.launch(SHARDS);
        }
        this.fleet.awaitSteady(SHARDS, Fleet.steadyTimeout());
        this.traffic = new IdeaTraffic(world, alice, channels);
    }

    @AfterAll
    void stopFleet() throws Exception {
        if (this.traffic != null) {
            this.traffic.close();
        }
        if (this.fleet != null) {
            this.fleet.close();
        }
        this.discord.close();
        this.redis.close();
        Files.writeString(this.directory.resolve("../sentinel.md"), this.summary);
    }

    @Test
    @DisplayName("the primary killed: the replica is promoted, the processes follow, nothing lost or answered twice")
    void failover() throws Exception {
        await("traffic answered before the failover").atMost(Timeouts.ANSWER)
            .until(() -> this.traffic.mark() >= 3 * SHARDS);
        int mark = this.traffic.mark();
        int identifies = this.discord.gateway().identifyCount();
        this.redis.primary().kill();
        long killed = System.nanoTime();
        await("the Sentinels promote the replica").atMost(Timeouts.RECOVERY)
            .pollInterval(Duration.ofMillis(100))
            .until(this.redis::replicaPromoted);
        double promoted = seconds(killed);
        await("every process reaches the new primary").atMost(Timeouts.RECOVERY)
            .pollInterval(Duration.ofMillis(200))
            .until(() -> this.fleet.running()
                .stream()
                .allMatch((process) -> process.coordination()
                    .path("details")
                    .path("redis")
                    .path("reachable")
                    .asBoolean(false)));
        double reconnected = seconds(killed);
        this.fleet.awaitSteady(SHARDS, Fleet.steadyTimeout());
        int after = this.traffic.mark();
        await("ten more seconds of traffic on the new primary").atMost(Timeouts.ANSWER)
            .until(() -> this.traffic.mark() >= after + 10 * SHARDS);
        IdeaTraffic.Outcome outcome = this.traffic.since(mark, Timeouts.RECOVERY, Timeouts.QUIET);
        this.summary.append("| Sentinel failover (3 processes, 12 shards; 12 `.idea`/s throughout) | Value |\n")
            .append("| --- | ---: |\n")
            .append(String.format(Locale.ROOT, "| primary killed (SIGKILL) to replica promoted | %.1f s |%n", promoted))
            .append(String.format(Locale.ROOT, "| ... to every process reaching the new primary | %.1f s |%n",
                    reconnected))
            .append(String.format(Locale.ROOT, "| `.idea` asked / lost / answered twice | %d / %d / %d |%n",
                    outcome.asked(), outcome.lost(), outcome.twice()))
            .append(String.format(Locale.ROOT, "| slowest answer | %.1f s |%n", outcome.slowestAnswer()))
            .append(String.format(Locale.ROOT, "| IDENTIFYs | %d |%n",
                    this.discord.gateway().identifyCount() - identifies));
        assertThat(outcome.lost()).as("lost (%s): %s", outcome.describe(), outcome.unanswered()).isZero();
        assertThat(outcome.twice()).as("answered twice (%s): %s", outcome.describe(), outcome.doubled()).isZero();
        assertThat(this.discord.gateway().identifyCount()).as("IDENTIFYs during the failover").isEqualTo(identifies);
    }

    private static double seconds(long sinceNanos) {
        return (System.nanoTime() - sinceNanos) / 1e9;
    }

}
