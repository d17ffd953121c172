package io.github.jdaboot.ops;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.jdaboot.emulator.EmulatedMessage;
import io.github.jdaboot.emulator.SlashCommand;
import io.github.jdaboot.emulator.World;
import io.github.jdaboot.ops.PrometheusTools.Result;
import io.github.jdaboot.testing.BotLauncher;
import io.github.jdaboot.testing.Program;
import io.github.jdaboot.testing.RedisServer;
import io.github.jdaboot.testing.RequiresPrograms;
import io.github.jdaboot.testing.Timeouts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Grafana dashboard in {@code deploy/grafana} (and the alert rules) query what the
 * bot exports: each query is valid PromQL, and each metric it names, with the labels it
 * filters on, is in {@code /actuator/prometheus} of a bot that did what the panels show.
 */
@DisplayName("The Grafana dashboard in deploy/grafana")
@RequiresPrograms({ Program.REDIS_SERVER, Program.PROMTOOL })
class GrafanaDashboardTests {

    private static final Path DASHBOARD = Path.of("deploy/grafana/discord-bot.json");

    private static final Path ALERTS = Path.of("deploy/prometheus/alerts.yml");

    /**
     * A metric's name in a query; {@code up} and the like come from Prometheus, not from
     * the bot.
     */
    private static final Pattern METRIC = Pattern.compile("\\b(?:discord|process)_\\w+");

    /** A selector with matchers in a query: the metric and its matchers. */
    private static final Pattern SELECTOR = Pattern.compile("\\b(discord_\\w+)\\{([^}]*)}");

    private static RedisServer redis;

    @RegisterExtension
    final BotLauncher bot = BotLauncher.withEmulator();

    @BeforeAll
    static void startRedis() throws Exception {
        redis = RedisServer.start();
    }

    @AfterAll
    static void stopRedis() throws Exception {
        redis.close();
    }

    @Test
    @DisplayName("every query is valid PromQL (promtool, with the variables filled in)")
    void validPromql(@TempDir Path directory) throws Exception {
        StringBuilder rules = new StringBuilder("groups:\n  - name: dashboard\n    rules:\n");
        List<String> queries = dashboard("expr");
        for (int i = 0; i < queries.size(); i++) {
            String query = queries.get(i)
                .replace("$__rate_interval", "1m")
                .replace("$instance", ".*")
                .replace("$job", "discord-bot");
            rules.append("      - record: dashboard_query_")
                .append(i)
                .append("\n        expr: '")
                .append(query.replace("'", "''"))
                .append("'\n");
        }
        Path file = Files.writeString(directory.resolve("dashboard-queries.yml"), rules);

        Result check = PrometheusTools.promtool("check", "rules", file.toString());
        assertThat(check.exitCode()).as(check.output() + "\n" + rules).isZero();
    }

    @Test
    @DisplayName("every metric it and the alert rules query is exported by a coordinated bot after a slash command, a prefix command, a click and a 429")
    void metricsExported() throws Exception {
        int port = this.bot
            .startServing("--discord.coordination.redis-url=" + redis.url(), "--discord.shards-total=1",
                    "--discord.shards=0-0", "--discord.coordination.lease-ttl=3s",
                    "--discord.coordination.lease-margin=600ms")
            .getEnvironment()
            .getRequiredProperty("local.server.port", Integer.class);
        World world = this.bot.discord().world();
        await("the bot's commands registered").atMost(Timeouts.RECOVERY)
            .until(() -> !world.commands(0).isEmpty()
                    || world.guilds().stream().anyMatch((guild) -> !world.commands(guild.id()).isEmpty()));
        EmulatedMessage idea = world.awaitReply(world.as("bob").says(world.channel("general"), ".idea"),
                Timeouts.ANSWER);
        world.as("alice").runs(SlashCommand.of("idea")).awaitResponse(Timeouts.ANSWER);
        world.as("bob").clicks(idea, "idea:another").awaitCallback(Timeouts.ANSWER);
        this.bot.discord()
            .rest()
            .rateLimitNext("POST /channels/{channel_id}/messages", 1, Duration.ofMillis(200), "user");
        world.awaitReply(world.as("bob").says(world.channel("general"), ".idea"), Timeouts.ANSWER);

        Map<String, Set<String>> exported = labelsByMetric(HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus")).build(),
                    BodyHandlers.ofString())
            .body());

        List<String> queries = new ArrayList<>(dashboard("expr"));
        queries.addAll(dashboard("definition"));
        Set<String> dashboardMetrics = metrics(String.join("\n", queries));
        assertThat(dashboardMetrics).as("metrics the dashboard queries")
            .contains("discord_gateway_status", "discord_rest_requests_seconds_count", "discord_commands_seconds_count",
                    "discord_interactions_acknowledgement_seconds_bucket", "discord_coordination_identify_budget");
        assertThat(missing(dashboardMetrics, exported)).as("metrics the dashboard queries, not in /actuator/prometheus")
            .isEmpty();
        assertThat(missing(metrics(Files.readString(ALERTS)), exported))
            .as("metrics the alert rules name, not in /actuator/prometheus")
            .isEmpty();
        for (String query : queries) {
            Matcher selector = SELECTOR.matcher(query);
            while (selector.find()) {
                for (String matcher : selector.group(2).split(",")) {
                    String label = matcher.strip().split("[=!~]", 2)[0];
                    if (!label.equals("job") && !label.equals("instance")) {
                        assertThat(exported.get(selector.group(1)))
                            .as("labels of %s, filtered on in %s", selector.group(1), query)
                            .contains(label);
                    }
                }
            }
        }
    }

    /**
     * The dashboard's queries of one kind: {@code expr}, the panels' PromQL, or
     * {@code definition}, the variables' {@code label_values(...)}.
     */
    private static List<String> dashboard(String field) throws Exception {
        List<String> queries = new ArrayList<>();
        collect(JsonMapper.builder().build().readTree(Files.readString(DASHBOARD)), field, queries);
        return queries;
    }

    private static void collect(JsonNode node, String field, List<String> queries) {
        if (node.path(field).isString()) {
            queries.add(node.path(field).asString());
        }
        node.valueStream().forEach((child) -> collect(child, field, queries));
    }

    private static Set<String> metrics(String text) {
        Set<String> names = new TreeSet<>();
        Matcher metric = METRIC.matcher(text);
        while (metric.find()) {
            names.add(metric.group());
        }
        return names;
    }

    private static Set<String> missing(Set<String> metrics, Map<String, Set<String>> exported) {
        Set<String> missing = new TreeSet<>(metrics);
        missing.removeAll(exported.keySet());
        return missing;
    }

    /** The scrape's metrics by name, each with the label names its series carry. */
    private static Map<String, Set<String>> labelsByMetric(String scrape) {
        Map<String, Set<String>> metrics = new HashMap<>();
        Pattern label = Pattern.compile("(\\w+)=\"(?:[^\"\\\\]|\\\\.)*\"");
        scrape.lines().filter((line) -> !line.startsWith("#") && !line.isBlank()).forEach((line) -> {
            int end = line.indexOf('{');
            String name = line.substring(0, (end > 0) ? end : line.indexOf(' '));
            Set<String> labels = metrics.computeIfAbsent(name, (key) -> new HashSet<>());
            if (end > 0) {
                Matcher matcher = label.matcher(line.substring(end));
                while (matcher.find()) {
                    labels.add(matcher.group(1));
                }
            }
        });
        return metrics;
    }

}
