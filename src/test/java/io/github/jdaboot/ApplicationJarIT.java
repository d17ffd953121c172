package io.github.jdaboot;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.jdaboot.emulator.DiscordEmulator;
import io.github.jdaboot.emulator.EmulatedMessage;
import io.github.jdaboot.emulator.GatewayActivity;
import io.github.jdaboot.testing.Timeouts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The packaged jar, run as its own process the way a user runs it, against the emulator
 * in this JVM. It runs from an empty working directory, so it relies on the defaults
 * packaged in the jar.
 */
@DisplayName("The packaged application jar")
class ApplicationJarIT {

    private final HttpClient http = HttpClient.newHttpClient();

    private DiscordEmulator discord;

    private final List<Process> processes = new ArrayList<>();

    @TempDir
    Path workingDirectory;

    @BeforeEach
    void start() {
        this.discord = DiscordEmulator.builder().build().start();
    }

    @AfterEach
    void stop() {
        this.processes.forEach(Process::destroyForcibly);
        this.discord.close();
    }

    @Test
    @DisplayName("without a token it exits non-zero with the line that says what to set")
    void missingToken() throws Exception {
        Process process = launch(Map.of(), List.of());

        assertThat(process.waitFor(Timeouts.RECOVERY.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
        assertThat(process.exitValue()).isNotZero();
        assertThat(output()).contains("No Discord bot token is configured: set the DISCORD_TOKEN environment variable,"
                + " the discord.token property, or discord.token-file");
        assertThat(this.discord.rest().requests()).isEmpty();
    }

    @Test
    @DisplayName("configured through DISCORD_* variables it answers .idea, reports UP, stops cleanly on SIGTERM, and"
            + " without discord.coordination never loads a Redis client")
    void runsAgainstTheEmulator() throws Exception {
        int port = freePort();
        Process process = launch(
                Map.of("DISCORD_TOKEN", this.discord.token(), "DISCORD_REST_URL", this.discord.restUrl(),
                        "DISCORD_GATEWAY_URL", this.discord.gatewayUrl()),
                List.of("-Xlog:class+load=info:file=classes.log", "--server.port=" + port));

        await().atMost(Timeouts.RECOVERY).until(() -> "UP".equals(status(health(port))));
        assertThat(health(port)).doesNotContain("discordCoordination");
        EmulatedMessage asked = this.discord.world().as("alice").says(this.discord.world().channel("general"), ".idea");
        EmulatedMessage reply = this.discord.world()
            .awaitMessage((message) -> message.repliesTo(asked), Timeouts.ANSWER)
            .orElseThrow(() -> new AssertionError("no reply to .idea; the bot's output:\n" + outputOrNothing()));
        assertThat(reply.text()).startsWith("Okay, so how about this: ");

        process.destroy();
        assertThat(process.waitFor(Timeouts.scaled(Duration.ofSeconds(15)).toMillis(), TimeUnit.MILLISECONDS))
            .as("stops within 15 s of SIGTERM")
            .isTrue();
        assertThat(process.exitValue()).isIn(0, 143);
        assertThat(output()).contains("Logged on as IdeaBot")
            .contains("Discord gateway sessions closed")
            .doesNotContain(this.discord.token());
        assertThat(this.discord.gateway().events())
            .anyMatch((event) -> event.kind() == GatewayActivity.CLIENT_CLOSE && event.code() == 1000);
        assertThat(Files.readString(this.workingDirectory.resolve("classes.log"))).contains("io.github.jdaboot.discord")
            .doesNotContain("io.lettuce.", "org.springframework.data.redis.",
                    "io.github.jdaboot.discord.coordination.");
    }

    @Test
    @DisplayName("refreshing the context alone (spring.context.exit=onRefresh) never contacts Discord")
    void refreshAloneNeverConnects() throws Exception {
        Process process = launch(Map.of("DISCORD_TOKEN", this.discord.token(), "DISCORD_REST_URL",
                this.discord.restUrl(), "DISCORD_GATEWAY_URL", this.discord.gatewayUrl()),
                List.of("-Dspring.context.exit=onRefresh"));

        assertThat(process.waitFor(Timeouts.RECOVERY.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        assertThat(this.discord.acceptedConnections()).isZero();
        assertThat(this.discord.rest().requests()).isEmpty();
    }

    private Process launch(Map<String, String> environment, List<String> options) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        options.stream().filter((option) -> option.startsWith("-D") || option.startsWith("-X")).forEach(command::add);
        command.add("-jar");
        command.add(Path.of(System.getProperty("app.jar")).toAbsolutePath().toString());
        options.stream().filter((option) -> option.startsWith("--")).forEach(command::add);
        ProcessBuilder builder = new ProcessBuilder(command).directory(this.workingDirectory.toFile())
            .redirectErrorStream(true)
            .redirectOutput(this.workingDirectory.resolve("output.log").toFile());
        builder.environment().keySet().removeIf((name) -> name.startsWith("DISCORD_"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        this.processes.add(process);
        return process;
    }

    private String output() throws IOException {
        return Files.readString(this.workingDirectory.resolve("output.log"));
    }

    private String outputOrNothing() {
        try {
            return output();
        }
        catch (IOException ex) {
            return ex.toString();
        }
    }

    private String health(int port) {
        try {
            return this.http
                .send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).GET().build(),
                        BodyHandlers.ofString())
                .body();
        }
        catch (IOException ex) {
            return "";
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    /**
     * The overall status of a health response (a component's "status":"UP" does not
     * count).
     */
    private static String status(String health) {
        return health.isEmpty() ? "" : JsonMapper.builder().build().readTree(health).path("status").asString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

}
