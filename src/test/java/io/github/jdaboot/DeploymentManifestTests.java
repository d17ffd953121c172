package io.github.jdaboot;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.jdaboot.discord.DiscordProperties;
import io.github.jdaboot.discord.coordination.CoordinationProperties;
import io.github.jdaboot.interaction.autoconfigure.CommandProperties;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kubernetes examples in {@code deploy/} agree with the application and its
 * {@code Dockerfile}: probe paths, port, user, the token's file, and a grace period that
 * covers the shutdown timeouts. The scaled-out Deployment has the same container
 * settings, rolls one surge pod at a time with none unavailable, waits long enough for
 * the handover, gives each pod Redis' address and its own address for the others; its
 * disruption budget and autoscaler fit it; and the Redis with Sentinel example's
 * configuration starts in Debian's redis-server and redis-sentinel and names the primary
 * the bot asks for. (No cluster here; the image itself is run for real by
 * {@code scripts/container-test.sh}.)
 */
@DisplayName("The Kubernetes examples in deploy/")
class DeploymentManifestTests {

    private Map<String, Object> deployment;

    private Map<String, Object> pod;

    private Map<String, Object> container;

    private List<Map<String, Object>> scaledOut;

    private Map<String, Object> coordinated;

    private Map<String, Object> coordinatedPod;

    private Map<String, Object> coordinatedContainer;

    private List<Map<String, Object>> redis;

    @BeforeEach
    void load() throws IOException {
        this.deployment = kind(documents("deploy/kubernetes.yaml"), "Deployment");
        this.pod = map(map(map(this.deployment.get("spec")).get("template")).get("spec"));
        this.container = map(list(this.pod.get("containers")).getFirst());
        this.scaledOut = documents("deploy/scaled-out.yaml");
        this.coordinated = kind(this.scaledOut, "Deployment");
        this.coordinatedPod = map(map(map(this.coordinated.get("spec")).get("template")).get("spec"));
        this.coordinatedContainer = map(list(this.coordinatedPod.get("containers")).getFirst());
        this.redis = documents("deploy/redis-sentinel.yaml");
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
    @DisplayName("the scaled-out Deployment: the same container settings, readiness polled often enough for a rollout")
    void scaledOutContainer() {
        for (String key : List.of("image", "ports", "volumeMounts", "resources", "securityContext", "startupProbe",
                "livenessProbe")) {
            assertThat(this.coordinatedContainer.get(key)).as(key).isEqualTo(this.container.get(key));
        }
        for (String key : List.of("securityContext", "volumes")) {
            assertThat(this.coordinatedPod.get(key)).as(key).isEqualTo(this.pod.get(key));
        }
        assertThat(env(this.coordinatedContainer).get("SPRING_CONFIG_IMPORT"))
            .isEqualTo(env(this.container).get("SPRING_CONFIG_IMPORT"));
        Map<String, Object> readiness = map(this.coordinatedContainer.get("readinessProbe"));
        assertThat(map(readiness.get("httpGet"))).containsEntry("path", "/actuator/health/readiness");
        assertThat(((Number) readiness.get("periodSeconds")).intValue()).isLessThanOrEqualTo(5);
    }

    @Test
    @DisplayName("the scaled-out Deployment rolls one surge pod at a time, none unavailable, and waits for the handover")
    void rollingWithoutLoss() {
        Map<String, Object> spec = map(this.coordinated.get("spec"));
        Map<String, Object> strategy = map(spec.get("strategy"));
        assertThat(strategy).containsEntry("type", "RollingUpdate");
        assertThat(map(strategy.get("rollingUpdate"))).containsEntry("maxSurge", 1).containsEntry("maxUnavailable", 0);
        Duration needed = new CoordinationProperties().getHandoverTimeout()
            .plus(new CommandProperties().getShutdownTimeout())
            .plus(new DiscordProperties().getShutdownTimeout());
        assertThat(Duration.ofSeconds(((Number) this.coordinatedPod.get("terminationGracePeriodSeconds")).longValue()))
            .as("grace period against handover + commands + sessions")
            .isGreaterThan(needed);
    }

    @Test
    @DisplayName("each pod gets the shard total, Redis' address from a ConfigMap and its own address for the others")
    void coordination() {
        Map<String, Map<String, Object>> env = env(this.coordinatedContainer);
        assertThat(env).doesNotContainKeys("DISCORD_SHARDS", "DISCORD_COORDINATION_REPLICAS",
                "DISCORD_COORDINATION_ORDINAL");
        Map<String, Object> redis = map(
                map(env.get("DISCORD_COORDINATION_REDIS_URL").get("valueFrom")).get("configMapKeyRef"));
        Map<String, Object> configMap = kind(this.scaledOut, "ConfigMap");
        assertThat(redis).containsEntry("name", map(configMap.get("metadata")).get("name"));
        assertThat(map(configMap.get("data"))).containsKey(redis.get("key").toString());
        assertThat(map(map(env.get("POD_IP").get("valueFrom")).get("fieldRef"))).containsEntry("fieldPath",
                "status.podIP");
        Object port = map(list(this.coordinatedContainer.get("ports")).getFirst()).get("containerPort");
        assertThat(env.get("DISCORD_COORDINATION_ADVERTISED_URL")).containsEntry("value",
                "http://$(POD_IP):" + port + "/");
        assertThat(names(list(this.coordinatedContainer.get("env")))).as("POD_IP defined before its use")
            .containsSubsequence("POD_IP", "DISCORD_COORDINATION_ADVERTISED_URL");
    }

    @Test
    @DisplayName("the disruption budget and the autoscaler fit the Deployment; no more pods than IDENTIFY groups")
    void budgetAndAutoscaler() {
        Object labels = map(map(this.coordinated.get("spec")).get("selector")).get("matchLabels");
        Map<String, Object> budget = map(kind(this.scaledOut, "PodDisruptionBudget").get("spec"));
        assertThat(budget).containsEntry("maxUnavailable", 1);
        assertThat(map(budget.get("selector"))).containsEntry("matchLabels", labels);
        Map<String, Object> autoscaler = map(kind(this.scaledOut, "HorizontalPodAutoscaler").get("spec"));
        assertThat(map(autoscaler.get("scaleTargetRef"))).containsEntry("kind", "Deployment")
            .containsEntry("name", map(this.coordinated.get("metadata")).get("name"));
        Map<String, Map<String, Object>> env = env(this.coordinatedContainer);
        int shards = Integer.parseInt(env.get("DISCORD_SHARDS_TOTAL").get("value").toString());
        int concurrency = Integer.parseInt(env.get("DISCORD_COORDINATION_MAX_CONCURRENCY").get("value").toString());
        int groups = (shards + concurrency - 1) / concurrency;
        assertThat((Integer) autoscaler.get("maxReplicas")).as("at most one pod per IDENTIFY group")
            .isLessThanOrEqualTo(groups)
            .isGreaterThan((Integer) autoscaler.get("minReplicas"));
        assertThat((Integer) autoscaler.get("minReplicas")).isGreaterThanOrEqualTo(2);
        assertThat(map(this.coordinatedContainer.get("resources")).get("requests"))
            .asInstanceOf(InstanceOfAssertFactories.MAP)
            .containsKey("cpu");
    }

    @Test
    @DisplayName("Redis with Sentinel: three pods, a quorum of two, the primary's name and the Sentinels' Service as the bot's redis-url says")
    void sentinelExample() {
        URI url = URI.create(map(kind(this.scaledOut, "ConfigMap").get("data")).get("redis-url").toString());
        assertThat(url.getScheme()).isEqualTo("redis-sentinel");
        Map<String, Object> statefulSet = kind(this.redis, "StatefulSet");
        assertThat(map(statefulSet.get("spec"))).containsEntry("replicas", 3);
        String sentinel = sentinelConf();
        assertThat(sentinel).containsPattern("sentinel monitor " + url.getFragment() + " \\S+ \\S+ 2\n");
        Map<String, Object> service = this.redis.stream()
            .filter((d) -> "Service".equals(d.get("kind"))
                    && url.getRawAuthority().startsWith(map(d.get("metadata")).get("name") + ":"))
            .findFirst()
            .orElseThrow();
        assertThat(map(list(map(service.get("spec")).get("ports")).getFirst())).containsEntry("port", url.getPort());
        Map<String, Object> budget = map(kind(this.redis, "PodDisruptionBudget").get("spec"));
        assertThat(budget).containsEntry("maxUnavailable", 1);
    }

    private String sentinelConf() {
        return map(kind(this.redis, "ConfigMap").get("data")).get("sentinel.conf").toString();
    }

    private static List<String> names(List<Object> env) {
        return env.stream().map((variable) -> map(variable).get("name").toString()).toList();
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
