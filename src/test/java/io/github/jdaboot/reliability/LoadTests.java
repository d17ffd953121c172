package io.github.jdaboot.reliability;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.jdaboot.emulator.DiscordEmulator;
import io.github.jdaboot.emulator.EmulatedChannel;
import io.github.jdaboot.emulator.EmulatedMessage;
import io.github.jdaboot.emulator.EmulatedUser;
import io.github.jdaboot.emulator.World;
import io.github.jdaboot.testing.DiscordBotTest;
import io.github.jdaboot.testing.Timeouts;
import net.dv8tion.jda.api.sharding.ShardManager;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Sustained load with faults, counting what users lost: {@code load.users} users in
 * {@code load.channels} channels send {@code load.messages} {@code .idea} messages as
 * fast as the emulator's rate limits allow, while the gateway is closed once every 1,000
 * messages (alternately with 4000 and without a close frame). The emulator's check of its
 * traffic against Discord's spec is off: it would measure itself. Not part of the fast
 * suite: {@code ./mvnw -Pload test} ({@code -Dload.messages=2000} in CI).
 */
@Tag("load")
@DiscordBotTest(properties = "emulator.traffic-checks=false")
@DisplayName("Load with gateway faults")
class LoadTests {

    private final int messages = Integer.getInteger("load.messages", 10_000);

    private final int userCount = Integer.getInteger("load.users", 100);

    private final int channelCount = Integer.getInteger("load.channels", 20);

    private final DiscordEmulator discord;

    private final World world;

    private final ShardManager shards;

    LoadTests(DiscordEmulator discord, ShardManager shards) {
        this.discord = discord;
        this.world = discord.world();
        this.shards = shards;
    }

    @Test
    @DisplayName("zero lost, zero duplicates")
    void load() {
        int violationsBefore = this.discord.rest().rateLimitViolations();
        this.discord.rest().rateLimit("POST /channels/{channel_id}/messages", 25, Duration.ofSeconds(1));
        this.discord.rest().globalRateLimit(500, Duration.ofSeconds(1));
        List<EmulatedChannel> channels = new ArrayList<>();
        for (int i = 0; i < this.channelCount; i++) {
            channels.add(this.world.addTextChannel(this.world.guild(), "load-" + i));
        }
        List<EmulatedUser> users = new ArrayList<>();
        for (int i = 0; i < this.userCount; i++) {
            users.add(this.world.user("user-" + i));
        }
        await("the bot knows the load channels")
            .until(() -> channels.stream().allMatch((channel) -> this.shards.getTextChannelById(channel.id()) != null));

        List<EmulatedMessage> sent = new ArrayList<>(this.messages);
        AtomicInteger faults = new AtomicInteger();
        long start = System.nanoTime();
        for (int i = 0; i < this.messages; i++) {
            sent.add(this.world.as(users.get(i % users.size())).says(channels.get(i % channels.size()), ".idea"));
            if ((i + 1) % 1000 == 0) {
                if (faults.getAndIncrement() % 2 == 0) {
                    this.discord.gateway().close(4000);
                }
                else {
                    this.discord.gateway().drop();
                }
            }
            if (i % 200 == 199) {
                // the users' pace, not a wait: about what the rate limits allow, so the
                // backlog stays bounded
                UserTraffic.pause(Duration.ofMillis(200L * 1000 / (25L * this.channelCount)));
            }
        }
        Duration sending = Duration.ofNanos(System.nanoTime() - start);
        try {
            await().atMost(Timeouts.scaled(Duration.ofMinutes(10)))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> sent.stream().allMatch((message) -> !this.world.repliesTo(message).isEmpty()));
        }
        catch (ConditionTimeoutException ex) {
            // counted as lost below
        }
        Duration total = Duration.ofNanos(System.nanoTime() - start);
        UserTraffic.watchForSecondReplies(this.world, sent, Timeouts.QUIET);

        int answered = 0;
        int duplicates = 0;
        List<Long> latencies = new ArrayList<>();
        for (EmulatedMessage message : sent) {
            List<EmulatedMessage> replies = this.world.repliesTo(message);
            if (!replies.isEmpty()) {
                answered++;
                latencies.add(Duration.between(message.timestamp(), replies.getFirst().timestamp()).toMillis());
            }
            duplicates += Math.max(0, replies.size() - 1);
        }
        latencies.sort(Long::compare);
        int lost = sent.size() - answered;
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        ReliabilityReport.load("| Load | Value |");
        ReliabilityReport.load("| --- | ---: |");
        ReliabilityReport.load(row("users / channels", this.userCount + " / " + this.channelCount));
        ReliabilityReport.load(row("gateway closes injected", Integer.toString(faults.get())));
        ReliabilityReport.load(row("messages sent", Integer.toString(sent.size())));
        ReliabilityReport.load(row("replies received", Integer.toString(answered)));
        ReliabilityReport.load(row("duplicates", Integer.toString(duplicates)));
        ReliabilityReport.load(row("lost", Integer.toString(lost)));
        ReliabilityReport.load(row("latency p50 / p99 / max", percentile(latencies, 50) + " / "
                + percentile(latencies, 99) + " / " + (latencies.isEmpty() ? "n/a" : latencies.getLast() + " ms")));
        ReliabilityReport.load(row("sent in / all answered in",
                ReliabilityReport.format(sending) + " / " + ReliabilityReport.format(total)));
        ReliabilityReport.load(row("throughput",
                String.format(Locale.ROOT, "%.0f replies/s", answered / Math.max(0.001, total.toMillis() / 1000.0))));
        ReliabilityReport
            .load(row("heap used after the run (bot + emulator + test, after GC)", (heap / (1024 * 1024)) + " MB"));
        int violations = this.discord.rest().rateLimitViolations() - violationsBefore;
        ReliabilityReport.load(row("rate-limit violations", Integer.toString(violations)));
        assertThat(lost).as("lost").isZero();
        assertThat(duplicates).as("duplicates").isZero();
        assertThat(violations).as("requests sent while told to wait").isZero();
    }

    private static String row(String name, String value) {
        return "| " + name + " | " + value + " |";
    }

    private static String percentile(List<Long> sorted, int percentile) {
        if (sorted.isEmpty()) {
            return "n/a";
        }
        int index = Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1);
        return sorted.get(Math.max(0, index)) + " ms";
    }

}
