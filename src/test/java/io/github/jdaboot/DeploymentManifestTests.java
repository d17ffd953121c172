package io.github.jdaboot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.jdaboot.command.CommandProperties;
import io.github.jdaboot.discord.DiscordProperties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kubernetes example in {@code deploy/} agrees with the application and its {@code Dockerfile}: probe
 * paths, port, user, the token's file, and a grace period that covers the shutdown timeouts. (No cluster
 * here; the image itself is run for real by {@code scripts/container-test.sh}.)
 */
@DisplayName("The Kubernetes example in deploy/")
class DeploymentManifestTests {

    private Map<String, Object> deployment;

    private Map<String, Object> pod;

    private Map<String, Object> container;

    @BeforeEach
    void load() throws IOException {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : new Yaml().loadAll(Files.readString(Path.of("deploy/kubernetes.yaml")))) {
            documents.add(map(document));
        }
        this.deployment = documents.stream().filter((d) -> "Deployment".equals(d.get("kind"))).findFirst().orElseThrow();
        this.pod = map(map(map(this.deployment.get("spec")).get("template")).get("spec"));
        this.container = map(list(this.pod.get("containers")).getFirst());
    }

    @Test
    @DisplayName("probes use the Actuator liveness and readiness groups on the port the image exposes")
    void probes() throws IOException {
        assertThat(probe("livenessProbe")).containsEntry("path", "/actuator/health/liveness");
        assertThat(probe("startupProbe")).containsEntry("path", "/actuator/health/liveness");
        assertThat(probe("readinessProbe")).containsEntry("path", "/actuator/health/readiness");
        Map<String, Object> port = map(list(this.container.get("ports")).getFirst());
        assertThat(port).containsEntry("name", "http");
        assertThat(Files.readAllLines(Path.of("Dockerfile"))).contains("EXPOSE " + port.get("containerPort"));
    }

    @Test
    @DisplayName("the grace period covers draining commands and closing the gateway session")
    void gracePeriod() {
        Duration needed = new CommandProperties().getShutdownTimeout().plus(new DiscordProperties().getShutdownTimeout());
        assertThat(Duration.ofSeconds(((Number) this.pod.get("terminationGracePeriodSeconds")).longValue()))
            .isGreaterThan(needed);
    }

    @Test
    @DisplayName("one session at a time: one replica, recreated rather than rolled")
    void oneSession() {
        Map<String, Object> spec = map(this.deployment.get("spec"));
        assertThat(spec).containsEntry("replicas", 1);
        assertThat(map(spec.get("strategy"))).containsEntry("type", "Recreate");
    }

    @Test
    @DisplayName("the token comes from a Secret mounted as a file, and the pod runs as the image's non-root user")
    void tokenAndUser() throws IOException {
        List<Object> env = list(this.container.get("env"));
        assertThat(env).extracting((e) -> map(e).get("name")).contains("DISCORD_TOKEN_FILE").doesNotContain("DISCORD_TOKEN");
        String tokenFile = env.stream().map(DeploymentManifestTests::map)
            .filter((e) -> "DISCORD_TOKEN_FILE".equals(e.get("name"))).findFirst().orElseThrow().get("value").toString();
        String mountPath = list(this.container.get("volumeMounts")).stream().map(DeploymentManifestTests::map)
            .filter((m) -> "discord-token".equals(m.get("name"))).findFirst().orElseThrow().get("mountPath").toString();
        assertThat(tokenFile).startsWith(mountPath + "/");
        Map<String, Object> security = map(this.pod.get("securityContext"));
        assertThat(security).containsEntry("runAsNonRoot", true);
        assertThat(Files.readAllLines(Path.of("Dockerfile")))
            .contains("USER " + security.get("runAsUser") + ":" + security.get("runAsGroup"));
    }

    private Map<String, Object> probe(String name) {
        return map(map(this.container.get(name)).get("httpGet"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        return (List<Object>) value;
    }
}
