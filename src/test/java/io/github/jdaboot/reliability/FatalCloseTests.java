package io.github.jdaboot.reliability;

import java.time.Duration;

import io.github.jdaboot.DiscordBotApplication;
import io.github.jdaboot.emulator.DiscordEmulator;
import io.github.jdaboot.emulator.EmulatedMessage;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.sharding.ShardManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every close code after which Discord will not take the session back: the bot stops at once, health
 * is DOWN with the reason, liveness fails, and nothing retries. JDA knows no 4012; it is fatal here too.
 */
@DisplayName("Fatal closes while running")
class FatalCloseTests {

    private DiscordEmulator discord;

    private ConfigurableApplicationContext context;

    @BeforeEach
    void start() {
        this.discord = DiscordEmulator.builder().build().start();
        this.context = new SpringApplicationBuilder(DiscordBotApplication.class).web(WebApplicationType.NONE)
            .run("--discord.token=" + this.discord.token(), "--discord.rest-url=" + this.discord.restUrl(),
                    "--discord.gateway-url=" + this.discord.gatewayUrl());
    }

    @AfterEach
    void stop() {
        this.context.close();
        this.discord.close();
    }

    @ParameterizedTest(name = "close {0}")
    @ValueSource(ints = { 4004, 4010, 4011, 4012, 4013, 4014 })
    @DisplayName("the bot stops, health is DOWN with the reason, no retry")
    void fatalClose(int code) {
        JDA shard = this.context.getBean(ShardManager.class).getShardById(0);
        HealthIndicator health = this.context.getBean("discordHealthIndicator", HealthIndicator.class);
        EmulatedMessage before = this.discord.userSays(this.discord.channel("general"), this.discord.user("alice"),
                ".idea");
        this.discord.awaitReply(before, Duration.ofSeconds(10));
        long fault = System.nanoTime();

        this.discord.closeGateway(code);

        await().atMost(Duration.ofSeconds(10)).until(() -> shard.getStatus() == JDA.Status.SHUTDOWN);
        Duration stopped = Duration.ofNanos(System.nanoTime() - fault);
        Health down = health.health();
        assertThat(down.getStatus()).isEqualTo(Status.DOWN);
        assertThat(down.getDetails()).containsEntry("closeCode", code);
        assertThat((String) down.getDetails().get("reason")).contains("gateway close " + code);
        assertThat(this.context.getBean(ApplicationAvailability.class).getLivenessState())
            .isEqualTo(LivenessState.BROKEN);
        EmulatedMessage after = this.discord.userSays(this.discord.channel("general"), this.discord.user("alice"),
                ".idea");
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6))
            .until(() -> this.discord.identifyCount() == 1 && this.discord.resumeCount() == 0
                    && this.discord.openGatewayConnections() == 0);
        assertThat(this.discord.repliesTo(after)).as("a stopped bot answers nothing").isEmpty();
        ReliabilityReport.fault("fatal close " + code + ": stopped, no retry (" + this.discord.identifyCount()
                + " IDENTIFY, " + this.discord.resumeCount() + " RESUME)", 0, 0, 0, 0,
                "stopped in " + ReliabilityReport.format(stopped));
    }
}
