package io.github.jdaboot;

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
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import io.github.jdaboot.emulator.DiscordEmulator;
import io.github.jdaboot.emulator.EmulatedChannel;
import io.github.jdaboot.emulator.EmulatedMessage;
import io.github.jdaboot.emulator.EmulatedUser;
import io.github.jdaboot.emulator.RecordedRequest;
import io.github.jdaboot.emulator.World;
import io.github.jdaboot.testing.Program;
import io.github.jdaboot.testing.RedisServer;
import io.github.jdaboot.testing.RequiresPrograms;
import io.github.jdaboot.testing.Timeouts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Three processes of the packaged jar share 12 shards (max_concurrency 4, so three
 * IDENTIFY groups, one per process) through a real Redis, against the emulator: one
 * session per shard, IDENTIFY buckets kept across processes, every guild answered once,
 * the global REST limit shared (also a global 429), a process killed with SIGKILL, and a
 * rolling restart. The figures go to {@code target/scale-out/summary.md}, printed after
 * {@code ./mvnw verify}. The tests run in order on one fleet, each asserting on what it
 * did itself.
 */
@DisplayName("Three bot processes sharing 12 shards through Redis")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@RequiresPrograms(Program.REDIS_SERVER)
class ScaleOutIT {

    private static final int SHARDS = 12;

    private static final int PROCESSES = 3;

    private static final String MESSAGES_ROUTE = "POST /channels/{channel_id}/messages";

    private final Path directory = Path.of("target", "scale-out");

    private final HttpClient http = HttpClient.newHttpClient();

    private final Map<Integer, EmulatedChannel> channels = new LinkedHashMap<>();

    private final Process[] processes = new Process[PROCESSES];

    private final int[] ports = new int[PROCESSES];

    private final StringBuilder summary = new StringBuilder();

    private RedisServer redis;

    private DiscordEmulator discord;

    private World world;

    private EmulatedUser alice;

    @BeforeAll
    void startFleet() throws Exception {
        Files.createDirectories(this.directory);
        this.redis = RedisServer.start();
        this.discord = DiscordEmulator.builder().shards(SHARDS).sessionStartLimit(1000, 1000, 4).build().start();
        this.world = this.discord.world();
        this.alice = this.world.user("alice");
        for (int shard = 0; shard < SHARDS; shard++) {
            this.channels.put(shard, this.world
                .addTextChannel(this.world.addGuild("guild-" + shard, this.alice, shard, SHARDS), "ideas"));
        }
        long start = System.nanoTime();
        for (int i = 0; i < PROCESSES; i++) {
            this.ports[i] = freePort();
            this.processes[i] = launch(i);
        }
        for (int i = 0; i < PROCESSES; i++) {
            awaitUp(i, Timeouts.RECOVERY.multipliedBy(2));
        }
        this.summary.append("| Scale-out figure | Value |\n| --- | ---: |\n")
            .append(row("3 processes started to every shard UP (12 shards, max_concurrency 4)", seconds(start)));
    }

    @AfterAll
    void stopFleet() throws Exception {
        for (Process process : this.processes) {
            if (process != null) {
                process.destroyForcibly().waitFor(Timeouts.ANSWER.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
        this.discord.close();
        this.redis.close();
        Files.writeString(this.directory.resolve("summary.md"), this.summary);
    }

    @Test
    @Order(1)
    @DisplayName("every shard has exactly one session, and no two IDENTIFYs of a bucket came within 5 s")
    void oneSessionPerShard() {
        for (int shard = 0; shard < SHARDS; shard++) {
            assertThat(this.discord.gateway().liveSessions(shard)).as("live sessions of shard %d", shard).isOne();
        }
        assertThat(this.discord.gateway().duplicateSessions()).isZero();
        assertThat(this.discord.gateway().identifyRateViolations()).isZero();
        assertThat(this.discord.gateway().identifyCount()).isEqualTo(SHARDS);
    }

    @Test
    @Order(2)
    @DisplayName("every guild's .idea is answered exactly once")
    void everyGuildAnsweredOnce() {
        List<EmulatedMessage> asked = new ArrayList<>();
        this.channels.values().forEach((channel) -> asked.add(this.world.as(this.alice).says(channel, ".idea")));
        asked.forEach((message) -> this.world.awaitReply(message, Timeouts.ANSWER));
        await("no second reply").during(Timeouts.QUIET)
            .untilAsserted(() -> assertThat(asked)
                .allSatisfy((message) -> assertThat(this.world.repliesTo(message)).hasSize(1)));
    }

    @Test
    @Order(3)
    @DisplayName("a burst from all three processes stays at or under 50 requests/s and gets no 429")
    void burstSharesTheGlobalLimit() {
        // only the global limit matters here: lift the per-channel one
        this.discord.rest().rateLimit(MESSAGES_ROUTE, 1000, Duration.ofSeconds(1));
        int limited = this.discord.rest().rateLimitedRequests();
        Instant start = Instant.now();
        List<EmulatedMessage> asked = new ArrayList<>();
        for (int round = 0; round < 20; round++) {
            this.channels.values().forEach((channel) -> asked.add(this.world.as(this.alice).says(channel, ".idea")));
        }
        asked.forEach((message) -> this.world.awaitReply(message, Timeouts.RECOVERY));
        double took = Duration.between(start, Instant.now()).toMillis() / 1000.0;
        List<Instant> sent = this.discord.rest()
            .requests()
            .stream()
            .filter((request) -> request.receivedAt().isAfter(start) && !request.path().contains("/interactions/"))
            .map(RecordedRequest::receivedAt)
            .toList();
        int busiestSecond = busiestSecond(sent);
        this.discord.resetFaults();
        this.summary
            .append(row("burst of " + asked.size() + " `.idea` across the 3 processes: all answered in",
                    String.format(Locale.ROOT, "%.1f s", took)))
            .append(row("... REST requests in the busiest second (any 1 s window) / 429s",
                    busiestSecond + " / " + (this.discord.rest().rateLimitedRequests() - limited)));
        assertThat(busiestSecond).isLessThanOrEqualTo(50);
        assertThat(this.discord.rest().rateLimitedRequests()).isEqualTo(limited);
    }

    @Test
    @Order(4)
    @DisplayName("a global 429 received by one process pauses all three")
    void globalRateLimitPausesAll() {
        int violations = this.discord.rest().rateLimitViolations();
        this.discord.rest().rateLimitNext(MESSAGES_ROUTE, 1, Duration.ofSeconds(3), "global");
        int seen = this.discord.rest().requests().size();
        EmulatedMessage first = this.world.as(this.alice).says(this.channels.get(0), ".idea");
        RecordedRequest limited = await().atMost(Timeouts.ANSWER)
            .until(() -> this.discord.rest()
                .requests()
                .stream()
                .skip(seen)
                .filter((request) -> request.status() == 429)
                .findFirst()
                .orElse(null), (request) -> request != null);
        // the other processes are asked once the process that got the 429 has told them
        // (one Redis write)
        await().atMost(Timeouts.ANSWER).until(() -> this.redis.pttl("discord-bot:rest:global-pause") > 0);
        List<EmulatedMessage> asked = new ArrayList<>(List.of(first));
        for (int shard : List.of(1, 4, 8)) {
            asked.add(this.world.as(this.alice).says(this.channels.get(shard), ".idea"));
        }
        asked.forEach((message) -> this.world.awaitReply(message, Timeouts.ANSWER));
        Instant pauseEnds = limited.receivedAt().plusMillis(2_900);
        // a request is recorded once its response is written, just after the message it
        // created is visible
        List<RecordedRequest> replies = await().atMost(Timeouts.ANSWER)
            .until(() -> this.discord.rest()
                .requests()
                .stream()
                .skip(seen)
                .filter((request) -> MESSAGES_ROUTE.equals(request.route()) && request.status() == 200)
                .toList(), (found) -> found.size() >= asked.size());
        this.summary.append(row("global 429 (retry_after 3 s) to one process: first reply of any process after it",
                String.format(Locale.ROOT, "%.2f s",
                        Duration.between(limited.receivedAt(), replies.getFirst().receivedAt()).toMillis() / 1000.0)));
        assertThat(replies).hasSize(4).allSatisfy((reply) -> assertThat(reply.receivedAt()).isAfter(pauseEnds));
        assertThat(this.discord.rest().rateLimitViolations()).isEqualTo(violations);
    }

    @Test
    @Order(5)
    @DisplayName("kill -9 of one process: its shards come back when it restarts, never with two sessions")
    void killedProcessComesBack() throws Exception {
        int victim = 1;
        assertThat(this.processes[victim].destroyForcibly().waitFor(Timeouts.ANSWER.toMillis(), TimeUnit.MILLISECONDS))
            .as("process %d killed", victim)
            .isTrue();
        long killed = System.nanoTime();
        this.processes[victim] = launch(victim);
        List<Integer> shards = List.of(4, 5, 6, 7);
        Map<Integer, EmulatedMessage> answered = new LinkedHashMap<>();
        await().atMost(Timeouts.RECOVERY).pollInterval(Duration.ofSeconds(1)).until(() -> {
            assertThat(this.discord.gateway().duplicateSessions()).isZero();
            for (int shard : shards) {
                if (!answered.containsKey(shard)) {
                    EmulatedMessage asked = this.world.as(this.alice).says(this.channels.get(shard), ".idea");
                    this.world.awaitMessage((message) -> message.repliesTo(asked), Duration.ofMillis(500))
                        .ifPresent((reply) -> answered.put(shard, reply));
                }
            }
            return answered.size() == shards.size();
        });
        this.summary.append(row("kill -9 of a process (4 shards), restarted at once: until each of its guilds answers",
                seconds(killed)));
        awaitUp(victim);
        assertThat(this.discord.gateway().duplicateSessions()).isZero();
        for (int shard = 0; shard < SHARDS; shard++) {
            assertThat(this.discord.gateway().liveSessions(shard)).as("live sessions of shard %d", shard).isOne();
        }
    }

    @Test
    @Order(6)
    @DisplayName("a rolling restart, one process at a time: answers lost and downtime per shard")
    void rollingRestart() throws Exception {
        List<Asked> traffic = new CopyOnWriteArrayList<>();
        // the users' pace, not a wait: one .idea per guild per second
        Thread users = Thread.ofPlatform().start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                this.channels.forEach((shard, channel) -> traffic
                    .add(new Asked(shard, System.nanoTime(), this.world.as(this.alice).says(channel, ".idea"))));
                try {
                    Thread.sleep(1000);
                }
                catch (InterruptedException ex) {
                    return;
                }
            }
        });
        long start = System.nanoTime();
        for (int i = 0; i < PROCESSES; i++) {
            this.processes[i].destroy();
            assertThat(this.processes[i].waitFor(Timeouts.scaled(Duration.ofSeconds(30)).toMillis(),
                    TimeUnit.MILLISECONDS))
                .as("process %d stops on SIGTERM", i)
                .isTrue();
            this.processes[i] = launch(i);
            awaitUp(i);
        }
        String took = seconds(start);
        long allUp = System.nanoTime();
        // traffic goes on until every guild answered a message asked after the last
        // restart, which ends each shard's downtime in the table
        await("every guild answering after the rolling restart").until(() -> IntStream.range(0, SHARDS)
            .allMatch((shard) -> traffic.stream()
                .anyMatch((a) -> a.shard() == shard && a.nanoTime() > allUp
                        && !this.world.repliesTo(a.message()).isEmpty())));
        users.interrupt();
        users.join();
        await("every message asked once all processes were up answered").until(() -> traffic.stream()
            .filter((a) -> a.nanoTime() > allUp)
            .allMatch((a) -> !this.world.repliesTo(a.message()).isEmpty()));
        await("no message answered twice").during(Timeouts.QUIET)
            .untilAsserted(() -> assertThat(traffic)
                .allSatisfy((a) -> assertThat(this.world.repliesTo(a.message())).hasSizeLessThanOrEqualTo(1)));
        StringBuilder table = new StringBuilder(
                "\n| Shard | Asked | Answered | Lost | Downtime |\n| ---: | ---: | ---: | ---: | ---: |\n");
        int lost = 0;
        for (int shard = 0; shard < SHARDS; shard++) {
            int current = shard;
            List<Asked> asked = traffic.stream().filter((a) -> a.shard() == current).toList();
            long answered = asked.stream().filter((a) -> this.world.repliesTo(a.message()).size() == 1).count();
            lost += (int) (asked.size() - answered);
            table.append("| ")
                .append(shard)
                .append(" | ")
                .append(asked.size())
                .append(" | ")
                .append(answered)
                .append(" | ")
                .append(asked.size() - answered)
                .append(" | ")
                .append(downtime(asked))
                .append(" |\n");
        }
        this.summary.append(row("rolling restart of the 3 processes, one at a time (SIGTERM, start, UP)", took))
            .append(row("... `.idea` asked once a second in each of the 12 guilds meanwhile: lost",
                    Integer.toString(lost)))
            .append(table);
        assertThat(this.discord.gateway().duplicateSessions()).isZero();
        assertThat(this.discord.gateway().identifyRateViolations()).isZero();
    }

    /** One user message of the rolling restart's traffic. */
    private record Asked(int shard, long nanoTime, EmulatedMessage message) {
    }

    /**
     * The longest run of unanswered messages of a shard, from the first of them to the
     * next answered one.
     */
    private String downtime(List<Asked> asked) {
        long longest = 0;
        Long since = null;
        for (Asked a : asked) {
            boolean answered = this.world.repliesTo(a.message()).size() == 1;
            if (!answered && since == null) {
                since = a.nanoTime();
            }
            else if (answered && since != null) {
                longest = Math.max(longest, a.nanoTime() - since);
                since = null;
            }
        }
        return String.format(Locale.ROOT, "%.1f s", longest / 1e9);
    }

    private static int busiestSecond(List<Instant> times) {
        int busiest = 0;
        int from = 0;
        List<Instant> sorted = times.stream().sorted().toList();
        for (int to = 0; to < sorted.size(); to++) {
            while (!sorted.get(from).plusSeconds(1).isAfter(sorted.get(to))) {
                from++;
            }
            busiest = Math.max(busiest, to - from + 1);
        }
        return busiest;
    }

    private Process launch(int ordinal) throws IOException {
        Path log = this.directory.resolve("bot-" + ordinal + ".log");
        Files.writeString(log, "---- started\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        List<String> command = List.of(ProcessHandle.current().info().command().orElse("java"), "-Xmx128m",
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar",
                Path.of(System.getProperty("app.jar")).toAbsolutePath().toString(),
                "--server.port=" + this.ports[ordinal], "--discord.shards-total=" + SHARDS,
                "--discord.coordination.redis-url=" + this.redis.url(), "--discord.coordination.replicas=" + PROCESSES,
                "--discord.coordination.ordinal=" + ordinal, "--discord.coordination.max-concurrency=4");
        ProcessBuilder builder = new ProcessBuilder(command).directory(this.directory.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().keySet().removeIf((name) -> name.startsWith("DISCORD_"));
        builder.environment()
            .putAll(Map.of("DISCORD_TOKEN", this.discord.token(), "DISCORD_REST_URL", this.discord.restUrl(),
                    "DISCORD_GATEWAY_URL", this.discord.gatewayUrl()));
        return builder.start();
    }

    private void awaitUp(int ordinal) {
        awaitUp(ordinal, Timeouts.RECOVERY);
    }

    /**
     * Waits until the process reports UP: all its shards connected, all their leases
     * held.
     */
    private void awaitUp(int ordinal, Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofMillis(200)).until(() -> {
            assertThat(this.processes[ordinal].isAlive()).as("process %d is running", ordinal).isTrue();
            return "UP".equals(status(this.ports[ordinal]));
        });
    }

    private String status(int port) throws InterruptedException {
        try {
            String body = this.http
                .send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).GET().build(),
                        BodyHandlers.ofString())
                .body();
            return JsonMapper.builder().build().readTree(body).path("status").asString();
        }
        catch (IOException ex) {
            return "";
        }
    }

    private static String row(String what, String value) {
        return "| " + what + " | " + value + " |\n";
    }

    private static String seconds(long sinceNanos) {
        return String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - sinceNanos) / 1e9);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

}
