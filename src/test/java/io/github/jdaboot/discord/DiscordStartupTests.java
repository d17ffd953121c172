package io.github.jdaboot.discord;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.github.jdaboot.emulator.DiscordEmulator;
import io.github.jdaboot.emulator.EmulatedMessage;
import io.github.jdaboot.testing.BotLauncher;
import io.github.jdaboot.testing.Timeouts;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.sharding.ShardManager;
import org.assertj.core.api.AbstractThrowableAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/**
 * Starting and stopping the real application against the Discord emulator: the ready
 * line, the clear failures for a missing or rejected token and for refused intents, and
 * no retry loops.
 */
@ExtendWith(OutputCaptureExtension.class)
@DisplayName("Startup and fatal closes")
class DiscordStartupTests {

    private static final String TOKEN = "startup-test-token.ZXhhbXBsZQ";

    @RegisterExtension
    final BotLauncher bot = BotLauncher.withEmulator((emulator) -> emulator.token(TOKEN));

    private DiscordEmulator discord;

    @BeforeEach
    void emulator() {
        this.discord = this.bot.discord();
    }

    @Test
    @DisplayName("when ready it logs 'Logged on as <bot>', answers, and never logs the token")
    void logsLoggedOnAs(CapturedOutput output) {
        run("--discord.token=" + TOKEN);

        assertThat(output).contains("Logged on as IdeaBot");
        EmulatedMessage asked = this.discord.world().as("alice").says(this.discord.world().channel("general"), ".idea");
        this.discord.world().awaitReply(asked, Timeouts.ANSWER);
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
    @DisplayName("the token can come from a mounted secret through Spring Boot's configtree: import")
    void tokenFromConfigTree(@TempDir Path directory, CapturedOutput output) throws Exception {
        Files.createDirectories(directory.resolve("discord"));
        Files.writeString(directory.resolve("discord/token"), TOKEN + "\n");

        run("--spring.config.import=configtree:" + directory + "/");

        assertThat(output).contains("Logged on as IdeaBot");
        assertThat(output.getAll()).doesNotContain(TOKEN);
    }

    @Test
    @DisplayName("no token: startup fails with one line saying what to set, and Discord is never contacted")
    void missingToken(CapturedOutput output) {
        assertThatStartupFailure(() -> run("--discord.token="))
            .hasMessage("No Discord bot token is configured: set the DISCORD_TOKEN environment variable, the"
                    + " discord.token property, or discord.token-file to a file that holds the token.");
        assertThat(output).contains("No Discord bot token is configured: set the DISCORD_TOKEN environment variable");
        assertThat(this.discord.rest().requests()).isEmpty();
        assertThat(this.discord.gateway().identifyCount()).isZero();
    }

    @Test
    @DisplayName("a token REST rejects (401): startup fails with a clear message and does not retry")
    void restRejectsToken(CapturedOutput output) {
        assertThatStartupFailure(() -> run("--discord.token=wrong-token"))
            .hasMessage("Discord rejected the bot token (HTTP 401 Unauthorized): set a valid token in the DISCORD_TOKEN"
                    + " environment variable, the discord.token property, or the file named by discord.token-file.");
        await().during(Timeouts.QUIET).until(() -> this.discord.rest().requests().size() == 1);
        // the shard manager asks for the recommended shard count first, with the token
        assertThat(this.discord.rest().requests().getFirst().route()).isEqualTo("GET /gateway/bot");
        assertThat(this.discord.rest().requests().getFirst().status()).isEqualTo(401);
        assertThat(this.discord.gateway().identifyCount()).isZero();
        assertThat(output.getAll()).doesNotContain("wrong-token");
    }

    @Test
    @DisplayName("gateway close 4004 at startup: startup fails with the clear message and no reconnect loop")
    void gatewayRejectsToken() {
        this.discord.gateway().failNextIdentifies(1, 4004);

        assertThatStartupFailure(() -> run("--discord.token=" + TOKEN))
            .hasMessageStartingWith("Discord rejected the bot token (gateway close 4004 Authentication failed)");
        await().during(Timeouts.QUIET)
            .until(() -> this.discord.gateway().identifyCount() == 1 && this.discord.gateway().openConnections() == 0);
    }

    @Test
    @DisplayName("disallowed intents (4014): the message names the intents to enable in the Developer Portal")
    void disallowedIntents() {
        this.discord.gateway().allowPrivilegedIntents(false, false, false);

        assertThatStartupFailure(() -> run("--discord.token=" + TOKEN)).hasMessageContaining("MESSAGE_CONTENT")
            .hasMessageContaining("gateway close 4014")
            .hasMessageContaining("Developer Portal");
        await().during(Timeouts.QUIET).until(() -> this.discord.gateway().identifyCount() == 1);
    }

    @Test
    @DisplayName("a fatal close after startup stops the bot with a clear error and no reconnect")
    void fatalCloseWhileRunning(CapturedOutput output) {
        ConfigurableApplicationContext context = run("--discord.token=" + TOKEN);
        JDA shard = context.getBean(ShardManager.class).getShardById(0);

        this.discord.gateway().close(4004);

        await().until(() -> shard.getStatus() == JDA.Status.SHUTDOWN);
        assertThat(output).contains("Discord shard 0/1 stopped: Discord rejected the bot token (gateway close 4004");
        await().during(Timeouts.QUIET)
            .until(() -> this.discord.gateway().identifyCount() == 1 && this.discord.gateway().resumeCount() == 0);
    }

    @Test
    @DisplayName("a context stopped and started again (as Spring's test context cache does) reconnects and answers")
    void stopAndStartAgain() {
        ConfigurableApplicationContext context = run("--discord.token=" + TOKEN);
        ShardManager shards = context.getBean(ShardManager.class);

        for (int cycle = 1; cycle <= 3; cycle++) {
            context.stop();
            assertThat(shards.getShards()).as("shards after stop %d", cycle).isEmpty();
            await().until(() -> this.discord.gateway().openConnections() == 0);

            context.start();
            JDA shard = shards.getShardById(0);
            assertThat(shard).as("shard 0 after start %d", cycle).isNotNull();
            assertThat(shard.getStatus()).isEqualTo(JDA.Status.CONNECTED);
            EmulatedMessage asked = this.discord.world()
                .as("alice")
                .says(this.discord.world().channel("general"), ".idea");
            assertThat(this.discord.world().awaitReply(asked, Timeouts.ANSWER).text())
                .startsWith("Okay, so how about this:");
        }
        assertThat(this.discord.gateway().identifyCount()).isEqualTo(4);
    }

    @Test
    @DisplayName("a fatal close while a reply waits out a rate limit: the reply is sent, then the bot stops at once")
    void fatalCloseWithAReplyOnItsWay(CapturedOutput output) {
        ConfigurableApplicationContext context = run("--discord.token=" + TOKEN);
        JDA shard = context.getBean(ShardManager.class).getShardById(0);
        this.discord.rest().rateLimitNext("POST /channels/{channel_id}/messages", 1, Duration.ofSeconds(2), "user");
        EmulatedMessage asked = this.discord.world().as("alice").says(this.discord.world().channel("general"), ".idea");
        await().until(() -> this.discord.rest().requests().stream().anyMatch((request) -> request.status() == 429));

        this.discord.gateway().close(4004);

        // JDA alone finishes the stop at its next bucket cleanup, up to 30 s later; the
        // retry is due in 2 s
        await().atMost(Timeouts.scaled(Duration.ofSeconds(12))).until(() -> shard.getStatus() == JDA.Status.SHUTDOWN);
        assertThat(this.discord.world().repliesTo(asked)).hasSize(1);
        assertThat(output).contains("Discord shard 0/1 stopped: Discord rejected the bot token (gateway close 4004");
    }

    @Test
    @DisplayName("close 4012, which JDA alone would retry forever, also stops the bot")
    void invalidApiVersionIsFatal(CapturedOutput output) {
        ConfigurableApplicationContext context = run("--discord.token=" + TOKEN);
        JDA shard = context.getBean(ShardManager.class).getShardById(0);

        this.discord.gateway().close(4012);

        await().until(() -> shard.getStatus() == JDA.Status.SHUTDOWN);
        assertThat(output).contains("gateway close 4012 Invalid API version");
        await().during(Timeouts.QUIET)
            .until(() -> this.discord.gateway().identifyCount() == 1 && this.discord.gateway().resumeCount() == 0);
    }

    /**
     * The {@link DiscordStartupException} behind a failed start, whatever Spring wrapped
     * it in.
     */
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
        return this.bot.start(args);
    }

}
