package io.github.jdaboot.discord;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.jdaboot.DiscordBotApplication;
import io.github.jdaboot.emulator.DiscordEmulator;
import io.github.jdaboot.emulator.EmulatedMessage;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.sharding.ShardManager;
import org.assertj.core.api.AbstractThrowableAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/**
 * Starting and stopping the real application against the Discord emulator: the ready line, the
 * clear failures for a missing or rejected token and for refused intents, and no retry loops.
 */
@ExtendWith(OutputCaptureExtension.class)
@DisplayName("Startup and fatal closes")
class DiscordStartupTests {

    private static final String TOKEN = "startup-test-token.ZXhhbXBsZQ";

    private DiscordEmulator discord;

    private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

    @BeforeEach
    void startEmulator() {
        this.discord = DiscordEmulator.builder().token(TOKEN).build().start();
    }

    @AfterEach
    void stop() {
        this.contexts.forEach(ConfigurableApplicationContext::close);
        this.discord.close();
    }

    @Test
    @DisplayName("when ready it logs 'Logged on as <bot>', answers, and never logs the token")
    void logsLoggedOnAs(CapturedOutput output) {
        run("--discord.token=" + TOKEN);

        assertThat(output).contains("Logged on as IdeaBot");
        EmulatedMessage asked = this.discord.userSays(this.discord.channel("general"), this.discord.user("alice"), ".idea");
        this.discord.awaitReply(asked, Duration.ofSeconds(10));
        assertThat(output.getAll()).doesNotContain(TOKEN);
    }

    @Test
    @DisplayName("the token can come from a file, surrounding whitespace ignored")
    void tokenFromFile(@TempDir Path directory, CapturedOutput output) throws Exception {
        Path tokenFile = Files.writeString(directory.resolve(".token"), "\n  " + TOKEN + "  \n");

        run("--discord.token-file=" + tokenFile);

        assertThat(output).contains("Logged on as IdeaBot");
    }

    @Test
    @DisplayName("no token: startup fails with one line saying what to set, and Discord is never contacted")
    void missingToken(CapturedOutput output) {
        assertThatStartupFailure(() -> run("--discord.token="))
            .hasMessage("No Discord bot token is configured: set the DISCORD_TOKEN environment variable, the"
                    + " discord.token property, or discord.token-file to a file that holds the token.");
        assertThat(output).contains("No Discord bot token is configured: set the DISCORD_TOKEN environment variable");
        assertThat(this.discord.requests()).isEmpty();
        assertThat(this.discord.identifyCount()).isZero();
    }

    @Test
    @DisplayName("a token REST rejects (401): startup fails with a clear message and does not retry")
    void restRejectsToken(CapturedOutput output) {
        assertThatStartupFailure(() -> run("--discord.token=wrong-token"))
            .hasMessageStartingWith("Discord rejected the bot token (HTTP 401 Unauthorized): set the DISCORD_TOKEN");
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
            .until(() -> this.discord.requests().size() == 1);
        // the shard manager asks for the recommended shard count first, with the token
        assertThat(this.discord.requests().getFirst().route()).isEqualTo("GET /gateway/bot");
        assertThat(this.discord.requests().getFirst().status()).isEqualTo(401);
        assertThat(this.discord.identifyCount()).isZero();
        assertThat(output.getAll()).doesNotContain("wrong-token");
    }

    @Test
    @DisplayName("gateway close 4004 at startup: startup fails with the clear message and no reconnect loop")
    void gatewayRejectsToken() {
        this.discord.failNextIdentifies(1, 4004);

        assertThatStartupFailure(() -> run("--discord.token=" + TOKEN))
            .hasMessageStartingWith("Discord rejected the bot token (gateway close 4004 Authentication failed)");
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6))
            .until(() -> this.discord.identifyCount() == 1 && this.discord.openGatewayConnections() == 0);
    }

    @Test
    @DisplayName("disallowed intents (4014): the message names the intents to enable in the Developer Portal")
    void disallowedIntents() {
        this.discord.allowPrivilegedIntents(false, false, false);

        assertThatStartupFailure(() -> run("--discord.token=" + TOKEN))
            .hasMessageContaining("MESSAGE_CONTENT")
            .hasMessageContaining("gateway close 4014")
            .hasMessageContaining("Developer Portal");
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
            .until(() -> this.discord.identifyCount() == 1);
    }

    @Test
    @DisplayName("a fatal close after startup stops the bot with a clear error and no reconnect")
    void fatalCloseWhileRunning(CapturedOutput output) {
        ConfigurableApplicationContext context = run("--discord.token=" + TOKEN);
        JDA shard = context.getBean(ShardManager.class).getShardById(0);

        this.discord.closeGateway(4004);

        await().atMost(Duration.ofSeconds(10)).until(() -> shard.getStatus() == JDA.Status.SHUTDOWN);
        assertThat(output).contains("Discord shard 0/1 stopped: Discord rejected the bot token (gateway close 4004");
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6))
            .until(() -> this.discord.identifyCount() == 1 && this.discord.resumeCount() == 0);
    }

    @Test
    @DisplayName("a context stopped and started again (as Spring's test context cache does) reconnects and answers")
    void stopAndStartAgain() {
        ConfigurableApplicationContext context = run("--discord.token=" + TOKEN);
        ShardManager shards = context.getBean(ShardManager.class);

        for (int cycle = 1; cycle <= 3; cycle++) {
            context.stop();
            assertThat(shards.getShards()).as("shards after stop %d", cycle).isEmpty();
            await().atMost(Duration.ofSeconds(5)).until(() -> this.discord.openGatewayConnections() == 0);

            context.start();
            JDA shard = shards.getShardById(0);
            assertThat(shard).as("shard 0 after start %d", cycle).isNotNull();
            assertThat(shard.getStatus()).isEqualTo(JDA.Status.CONNECTED);
            EmulatedMessage asked = this.discord.userSays(this.discord.channel("general"), this.discord.user("alice"),
                    ".idea");
            assertThat(this.discord.awaitReply(asked, Duration.ofSeconds(10)).content()).startsWith("Okay, so how about this:");
        }
        assertThat(this.discord.identifyCount()).isEqualTo(4);
    }

    @Test
    @DisplayName("a fatal close while a reply waits out a rate limit: the reply is sent, then the bot stops at once")
    void fatalCloseWithAReplyOnItsWay(CapturedOutput output) {
        ConfigurableApplicationContext context = run("--discord.token=" + TOKEN);
        JDA shard = context.getBean(ShardManager.class).getShardById(0);
        this.discord.rateLimitNext("POST /channels/{channel_id}/messages", 1, Duration.ofSeconds(2), "user");
        EmulatedMessage asked = this.discord.userSays(this.discord.channel("general"), this.discord.user("alice"), ".idea");
        await().atMost(Duration.ofSeconds(10))
            .until(() -> this.discord.requests().stream().anyMatch((request) -> request.status() == 429));

        this.discord.closeGateway(4004);

        // JDA alone finishes the stop at its next bucket cleanup, up to 30 s later; the retry is due in 2 s
        await().atMost(Duration.ofSeconds(12)).until(() -> shard.getStatus() == JDA.Status.SHUTDOWN);
        assertThat(this.discord.repliesTo(asked)).hasSize(1);
        assertThat(output).contains("Discord shard 0/1 stopped: Discord rejected the bot token (gateway close 4004");
    }

    @Test
    @DisplayName("close 4012, which JDA alone would retry forever, also stops the bot")
    void invalidApiVersionIsFatal(CapturedOutput output) {
        ConfigurableApplicationContext context = run("--discord.token=" + TOKEN);
        JDA shard = context.getBean(ShardManager.class).getShardById(0);

        this.discord.closeGateway(4012);

        await().atMost(Duration.ofSeconds(10)).until(() -> shard.getStatus() == JDA.Status.SHUTDOWN);
        assertThat(output).contains("gateway close 4012 Invalid API version");
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6))
            .until(() -> this.discord.identifyCount() == 1 && this.discord.resumeCount() == 0);
    }

    /** The {@link DiscordStartupException} behind a failed start, whatever Spring wrapped it in. */
    private static AbstractThrowableAssert<?, ? extends Throwable> assertThatStartupFailure(ThrowingCallable start) {
        Throwable failure = catchThrowable(start);
        Throwable cause = failure;
        while (cause != null && !(cause instanceof DiscordStartupException)) {
            cause = cause.getCause();
        }
        assertThat(cause).as("a DiscordStartupException behind %s", failure).isNotNull();
        return assertThat(cause);
    }

    private ConfigurableApplicationContext run(String... args) {
        List<String> all = new ArrayList<>(List.of("--discord.rest-url=" + this.discord.restUrl(),
                "--discord.gateway-url=" + this.discord.gatewayUrl(), "--discord.startup-timeout=20s"));
        all.addAll(List.of(args));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(DiscordBotApplication.class)
            .web(WebApplicationType.NONE)
            .run(all.toArray(String[]::new));
        this.contexts.add(context);
        return context;
    }
}
