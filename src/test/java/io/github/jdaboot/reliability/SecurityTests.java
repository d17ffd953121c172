package io.github.jdaboot.reliability;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.jdaboot.emulator.EmulatedChannel;
import io.github.jdaboot.emulator.EmulatedMessage;
import io.github.jdaboot.emulator.SlashCommand;
import io.github.jdaboot.emulator.World;
import io.github.jdaboot.testing.BotLauncher;
import io.github.jdaboot.testing.Timeouts;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The token stays secret through a full run, Actuator exposes only what it should, and
 * only people run prefix commands unless configured otherwise.
 */
@ExtendWith(OutputCaptureExtension.class)
@DisplayName("Security")
class SecurityTests {

    /** Distinctive, so that any leak is found by a plain search. */
    private static final String TOKEN = "MTQ0NDAwNTc0.security-test.c2VjcmV0LXRva2VuLXZhbHVl";

    private final HttpClient http = HttpClient.newHttpClient();

    @RegisterExtension
    final BotLauncher bot = BotLauncher.withEmulator((emulator) -> emulator.token(TOKEN));

    private ConfigurableApplicationContext context;

    @Test
    @DisplayName("a full run: the token is in no log line and no actuator response; only health, info, prometheus")
    void tokenNeverLeaks(CapturedOutput output) throws Exception {
        run();
        answered(".idea");
        answered(".help");
        answered(".idea " + TOKEN.substring(0, 10));
        world().as("alice").runs(SlashCommand.of("idea")).awaitResponse(Timeouts.ANSWER);
        this.bot.discord()
            .rest()
            .rateLimitNext("POST /channels/{channel_id}/messages", 1, Duration.ofMillis(300), "user");
        answered(".idea");
        this.bot.discord().gateway().close(4000);
        await().until(
                () -> this.bot.discord().gateway().resumeCount() == 1 && this.bot.discord().gateway().hasLiveSession());
        answered(".idea");

        List<String> responses = new ArrayList<>();
        for (String path : List.of("/actuator", "/actuator/health", "/actuator/health/liveness",
                "/actuator/health/readiness", "/actuator/info", "/actuator/prometheus")) {
            var response = get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            responses.add(response.body());
        }
        assertThat(get("/actuator").body()).doesNotContain("/actuator/env", "/actuator/configprops",
                "/actuator/heapdump", "/actuator/loggers");
        for (String path : List.of("/actuator/env", "/actuator/configprops", "/actuator/heapdump",
                "/actuator/threaddump", "/actuator/beans", "/actuator/loggers")) {
            assertThat(get(path).statusCode()).as(path).isEqualTo(404);
        }
        assertThat(responses).noneMatch((body) -> body.contains(TOKEN));
        assertThat(output.getAll()).contains("Logged on as IdeaBot").doesNotContain(TOKEN);
    }

    @Test
    @DisplayName("env and configprops turned on, values shown: the token is still masked")
    void tokenMaskedWhenEndpointsAreExposed() throws Exception {
        run("--management.endpoints.web.exposure.include=*", "--management.endpoint.env.show-values=always",
                "--management.endpoint.configprops.show-values=always");

        String env = get("/actuator/env").body();
        String configprops = get("/actuator/configprops").body();
        String tokenProperty = get("/actuator/env/discord.token").body();

        assertThat(env).contains("discord.token").doesNotContain(TOKEN);
        assertThat(configprops).contains("\"token\"").doesNotContain(TOKEN);
        assertThat(tokenProperty).contains("******").doesNotContain(TOKEN);
        assertThat(configprops).contains("\"restUrl\"")
            .as("other values are shown")
            .contains(this.bot.discord().restUrl());
    }

    @Test
    @DisplayName("bots and webhooks cannot run prefix commands, unless discord.commands.allow-bots is set")
    void botsAndWebhooks() {
        run();
        EmulatedChannel general = world().channel("general");
        EmulatedMessage otherBot = world().as("OtherBot").says(general, ".idea");
        EmulatedMessage webhook = world().webhookSays(general, "Hook", ".idea");
        EmulatedMessage itself = world().as(world().bot()).says(general, ".idea");
        answered(".idea");
        await().during(Duration.ofMillis(500))
            .until(() -> world().repliesTo(otherBot).isEmpty() && world().repliesTo(webhook).isEmpty()
                    && world().repliesTo(itself).isEmpty());
        this.context.close();

        run("--discord.commands.allow-bots=true");
        EmulatedMessage allowedBot = world().as("OtherBot").says(general, ".idea");
        EmulatedMessage allowedHook = world().webhookSays(general, "Hook", ".idea");
        EmulatedMessage stillItself = world().as(world().bot()).says(general, ".idea");
        world().awaitReply(allowedBot, Timeouts.ANSWER);
        world().awaitReply(allowedHook, Timeouts.ANSWER);
        answered(".idea");
        assertThat(world().repliesTo(stillItself)).as("never its own messages").isEmpty();
    }

    private World world() {
        return this.bot.discord().world();
    }

    private void answered(String content) {
        world().awaitReply(world().as("alice").says(world().channel("general"), content), Timeouts.ANSWER);
    }

    private void run(String... args) {
        this.context = this.bot.startServing(args);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        int port = ((WebServerApplicationContext) this.context).getWebServer().getPort();
        return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                BodyHandlers.ofString());
    }

}
