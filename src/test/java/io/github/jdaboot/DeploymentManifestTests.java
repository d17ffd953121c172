package io.github.jdaboot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.jdaboot.discord.DiscordProperties;
import io.github.jdaboot.interaction.autoconfigure.CommandProperties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kubernetes examples in {@code deploy/} agree with the application and its
 * {@code Dockerfile}: probe paths, port, user, the token's file, and a grace period that
 * covers the shutdown timeouts; the scaled-out StatefulSet has the same, and gives each
 * pod its ordinal, the replica count and Redis' address. (No cluster here; the image
 * itself is run for real by {@code scripts/container-test.sh}.)
 */
@DisplayName("The Kubernetes example in deploy/")
class DeploymentManifestTests {

    private Map<String, Object> deployment;

    private Map<String, Object> pod;

    private Map<String, Object> container;

    private List<Map<String, Object>> scaledOut;

    private Map<String, Object> statefulSet;

    private Map<String, Object> statefulPod;

    @BeforeEach
    void load() throws IOException {
        this.deployment = kind(documents("deploy/kubernetes.yaml"), "Deployment");
        this.pod = map(map(map(this.deployment.get("spec")).get("template")).get("spec"));
        this.container = map(list(this.pod.get("containers")).getFirst());
        this.scaledOut = documents("deploy/statefulset.yaml");
        this.statefulSet = kind(this.scaledOut, "StatefulSet");
        this.statefulPod = map(map(map(this.statefulSet.get("spec")).get("template")).get("spec"));
    }

    private static List<Map<String, Object>> documents(String file) throws IOException {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : new Yaml().loadAll(Files.readString(Path.of(file)))) {
            documents.add(map(document));
        }
        return documents;
    }

    private static Map<String, Object> kind(List<Map<String, Object>> documents, String kind) {
        return documents.stream().filter((d) -> kind.equals(d.get("kind"))).findFirst().orElseThrow();
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
        Duration needed = new CommandProperties().getShutdownTimeout()
            .plus(new DiscordProperties().getShutdownTimeout());
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
    @DisplayName("the token comes from a Secret mounted where Spring Boot's configtree reads it as discord.token")
    void tokenAndUser() throws IOException {
        Map<String, Map<String, Object>> env = env(this.container);
        assertThat(env).doesNotContainKeys("DISCORD_TOKEN", "DISCORD_TOKEN_FILE");
        String tree = env.get("SPRING_CONFIG_IMPORT").get("value").toString();
        assertThat(tree).startsWith("optional:configtree:").endsWith("/");
        String mountPath = list(this.container.get("volumeMounts")).stream()
            .map(DeploymentManifestTests::map)
            .filter((m) -> "discord-token".equals(m.get("name")))
            .findFirst()
            .orElseThrow()
            .get("mountPath")
            .toString();
        Map<String, Object> secret = list(this.pod.get("volumes")).stream()
            .map(DeploymentManifestTests::map)
            .filter((v) -> "discord-token".equals(v.get("name")))
            .findFirst()
            .orElseThrow();
        String file = map(list(map(secret.get("secret")).get("items")).getFirst()).get("path").toString();
        Path relative = Path.of(tree.substring("optional:configtree:".length())).relativize(Path.of(mountPath, file));
        assertThat(relative.toString().replace('/', '.')).as("the property the file becomes")
            .isEqualTo("discord.token");
        Map<String, Object> security = map(this.pod.get("securityContext"));
        assertThat(security).containsEntry("runAsNonRoot", true);
        assertThat(Files.readAllLines(Path.of("Dockerfile")))
            .contains("USER " + security.get("runAsUser") + ":" + security.get("runAsGroup"));
    }

    @Test
    @DisplayName("the StatefulSet: pods started in parallel, a headless Service, the same container settings")
    void statefulSet() {
        Map<String, Object> spec = map(this.statefulSet.get("spec"));
        assertThat(spec).containsEntry("podManagementPolicy", "Parallel");
        Map<String, Object> service = kind(this.scaledOut, "Service");
        assertThat(map(service.get("spec"))).containsEntry("clusterIP", "None")
            .containsEntry("selector", map(spec.get("selector")).get("matchLabels"));
        assertThat(spec).containsEntry("serviceName", map(service.get("metadata")).get("name"));
        Map<String, Object> container = map(list(this.statefulPod.get("containers")).getFirst());
        for (String key : List.of("image", "ports", "volumeMounts", "resources", "securityContext", "startupProbe",
                "livenessProbe", "readinessProbe")) {
            assertThat(container.get(key)).as(key).isEqualTo(this.container.get(key));
        }
        for (String key : List.of("terminationGracePeriodSeconds", "securityContext", "volumes")) {
            assertThat(this.statefulPod.get(key)).as(key).isEqualTo(this.pod.get(key));
        }
        assertThat(env(container).get("SPRING_CONFIG_IMPORT"))
            .isEqualTo(env(this.container).get("SPRING_CONFIG_IMPORT"));
    }

    @Test
    @DisplayName("the StatefulSet gives each pod its ordinal, the replica count and Redis' address from a ConfigMap")
    void coordination() {
        Map<String, Object> spec = map(this.statefulSet.get("spec"));
        Map<String, Map<String, Object>> env = env(map(list(this.statefulPod.get("containers")).getFirst()));
        assertThat(env.get("DISCORD_COORDINATION_REPLICAS")).containsEntry("value", spec.get("replicas").toString());
        assertThat(map(map(env.get("DISCORD_COORDINATION_ORDINAL").get("valueFrom")).get("fieldRef")))
            .containsEntry("fieldPath", "metadata.labels['apps.kubernetes.io/pod-index']");
        Map<String, Object> redis = map(
                map(env.get("DISCORD_COORDINATION_REDIS_URL").get("valueFrom")).get("configMapKeyRef"));
        Map<String, Object> configMap = kind(this.scaledOut, "ConfigMap");
        assertThat(redis).containsEntry("name", map(configMap.get("metadata")).get("name"));
        assertThat(map(configMap.get("data"))).containsKey(redis.get("key").toString());
        int shards = Integer.parseInt(env.get("DISCORD_SHARDS_TOTAL").get("value").toString());
        int concurrency = Integer.parseInt(env.get("DISCORD_COORDINATION_MAX_CONCURRENCY").get("value").toString());
        assertThat((shards + concurrency - 1) / concurrency).as("IDENTIFY groups, at least one per pod")
            .isGreaterThanOrEqualTo((Integer) spec.get("replicas"));
    }

    private static Map<String, Map<String, Object>> env(Map<String, Object> container) {
        Map<String, Map<String, Object>> env = new LinkedHashMap<>();
        list(container.get("env")).stream()
            .map(DeploymentManifestTests::map)
            .forEach((variable) -> env.put(variable.get("name").toString(), variable));
        return env;
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
