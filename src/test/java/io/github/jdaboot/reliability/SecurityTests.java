package io.github.jdaboot.reliability;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.jdaboot.DiscordBotApplication;
import io.github.jdaboot.emulator.DiscordEmulator;
import io.github.jdaboot.emulator.EmulatedMessage;
import io.github.jdaboot.emulator.SlashCommand;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The token stays secret through a full run, Actuator exposes only what it should, and only people
 * run prefix commands unless configured otherwise.
 */
@ExtendWith(OutputCaptureExtension.class)
@DisplayName("Security")
class SecurityTests {

    /** Distinctive, so that any leak is found by a plain search. */
    private static final String TOKEN = "MTQ0NDAwNTc0.security-test.c2VjcmV0LXRva2VuLXZhbHVl";

    private final HttpClient http = HttpClient.newHttpClient();

    private DiscordEmulator discord;

    private ConfigurableApplicationContext context;

    @BeforeEach
    void start() {
        this.discord = DiscordEmulator.builder().token(TOKEN).build().start();
    }

    @AfterEach
    void stop() {
        if (this.context != null) {
            this.context.close();
        }
        this.discord.close();
    }

    @Test
    @DisplayName("a full run: the token is in no log line and no actuator response; only health, info, prometheus")
    void tokenNeverLeaks(CapturedOutput output) throws Exception {
        run();
        answered(".idea");
        answered(".help");
        answered(".idea " + TOKEN.substring(0, 10));
        this.discord.slashCommand(SlashCommand.of("idea")).awaitResponse(Duration.ofSeconds(10));
        this.discord.rateLimitNext("POST /channels/{channel_id}/messages", 1, Duration.ofMillis(300), "user");
        answered(".idea");
        this.discord.closeGateway(4000);
        await().atMost(Duration.ofSeconds(20)).until(() -> this.discord.resumeCount() == 1 && this.discord.hasLiveSession());
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
        assertThat(configprops).contains("\"restUrl\"").as("other values are shown").contains(this.discord.restUrl());
    }

    @Test
    @DisplayName("bots and webhooks cannot run prefix commands, unless discord.commands.allow-bots is set")
    void botsAndWebhooks() {
        run();
        EmulatedMessage otherBot = this.discord.userSays(this.discord.channel("general"),
                this.discord.user("OtherBot"), ".idea");
        EmulatedMessage webhook = this.discord.webhookSays(this.discord.channel("general"), "Hook", ".idea");
        EmulatedMessage itself = this.discord.userSays(this.discord.channel("general"), this.discord.bot(), ".idea");
        answered(".idea");
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(3)).until(() -> this.discord
            .repliesTo(otherBot).isEmpty() && this.discord.repliesTo(webhook).isEmpty()
                && this.discord.repliesTo(itself).isEmpty());
        this.context.close();

        run("--discord.commands.allow-bots=true");
        EmulatedMessage allowedBot = this.discord.userSays(this.discord.channel("general"),
                this.discord.user("OtherBot"), ".idea");
        EmulatedMessage allowedHook = this.discord.webhookSays(this.discord.channel("general"), "Hook", ".idea");
        EmulatedMessage stillItself = this.discord.userSays(this.discord.channel("general"), this.discord.bot(),
                ".idea");
        this.discord.awaitReply(allowedBot, Duration.ofSeconds(10));
        this.discord.awaitReply(allowedHook, Duration.ofSeconds(10));
        answered(".idea");
        assertThat(this.discord.repliesTo(stillItself)).as("never its own messages").isEmpty();
    }

    private void answered(String content) {
        this.discord.awaitReply(this.discord.userSays(this.discord.channel("general"), this.discord.user("alice"),
                content), Duration.ofSeconds(15));
    }

    private void run(String... args) {
        List<String> all = new ArrayList<>(List.of("--discord.token=" + TOKEN, "--discord.rest-url=" + this.discord.restUrl(),
                "--discord.gateway-url=" + this.discord.gatewayUrl(), "--server.port=0"));
        all.addAll(List.of(args));
        this.context = new SpringApplicationBuilder(DiscordBotApplication.class).run(all.toArray(String[]::new));
    }

    private java.net.http.HttpResponse<String> get(String path) throws IOException, InterruptedException {
        int port = ((WebServerApplicationContext) this.context).getWebServer().getPort();
        return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                BodyHandlers.ofString());
    }
}
