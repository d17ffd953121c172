package io.github.jdaboot.reliability;

import java.time.Duration;

import io.github.jdaboot.emulator.DiscordEmulator;
import io.github.jdaboot.emulator.EmulatedMessage;
import io.github.jdaboot.testing.BotLauncher;
import io.github.jdaboot.testing.Timeouts;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.sharding.ShardManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.actuate.endpoint.IndicatedHealthDescriptor;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every close code after which Discord will not take the session back: the bot stops at
 * once, health is DOWN with the reason, liveness fails, and nothing retries. JDA knows no
 * 4012; it is fatal here too.
 */
@DisplayName("Fatal closes while running")
class FatalCloseTests {

    @RegisterExtension
    final BotLauncher bot = BotLauncher.withEmulator();

    private DiscordEmulator discord;

    private ConfigurableApplicationContext context;

    @BeforeEach
    void start() {
        this.discord = this.bot.discord();
        this.context = this.bot.start();
    }

    @ParameterizedTest(name = "close {0}")
    @ValueSource(ints = { 4004, 4010, 4011, 4012, 4013, 4014 })
    @DisplayName("the bot stops, health is DOWN with the reason, no retry")
    void fatalClose(int code) {
        JDA shard = this.context.getBean(ShardManager.class).getShardById(0);
        HealthEndpoint health = this.context.getBean(HealthEndpoint.class);
        EmulatedMessage before = this.discord.world()
            .as("alice")
            .says(this.discord.world().channel("general"), ".idea");
        this.discord.world().awaitReply(before, Timeouts.ANSWER);
        long fault = System.nanoTime();

        this.discord.gateway().close(code);

        await().until(() -> shard.getStatus() == JDA.Status.SHUTDOWN);
        Duration stopped = Duration.ofNanos(System.nanoTime() - fault);
        assertThat(health.healthForPath("discord").getStatus()).isEqualTo(Status.DOWN);
        IndicatedHealthDescriptor down = (IndicatedHealthDescriptor) health.healthForPath("discord", "shard-0");
        assertThat(down.getStatus()).isEqualTo(Status.DOWN);
        assertThat(down.getDetails()).containsEntry("closeCode", code);
        assertThat((String) down.getDetails().get("reason")).contains("gateway close " + code);
        assertThat(this.context.getBean(ApplicationAvailability.class).getLivenessState())
            .isEqualTo(LivenessState.BROKEN);
        EmulatedMessage after = this.discord.world().as("alice").says(this.discord.world().channel("general"), ".idea");
        await().during(Timeouts.QUIET)
            .until(() -> this.discord.gateway().identifyCount() == 1 && this.discord.gateway().resumeCount() == 0
                    && this.discord.gateway().openConnections() == 0);
        assertThat(this.discord.world().repliesTo(after)).as("a stopped bot answers nothing").isEmpty();
        ReliabilityReport.fault(
                "fatal close " + code + ": stopped, no retry (" + this.discord.gateway().identifyCount() + " IDENTIFY, "
                        + this.discord.gateway().resumeCount() + " RESUME)",
                0, 0, 0, 0, "stopped in " + ReliabilityReport.format(stopped));
    }

}
