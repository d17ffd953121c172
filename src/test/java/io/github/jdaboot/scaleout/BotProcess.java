package io.github.jdaboot.scaleout;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.jdaboot.emulator.DiscordEmulator;
import io.github.jdaboot.testing.Timeouts;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One process of the packaged jar against the emulator, with its web server on a free
 * port: started, stopped with SIGTERM (as Kubernetes stops a pod), killed (SIGKILL),
 * frozen (SIGSTOP) and woken (SIGCONT); its health and metrics read over HTTP. Its output
 * goes to {@code <name>.log} in the directory.
 */
final class BotProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * How long one request to a bot (health, metrics) may take before it counts as no
     * answer.
     */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

    /** The jar extracted for this test run, once extracted ({@link #extractedJar()}). */
    private static @Nullable Path extractedJar;

    private final String name;

    private final int port;

    private final Process process;

    private final long startedNanos = System.nanoTime();

    private BotProcess(String name, int port, Process process) {
        this.name = name;
        this.port = port;
        this.process = process;
    }

    /**
     * Starts one: {@code -Xmx128m} on C1 and the serial collector, as a small pod would,
     * with the emulator's token and URLs in its environment and these arguments.
     */
    static BotProcess launch(Path directory, String name, DiscordEmulator discord, List<String> arguments)
            throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = directory.resolve(name + ".log");
        Files.writeString(log, "---- started\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx128m", "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC", "-jar", extractedJar().toString(), "--server.port=" + port,
                "--discord.coordination.advertised-url=http://127.0.0.1:" + port + "/"));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().keySet().removeIf((variable) -> variable.startsWith("DISCORD_"));
        builder.environment()
            .putAll(Map.of("DISCORD_TOKEN", discord.token(), "DISCORD_REST_URL", discord.restUrl(),
                    "DISCORD_GATEWAY_URL", discord.gatewayUrl()));
        return new BotProcess(name, port, builder.start());
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    /**
     * The packaged jar as the container image runs it: extracted by Spring Boot's jarmode
     * "tools" (the application's jar with its {@code lib/} beside it), once a test run.
     * Run as the executable jar itself, with virtual threads on two cores, a bot could
     * deadlock at its first commands: both carriers pinned in class loading, waiting on
     * the nested-jar loader's lock that a third virtual thread holds (spring-boot#51463);
     * the image never runs that way.
     */
    private static synchronized Path extractedJar() throws IOException {
        if (extractedJar != null) {
            return extractedJar;
        }
        Path jar = Path.of(System.getProperty("app.jar")).toAbsolutePath();
        Path directory = jar.resolveSibling("scale-out-app");
        Path extracted = directory.resolve(jar.getFileName());
        Process extract = new ProcessBuilder(java(), "-Djarmode=tools", "-jar", jar.toString(), "extract",
                "--destination", directory.toString(), "--force")
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(jar.resolveSibling("scale-out-extract.log").toFile()))
            .start();
        try {
            assertThat(extract.waitFor(Timeouts.RECOVERY.toMillis(), TimeUnit.MILLISECONDS)).as("extracting %s", jar)
                .isTrue();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while extracting " + jar, ex);
        }
        assertThat(extract.exitValue()).as("extracting %s (target/scale-out-extract.log)", jar).isZero();
        assertThat(extracted).isRegularFile();
        extractedJar = extracted;
        return extracted;
    }

    String name() {
        return this.name;
    }

    long pid() {
        return this.process.pid();
    }

    boolean isAlive() {
        return this.process.isAlive();
    }

    /** Seconds since it was launched. */
    double age() {
        return (System.nanoTime() - this.startedNanos) / 1e9;
    }

    /**
     * SIGTERM, as Kubernetes stops a pod: the process hands its shards over and exits.
     */
    void terminate() {
        this.process.destroy();
    }

    /** Waits for the process to exit. */
    void awaitExit(Duration timeout) throws InterruptedException {
        assertThat(this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)).as("%s exits", this.name).isTrue();
    }

    /** SIGKILL: no handover, nothing given back. */
    void kill() throws InterruptedException {
        this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }

    /** SIGSTOP: frozen, sockets open, clocks running. */
    void freeze() throws IOException, InterruptedException {
        signal("STOP");
    }

    /** SIGCONT. */
    void wake() throws IOException, InterruptedException {
        signal("CONT");
    }

    private void signal(String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(this.process.pid())).start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0).as("kill -%s %s", signal, this.name)
            .isTrue();
    }

    /** Waits until its readiness probe says UP, as Kubernetes waits before it goes on. */
    void awaitReady(Duration timeout) {
        await(this.name + " ready").atMost(timeout).pollInterval(Duration.ofMillis(200)).until(() -> {
            assertThat(this.process.isAlive()).as("%s is running", this.name).isTrue();
            return "UP".equals(readiness().path("status").asString(""));
        });
    }

    JsonNode readiness() {
        return get("actuator/health/readiness");
    }

    /** The {@code discordCoordination} health component. */
    JsonNode coordination() {
        return get("actuator/health/discordCoordination");
    }

    /** The shards it runs now, by the coordination's health. */
    List<Integer> shards() {
        List<Integer> shards = new ArrayList<>();
        coordination().path("details").path("shards").propertyNames().forEach((id) -> shards.add(Integer.parseInt(id)));
        shards.sort(null);
        return shards;
    }

    /** The shards it owns and whose session is ready. */
    List<Integer> ownedReady() {
        List<Integer> shards = new ArrayList<>();
        JsonNode all = coordination().path("details").path("shards");
        all.propertyNames().forEach((id) -> {
            JsonNode shard = all.path(id);
            if ("OWNER".equals(shard.path("role").asString("")) && shard.path("ready").asBoolean(false)) {
                shards.add(Integer.parseInt(id));
            }
        });
        shards.sort(null);
        return shards;
    }

    private JsonNode get(String path) {
        try {
            String body = HTTP
                .send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/" + path))
                    .timeout(REQUEST_TIMEOUT)
                    .GET()
                    .build(), BodyHandlers.ofString())
                .body();
            return JSON.readTree(body);
        }
        catch (IOException | RuntimeException ex) {
            return JSON.createObjectNode();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return JSON.createObjectNode();
        }
    }

    /** Its metrics from {@code /actuator/prometheus}: each series' value, by series. */
    Map<String, Double> metrics() throws IOException, InterruptedException {
        String body = HTTP
            .send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/actuator/prometheus"))
                .timeout(REQUEST_TIMEOUT)
                .build(), BodyHandlers.ofString())
            .body();
        Map<String, Double> series = new HashMap<>();
        for (String line : body.split("\n")) {
            if (!line.startsWith("#") && !line.isBlank()) {
                int space = line.lastIndexOf(' ');
                try {
                    series.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
                }
                catch (NumberFormatException ex) {
                    // not a value
                }
            }
        }
        return series;
    }

    /** The first series of this metric whose labels include these, or NaN. */
    double metric(String name, String label) throws IOException, InterruptedException {
        return metrics().entrySet()
            .stream()
            .filter((series) -> series.getKey().startsWith(name + "{") && series.getKey().contains(label))
            .mapToDouble(Map.Entry::getValue)
            .findFirst()
            .orElse(Double.NaN);
    }

    @Override
    public String toString() {
        return this.name;
    }

}
