package io.github.jdaboot.ops;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.github.jdaboot.testing.Program;
import io.github.jdaboot.testing.Timeouts;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.awaitility.Awaitility.await;

/**
 * A real Prometheus server (Debian's {@code prometheus}) on a free loopback port, with a
 * configuration and storage of its own in a temporary directory: it scrapes one target's
 * {@code /actuator/prometheus} as job {@code discord-bot} and evaluates a rule file, both
 * every second. {@link #close()} stops it and deletes the directory.
 */
final class PrometheusServer implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();

    private final Process process;

    private final Path directory;

    private final int port;

    private PrometheusServer(Process process, Path directory, int port) {
        this.process = process;
        this.directory = directory;
        this.port = port;
    }

    /**
     * Starts one that scrapes {@code target} ({@code host:port}) and evaluates
     * {@code rules}, and waits until it is ready.
     */
    static PrometheusServer start(Path rules, String target) throws IOException {
        Path binary = Program.PROMETHEUS.path();
        Path directory = Files.createTempDirectory("prometheus-test");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path config = Files.writeString(directory.resolve("prometheus.yml"), """
                global:
                  scrape_interval: 1s
                  evaluation_interval: 1s
                rule_files:
                  - '%s'
                scrape_configs:
                  - job_name: discord-bot
                    metrics_path: /actuator/prometheus
                    static_configs:
                      - targets: ['%s']
                """.formatted(rules.toAbsolutePath(), target));
        Process process = new ProcessBuilder(binary.toString(), "--config.file=" + config,
                "--storage.tsdb.path=" + directory.resolve("data"), "--web.listen-address=127.0.0.1:" + port)
            .redirectErrorStream(true)
            .redirectOutput(directory.resolve("prometheus.log").toFile())
            .start();
        PrometheusServer server = new PrometheusServer(process, directory, port);
        try {
            await("Prometheus ready").ignoreExceptions().until(() -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException("Prometheus exited:\n" + server.log());
                }
                return server.get("/-/ready").statusCode() == 200;
            });
        }
        catch (RuntimeException ex) {
            String log = server.log();
            server.close();
            throw new IllegalStateException("Prometheus did not start:\n" + log, ex);
        }
        return server;
    }

    /** The alerts of this name that are pending or firing ({@code /api/v1/alerts}). */
    List<JsonNode> alerts(String name) throws IOException, InterruptedException {
        JsonNode alerts = api("/api/v1/alerts").path("data").path("alerts");
        return alerts.valueStream()
            .filter((alert) -> alert.path("labels").path("alertname").asString().equals(name))
            .toList();
    }

    /** The series an instant query returns ({@code /api/v1/query}). */
    List<JsonNode> query(String promql) throws IOException, InterruptedException {
        return api("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8)).path("data")
            .path("result")
            .valueStream()
            .toList();
    }

    private JsonNode api(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = get(path);
        JsonNode body = JSON.readTree(response.body());
        if (response.statusCode() != 200 || !body.path("status").asString().equals("success")) {
            throw new IllegalStateException(
                    "Prometheus answered " + path + " with " + response.statusCode() + ": " + response.body());
        }
        return body;
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).build(),
                BodyHandlers.ofString());
    }

    /** What Prometheus logged so far. */
    String log() {
        try {
            return Files.readString(this.directory.resolve("prometheus.log"));
        }
        catch (IOException ex) {
            return "(no log: " + ex + ")";
        }
    }

    @Override
    public void close() throws IOException {
        this.process.destroy();
        try {
            if (!this.process.waitFor(Timeouts.ANSWER.toMillis(), TimeUnit.MILLISECONDS)) {
                this.process.destroyForcibly().waitFor();
            }
        }
        catch (InterruptedException ex) {
            this.process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        finally {
            try (Stream<Path> files = Files.walk(this.directory)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

}
