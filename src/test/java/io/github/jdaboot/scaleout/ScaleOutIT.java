package io.github.jdaboot.scaleout;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Three processes of the packaged jar share 12 shards (max_concurrency 4, so three
 * IDENTIFY groups, one per process) through a real Redis, against the emulator, in a
 * steady state: one session per shard, IDENTIFY buckets kept across processes, every
 * guild answered once, the global REST limit shared (also a global 429). The figures go
 * to {@code target/scale-out/summary.md}, printed after {@code ./mvnw verify}. The tests
 * run in order on one fleet, each asserting on what it did itself. The fleet changing and
 * failing: {@link ScaleOutFaultsIT}.
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

    private final Map<Integer, EmulatedChannel> channels = new LinkedHashMap<>();

    private Fleet fleet;

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
        this.channels.putAll(IdeaTraffic.channelPerShard(this.world, this.alice, SHARDS));
        long start = System.nanoTime();
        this.fleet = Fleet.direct(this.directory, this.discord, this.redis.url(), 4);
        for (int i = 0; i < PROCESSES; i++) {
            this.fleet.launch(SHARDS);
        }
        this.fleet.awaitSteady(SHARDS, Fleet.steadyTimeout());
        this.summary.append("| Scale-out figure | Value |\n| --- | ---: |\n")
            .append(row("3 processes started to every shard owned once and ready (12 shards, max_concurrency 4)",
                    seconds(start)))
            .append(row("... IDENTIFYs", Integer.toString(this.discord.gateway().identifyCount())))
            .append(row("... shards of each process", this.fleet.layout()));
    }

    @AfterAll
    void stopFleet() throws Exception {
        if (this.fleet != null) {
            this.fleet.close();
        }
        this.discord.close();
        this.redis.close();
        Files.writeString(this.directory.resolve("summary.md"), this.summary);
    }

    @Test
    @Order(1)
    @DisplayName("every shard has exactly one session, each process runs whole groups, and no two IDENTIFYs of a bucket came within 5 s")
    void oneSessionPerShard() {
        for (int shard = 0; shard < SHARDS; shard++) {
            assertThat(this.discord.gateway().liveSessions(shard)).as("live sessions of shard %d", shard).isOne();
        }
        for (BotProcess process : this.fleet.running()) {
            List<Integer> shards = process.ownedReady();
            assertThat(shards).as("%s's shards", process).hasSize(4);
            assertThat(shards.getFirst() % 4).as("%s's shards start a group", process).isZero();
        }
        assertThat(this.discord.gateway().identifyRateViolations()).isZero();
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
        assertThat(this.world.repeatedNonces()).isEmpty();
    }

    @Test
    @Order(3)
    @DisplayName("a burst from all three processes stays at or under 50 requests/s and gets no 429")
    void burstSharesTheGlobalLimit() throws Exception {
        // only the global limit matters here: lift the per-channel one
        this.discord.rest().rateLimit(MESSAGES_ROUTE, 1000, Duration.ofSeconds(1));
        int limited = this.discord.rest().rateLimitedRequests();
        double localTurns = localTurns();
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
                    busiestSecond + " / " + (this.discord.rest().rateLimitedRequests() - limited)))
            .append(row("... requests whose turn Redis did not give in time (kept to the process's share)",
                    String.format(Locale.ROOT, "%.0f", localTurns() - localTurns)));
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

    /** REST requests of all processes that kept to their process's share of the limit. */
    private double localTurns() throws Exception {
        double turns = 0;
        for (BotProcess process : this.fleet.running()) {
            turns += process.metrics().getOrDefault("discord_coordination_rest_local_turns_total", 0.0);
        }
        return turns;
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

    private static String row(String what, String value) {
        return "| " + what + " | " + value + " |\n";
    }

    private static String seconds(long sinceNanos) {
        return String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - sinceNanos) / 1e9);
    }

}
