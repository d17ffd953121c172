package io.github.jdaboot.reliability;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.jdaboot.emulator.DiscordEmulator;
import io.github.jdaboot.emulator.EmulatedMessage;
import io.github.jdaboot.emulator.GatewayActivity;
import io.github.jdaboot.emulator.World;
import io.github.jdaboot.interaction.annotation.Command;
import io.github.jdaboot.interaction.annotation.Option;
import io.github.jdaboot.testing.BotLauncher;
import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Shutting down while commands run: they finish before the gateway session closes, and
 * when the configured timeout cuts some off, their users are told and the log names them.
 */
@ExtendWith(OutputCaptureExtension.class)
@DisplayName("Graceful shutdown with commands in flight")
class GracefulShutdownTests {

    @RegisterExtension
    final BotLauncher bot = BotLauncher.withEmulator();

    private DiscordEmulator discord;

    private World world;

    @BeforeEach
    void limits() {
        this.discord = this.bot.discord();
        this.world = this.discord.world();
        this.discord.rest().rateLimit("POST /channels/{channel_id}/messages", 100, Duration.ofSeconds(1));
        this.discord.rest().globalRateLimit(200, Duration.ofSeconds(1));
    }

    @Test
    @DisplayName("50 slow commands in flight finish and are answered before the session closes")
    void inFlightCommandsFinish(CapturedOutput output) {
        ConfigurableApplicationContext context = run("--discord.commands.shutdown-timeout=20s");
        List<EmulatedMessage> asked = askForNaps(context, 50, 2);

        long closing = System.nanoTime();
        context.close();
        Duration shutdown = Duration.ofNanos(System.nanoTime() - closing);

        int answered = (int) asked.stream().filter((message) -> this.world.repliesTo(message).size() == 1).count();
        Instant lastReply = asked.stream()
            .flatMap((message) -> this.world.repliesTo(message).stream())
            .map(EmulatedMessage::timestamp)
            .max(Instant::compareTo)
            .orElseThrow();
        ReliabilityReport.fault("shutdown with 50 two-second commands in flight", 50, answered, 0, 50 - answered,
                "shut down in " + ReliabilityReport.format(shutdown));
        assertThat(asked).allSatisfy((message) -> assertThat(this.world.repliesTo(message)).singleElement()
            .satisfies((reply) -> assertThat(reply.content()).isEqualTo("rested 2 s")));
        assertThat(output).contains("Waiting up to PT20S for 50 running command(s) to finish",
                "All running commands finished", "Discord gateway sessions closed");
        assertThat(output.getOut().indexOf("All running commands finished"))
            .isLessThan(output.getOut().indexOf("Closing 1 Discord gateway session(s)"));
        assertThat(this.discord.gateway().events()).filteredOn((event) -> event.kind() == GatewayActivity.CLIENT_CLOSE)
            .singleElement()
            .satisfies((event) -> assertThat(event.code()).isEqualTo(1000));
        assertThat(lastReply).isBefore(Instant.now());
    }

    @Test
    @DisplayName("commands cut off by the shutdown timeout: each user is told, the log names each command")
    void cutOffCommandsAreNotSilent(CapturedOutput output) {
        ConfigurableApplicationContext context = run("--discord.commands.shutdown-timeout=1s");
        List<EmulatedMessage> asked = askForNaps(context, 5, 30);

        context.close();

        assertThat(asked).allSatisfy((message) -> assertThat(this.world.repliesTo(message)).singleElement()
            .satisfies((reply) -> assertThat(reply.content())
                .isEqualTo("Sorry, I'm restarting and could not finish .nap. Please try again in a minute.")));
        assertThat(
                output.getOut().lines().filter((line) -> line.contains("Interrupting .nap: still running after PT1S")))
            .hasSize(5);
        ReliabilityReport.fault("shutdown timeout (1 s) cuts off 5 thirty-second commands", 5,
                (int) asked.stream().filter((message) -> !this.world.repliesTo(message).isEmpty()).count(), 0, 0,
                "each user told, each command logged");
    }

    @Test
    @DisplayName("a reply still waiting out a rate limit when the handler is done is sent before the session closes")
    void repliesOnTheirWayAreSent(CapturedOutput output) {
        ConfigurableApplicationContext context = run("--discord.commands.shutdown-timeout=20s");
        this.discord.rest().rateLimitNext("POST /channels/{channel_id}/messages", 1, Duration.ofSeconds(2), "user");
        EmulatedMessage asked = this.world.as("alice").says(this.world.channel("general"), ".nap 0");
        // the handler has returned and its reply was told to wait: nothing runs, one
        // reply is on its way
        await().until(() -> this.discord.rest()
            .requests()
            .stream()
            .anyMatch((request) -> "POST /channels/{channel_id}/messages".equals(request.route())
                    && request.status() == 429));

        context.close();

        assertThat(this.world.repliesTo(asked)).singleElement()
            .satisfies((reply) -> assertThat(reply.content()).isEqualTo("rested 0 s"));
        assertThat(output).contains("for 0 running command(s) to finish (and for the replies of 1 more)",
                "All running commands finished");
        assertThat(output.getOut().indexOf("All running commands finished"))
            .isLessThan(output.getOut().indexOf("Closing 1 Discord gateway session(s)"));
    }

    private List<EmulatedMessage> askForNaps(ConfigurableApplicationContext context, int count, int seconds) {
        List<EmulatedMessage> asked = new ArrayList<>();
        List<String> channels = List.of("general", "random", "bot-lab");
        for (int i = 0; i < count; i++) {
            asked.add(this.world.as("user" + (i % 10))
                .says(this.world.channel(channels.get(i % channels.size())), ".nap " + seconds));
        }
        MeterRegistry registry = context.getBean(MeterRegistry.class);
        await().until(() -> registry.get("discord.commands.active")
            .tag("command", "nap")
            .longTaskTimers()
            .stream()
            .mapToInt(LongTaskTimer::activeTasks)
            .sum() == count);
        return asked;
    }

    private ConfigurableApplicationContext run(String... args) {
        return this.bot.start(new Class<?>[] { NapCommand.class }, args);
    }

    /** A command that takes its time, like one waiting for another service. */
    static class NapCommand {

        @Command(name = "nap", description = "Rests for a while")
        String nap(@Option(description = "Seconds") int seconds) throws InterruptedException {
            TimeUnit.SECONDS.sleep(seconds);
            return "rested " + seconds + " s";
        }

    }

}
