package io.github.jdaboot.scaleout;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.github.jdaboot.emulator.DiscordEmulator;
import io.github.jdaboot.emulator.EmulatedChannel;
import io.github.jdaboot.emulator.EmulatedUser;
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
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The fleet changing and failing under traffic: three processes of the packaged jar share
 * 12 shards (max_concurrency 3: four IDENTIFY groups) through a real
 * {@code redis-server}, each through its own TCP relay, against the emulator, while a
 * user in each of the 12 guilds asks for an idea once a second throughout. Each test
 * changes the fleet as Kubernetes or a fault would, waits until every shard is owned once
 * again, and asserts that every message of its window was answered, none twice. The
 * figures go to {@code target/scale-out/faults.md}. Run by {@code ./mvnw -Pfaults verify}
 * (and {@code .ci/run}); the tests run in order on one fleet.
 */
@Tag("faults")
@DisplayName("The bot's processes changing and failing under traffic, nothing lost or answered twice")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@RequiresPrograms(Program.REDIS_SERVER)
class ScaleOutFaultsIT {

    private static final int SHARDS = 12;

    private static final int MAX_CONCURRENCY = 3;

    private static final Duration QUIET = Timeouts.QUIET;

    /**
     * How long a REST request may wait on Redis, in seconds: what it guards against is a
     * wait of redis-timeout (1 s, the control connection's); the fast connection gives up
     * after request-timeout (10 ms) but may have to connect first (its connect timeout is
     * 250 ms), and a loaded machine adds scheduling delays and GC pauses to both.
     */
    private static final double REST_WAIT_BOUND = Timeouts.scaled(Duration.ofMillis(500)).toMillis() / 1000.0;

    private final Path directory = Path.of("target", "scale-out", "faults");

    private final StringBuilder summary = new StringBuilder();

    private RedisServer redis;

    private DiscordEmulator discord;

    private Fleet fleet;

    private IdeaTraffic traffic;

    private long started;

    @BeforeAll
    void startFleet() throws Exception {
        Files.createDirectories(this.directory);
        this.redis = RedisServer.start();
        this.discord = DiscordEmulator.builder()
            .shards(SHARDS)
            .sessionStartLimit(1000, 1000, MAX_CONCURRENCY)
            .build()
            .start();
        // 12 guilds each asking once a second use all of Discord's 5 messages per 5 s per
        // channel: after a takeover's read-back no bot could catch up. Twice that leaves
        // room.
        this.discord.rest().rateLimit("POST /channels/{channel_id}/messages", 10, Duration.ofSeconds(5));
        World world = this.discord.world();
        EmulatedUser alice = world.user("alice");
        Map<Integer, EmulatedChannel> channels = IdeaTraffic.channelPerShard(world, alice, SHARDS);
        this.fleet = Fleet.relayed(this.directory, this.discord, this.redis.port(), MAX_CONCURRENCY);
        long start = System.nanoTime();
        for (int i = 0; i < 3; i++) {
            this.fleet.launch(SHARDS);
        }
        this.fleet.awaitSteady(SHARDS, Fleet.steadyTimeout());
        this.summary.append("| Scenario (3 processes, 12 shards, max_concurrency 3, lease-ttl ")
            .append(Fleet.LEASE_TTL.toSeconds())
            .append(" s; 12 `.idea`/s throughout) | Took | Asked | Lost | Twice | Slowest answer | IDENTIFYs |")
            .append(" Notes |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n");
        row("3 processes started, to every shard owned once", seconds(start), null,
                this.discord.gateway().identifyCount(), this.fleet.layout());
        this.traffic = new IdeaTraffic(world, alice, channels);
        this.started = System.nanoTime();
    }

    @AfterAll
    void stopFleet() throws Exception {
        if (this.traffic != null) {
            this.traffic.close();
        }
        if (this.fleet != null) {
            this.fleet.close();
        }
        this.discord.close();
        this.redis.close();
        Files.writeString(this.directory.resolve("../faults.md"), this.summary);
    }

    @Test
    @Order(1)
    @DisplayName("a rolling restart of 3, one surge process at a time: each successor ready before the old session closes")
    void rollingRestart() throws Exception {
        Window window = window();
        List<BotProcess> old = this.fleet.running();
        for (BotProcess process : old) {
            BotProcess successor = this.fleet.launch(SHARDS);
            successor.awaitReady(Timeouts.RECOVERY.multipliedBy(2));
            process.terminate();
        }
        for (BotProcess process : old) {
            process.awaitExit(Timeouts.RECOVERY.multipliedBy(2));
        }
        this.fleet.awaitSteady(SHARDS, Fleet.steadyTimeout());
        window.end("rolling restart of the 3 processes (start one, ready, SIGTERM one; Deployment surge 1)", "");
    }

    @Test
    @Order(2)
    @DisplayName("scaling 3 to 4 (the new process gets its share) and 4 to 2 (both leaving hand over), then back to 3")
    void scaling() throws Exception {
        Window up = window();
        BotProcess fourth = this.fleet.launch(SHARDS);
        await("the fourth process owns its share, one group of the four").atMost(Fleet.steadyTimeout())
            .pollInterval(Duration.ofMillis(500))
            .until(() -> fourth.ownedReady().size() == SHARDS / 4);
        this.fleet.awaitSteady(SHARDS, Fleet.steadyTimeout());
        up.end("scaling 3 to 4", this.fleet.layout());

        Window down = window();
        List<BotProcess> leaving = this.fleet.running().subList(0, 2);
        leaving.forEach(BotProcess::terminate);
        for (BotProcess process : leaving) {
            process.awaitExit(Timeouts.RECOVERY.multipliedBy(2));
        }
        this.fleet.awaitSteady(SHARDS, Fleet.steadyTimeout());
        down.end("scaling 4 to 2 (two SIGTERMs at once)", this.fleet.layout());

        this.fleet.launch(SHARDS);
        this.fleet.awaitSteady(SHARDS, Fleet.steadyTimeout());
    }

    @Test
    @Order(3)
    @DisplayName("kill -9 of one: the others take its shards over within lease-ttl plus the IDENTIFY turns, and answer what it left")
    void killed() throws Exception {
        Window window = window();
        BotProcess victim = this.fleet.owner(0);
        List<Integer> shards = victim.ownedReady();
        victim.kill();
        long killed = System.nanoTime();
        await("the shards of the killed process owned by others").atMost(Timeouts.RECOVERY)
            .pollInterval(Duration.ofMillis(200))
            .until(() -> shards.stream().allMatch((shard) -> this.fleet.owner(shard) != null));
        double takeover = seconds(killed);
        // a lease runs out within lease-ttl of its last renewal; each group then needs
        // one
        // IDENTIFY turn (5.5 s) per group its new owner takes in the same bucket
        double bound = Fleet.LEASE_TTL.toSeconds() + 5.5 * shards.size() / MAX_CONCURRENCY + 10;
        assertThat(takeover).as("takeover of %s", shards).isLessThan(bound);
        this.fleet.awaitSteady(SHARDS, Fleet.steadyTimeout());
        window.end("kill -9 of one process (shards " + shards + ")", String.format(Locale.ROOT,
                "takeover %.1f s (bound %.0f s: lease-ttl + its groups' IDENTIFY turns + 10 s)", takeover, bound));
        this.fleet.launch(SHARDS);
        this.fleet.awaitSteady(SHARDS, Fleet.steadyTimeout());
    }

    @Test
    @Order(4)
    @DisplayName("SIGSTOP beyond the lease: the others take over; woken, the process answers nothing and gives its shards up")
    void frozen() throws Exception {
        Window window = window();
        BotProcess frozen = this.fleet.owner(0);
        List<Integer> shards = frozen.ownedReady();
        double lostBefore = frozen.metrics().get("discord_coordination_leases_lost_total");
        frozen.freeze();
        long stopped = System.nanoTime();
        await("the frozen process's shards owned by others").atMost(Timeouts.RECOVERY)
            .pollInterval(Duration.ofMillis(200))
            .until(() -> shards.stream()
                .allMatch((shard) -> this.fleet.running()
                    .stream()
                    .filter((process) -> process != frozen)
                    .anyMatch((process) -> process.ownedReady().contains(shard))));
        double takeover = seconds(stopped);
        frozen.wake();
        await("the woken process gives its shards up").atMost(Timeouts.ANSWER)
            .until(() -> frozen.metrics().get("discord_coordination_leases_lost_total") - lostBefore >= shards.size());
        this.fleet.awaitSteady(SHARDS, Fleet.steadyTimeout());
        window.end("SIGSTOP of one process beyond its lease, then SIGCONT (shards " + shards + ")", String
            .format(Locale.ROOT, "frozen %.1f s; taken over %.1f s after SIGSTOP", seconds(stopped), takeover));
    }

    @Test
    @Order(5)
    @DisplayName("Redis down for longer than a lease, then back empty: sessions kept, answers go on, no IDENTIFY, leases restored")
    void redisRestarted() throws Exception {
        Window window = window();
        int identifies = this.discord.gateway().identifyCount();
        Map<BotProcess, List<Integer>> before = new LinkedHashMap<>();
        this.fleet.running().forEach((process) -> before.put(process, process.ownedReady()));
        this.redis.kill();
        long down = System.nanoTime();
        await("every process sees Redis unreachable for longer than a lease").atMost(Timeouts.RECOVERY)
            .pollInterval(Duration.ofMillis(500))
            .until(() -> this.fleet.running()
                .stream()
                .allMatch((process) -> unreachableFor(process) > Fleet.LEASE_TTL.toMillis() * 3 / 2));
        Outcome during = window.outcomeSoFar();
        this.redis.restart();
        double outage = seconds(down);
        this.fleet.awaitSteady(SHARDS, Fleet.steadyTimeout());
        this.fleet.running()
            .forEach((process) -> assertThat(process.ownedReady()).as("%s's shards", process)
                .containsExactlyInAnyOrderElementsOf(before.get(process)));
        assertThat(this.discord.gateway().identifyCount()).as("IDENTIFYs").isEqualTo(identifies);
        double restWait = longestRestWait();
        window.end("Redis killed, down " + String.format(Locale.ROOT, "%.0f", outage) + " s, restarted empty",
                "answered while down: " + (during.asked() - during.lost()) + " of " + during.asked()
                        + "; same owners after; 0 IDENTIFY; "
                        + String.format(Locale.ROOT, "longest REST turn's wait on Redis %.0f ms", restWait * 1000));
    }

    @Test
    @Order(6)
    @DisplayName("Redis stalls (no answer, no refusal) for a lease: nobody can take anything, every owner answers on")
    void redisStalled() throws Exception {
        Window window = window();
        int identifies = this.discord.gateway().identifyCount();
        Map<BotProcess, List<Integer>> before = new LinkedHashMap<>();
        this.fleet.running().forEach((process) -> before.put(process, process.ownedReady()));
        // every client's commands wait, none is refused: each process learns of it only
        // as
        // its own commands time out (redis-timeout), as with a Redis starved of CPU
        this.redis.command("CLIENT", "PAUSE", Long.toString(Fleet.LEASE_TTL.toMillis()), "ALL");
        long stalled = System.nanoTime();
        Set<BotProcess> saw = ConcurrentHashMap.newKeySet();
        await("every process sees Redis unreachable").atMost(Timeouts.RECOVERY)
            .pollInterval(Duration.ofMillis(200))
            .until(() -> {
                this.fleet.running().stream().filter((process) -> unreachableFor(process) > 0).forEach(saw::add);
                return saw.containsAll(this.fleet.running());
            });
        double seen = seconds(stalled);
        await("every process reaches Redis again").atMost(Timeouts.RECOVERY)
            .pollInterval(Duration.ofMillis(200))
            .until(() -> this.fleet.running().stream().allMatch((process) -> unreachableFor(process) == 0));
        this.fleet.awaitSteady(SHARDS, Fleet.steadyTimeout());
        this.fleet.running()
            .forEach((process) -> assertThat(process.ownedReady()).as("%s's shards", process)
                .containsExactlyInAnyOrderElementsOf(before.get(process)));
        assertThat(this.discord.gateway().identifyCount()).as("IDENTIFYs").isEqualTo(identifies);
        window.end("Redis stalled (CLIENT PAUSE ALL) for " + Fleet.LEASE_TTL.toSeconds() + " s",
                String.format(Locale.ROOT, "every process saw it unreachable after %.1f s", seen)
                        + "; same owners after; 0 IDENTIFY");
    }

    @Test
    @Order(7)
    @DisplayName("Redis unreachable at startup: the process starts, readiness names Redis, and it joins when Redis comes")
    void redisDownAtStartup() throws Exception {
        Window window = window();
        BotProcess late = this.fleet.launch(SHARDS, true);
        await("readiness down, naming Redis").atMost(Timeouts.RECOVERY)
            .pollInterval(Duration.ofMillis(500))
            .until(() -> {
                JsonNode readiness = late.readiness();
                return !"UP".equals(readiness.path("status").asString("UP"))
                        && readiness.toString().contains("Redis at");
            });
        String reason = late.readiness()
            .path("components")
            .path("discord")
            .path("components")
            .path("assignment")
            .path("details")
            .path("reason")
            .asString("");
        assertThat(late.isAlive()).isTrue();
        this.fleet.relay(late).heal();
        await("the late process owns its share").atMost(Fleet.steadyTimeout())
            .pollInterval(Duration.ofMillis(500))
            .until(() -> !late.ownedReady().isEmpty());
        this.fleet.awaitSteady(SHARDS, Fleet.steadyTimeout());
        late.terminate();
        late.awaitExit(Timeouts.RECOVERY.multipliedBy(2));
        this.fleet.awaitSteady(SHARDS, Fleet.steadyTimeout());
        window.end("a 4th process started with Redis unreachable, Redis reached later, then SIGTERM",
                "readiness: " + reason.substring(0, Math.min(reason.length(), 60)) + "...");
    }

    @Test
    @Order(8)
    @DisplayName("one process cut off from Redis: it stops answering before its leases can run out, and its shards move")
    void cutOff() throws Exception {
        Window window = window();
        BotProcess cut = this.fleet.owner(0);
        List<Integer> shards = cut.ownedReady();
        this.fleet.relay(cut).cut();
        long start = System.nanoTime();
        await("the cut-off process stops answering").atMost(Timeouts.RECOVERY)
            .pollInterval(Duration.ofMillis(100))
            .until(() -> !answersAny(cut));
        double stopped = seconds(start);
        assertThat(stopped).as("stopped answering, s after the cut").isLessThan(Fleet.LEASE_TTL.toSeconds());
        await("its shards owned by others").atMost(Timeouts.RECOVERY)
            .pollInterval(Duration.ofMillis(200))
            .until(() -> shards.stream()
                .allMatch((shard) -> this.fleet.running()
                    .stream()
                    .filter((process) -> process != cut)
                    .anyMatch((process) -> process.ownedReady().contains(shard))));
        double moved = seconds(start);
        double restWait = cut.metric("discord_coordination_redis_wait_seconds_max", "use=\"rest\"");
        assertThat(restWait).as("longest wait of a REST turn on Redis, s").isLessThan(REST_WAIT_BOUND);
        this.fleet.relay(cut).heal();
        this.fleet.awaitSteady(SHARDS, Fleet.steadyTimeout());
        window.end("one process cut off from Redis (its relay cut), healed after its shards moved",
                String.format(Locale.ROOT,
                        "stopped answering %.1f s after the cut, shards taken over after %.1f s; its longest REST"
                                + " turn's wait on Redis %.0f ms",
                        stopped, moved, restWait * 1000));
    }

    @Test
    @Order(9)
    @DisplayName("the shard total from 12 to 16 by a rolling update: the new generation ready before the old closes")
    void reshard() throws Exception {
        Window window = window();
        int identifies = this.discord.gateway().identifyCount();
        List<BotProcess> old = this.fleet.running();
        for (BotProcess process : old) {
            BotProcess successor = this.fleet.launch(16);
            successor.awaitReady(Timeouts.RECOVERY.multipliedBy(2));
            process.terminate();
        }
        for (BotProcess process : old) {
            process.awaitExit(Timeouts.RECOVERY.multipliedBy(2));
        }
        this.fleet.awaitSteady(16, Fleet.steadyTimeout());
        int cost = this.discord.gateway().identifyCount() - identifies;
        window.end("shard total 12 to 16, rolling update of the 3 processes", "IDENTIFY budget spent: " + cost
                + " (16 for the new total; the rest: handovers as the new processes joined)");
    }

    @Test
    @Order(99)
    @DisplayName("over the whole run, every message was answered, none twice (a second answer may come late)")
    void wholeRun() {
        IdeaTraffic.Outcome outcome = this.traffic.since(0, Timeouts.RECOVERY, QUIET);
        row("the whole run", (System.nanoTime() - this.started) / 1e9,
                new Outcome(outcome.asked(), outcome.lost(), outcome.twice(), outcome.slowestAnswer()),
                this.discord.gateway().identifyCount(), "");
        assertThat(outcome.lost()).as("lost (%s): %s", outcome.describe(), outcome.unanswered()).isZero();
        assertThat(outcome.twice()).as("answered twice (%s): %s", outcome.describe(), outcome.doubled()).isZero();
    }

    /**
     * The longest time any process's REST request waited for its turn in Redis (a
     * decaying maximum over the last minutes), asserted under a bound: the turn gives up
     * after request-timeout (10 ms), and a busy machine adds scheduling delays.
     */
    private double longestRestWait() throws Exception {
        double longest = 0;
        for (BotProcess process : this.fleet.running()) {
            longest = Math.max(longest, process.metric("discord_coordination_redis_wait_seconds_max", "use=\"rest\""));
        }
        assertThat(longest).as("longest wait of a REST turn on Redis, s").isLessThan(REST_WAIT_BOUND);
        return longest;
    }

    private static long unreachableFor(BotProcess process) {
        JsonNode redis = process.coordination().path("details").path("redis");
        return redis.path("reachable").asBoolean(true) ? 0 : redis.path("sinceMs").asLong(0);
    }

    private static boolean answersAny(BotProcess process) {
        JsonNode shards = process.coordination().path("details").path("shards");
        for (String id : shards.propertyNames()) {
            if (shards.path(id).path("answers").asBoolean(false)) {
                return true;
            }
        }
        return false;
    }

    private Window window() {
        return new Window(this.traffic.mark(), System.nanoTime(), this.discord.gateway().identifyCount());
    }

    private void row(String scenario, double took, Outcome outcome, int identifies, String notes) {
        this.summary.append("| ")
            .append(scenario)
            .append(" | ")
            .append(String.format(Locale.ROOT, "%.1f s", took))
            .append(" | ")
            .append((outcome != null) ? outcome.asked() : "")
            .append(" | ")
            .append((outcome != null) ? outcome.lost() : "")
            .append(" | ")
            .append((outcome != null) ? outcome.twice() : "")
            .append(" | ")
            .append((outcome != null) ? String.format(Locale.ROOT, "%.1f s", outcome.slowestAnswer()) : "")
            .append(" | ")
            .append(identifies)
            .append(" | ")
            .append(notes)
            .append(" |\n");
    }

    private static double seconds(long sinceNanos) {
        return (System.nanoTime() - sinceNanos) / 1e9;
    }

    /** What a scenario of the traffic became. */
    private record Outcome(int asked, int lost, int twice, double slowestAnswer) {
    }

    /** The traffic and the IDENTIFYs of one scenario. */
    private final class Window {

        private final int mark;

        private final long start;

        private final int identifies;

        Window(int mark, long start, int identifies) {
            this.mark = mark;
            this.start = start;
            this.identifies = identifies;
        }

        Outcome outcomeSoFar() {
            IdeaTraffic.Outcome outcome = ScaleOutFaultsIT.this.traffic.since(this.mark, Duration.ofSeconds(3),
                    Duration.ZERO);
            return new Outcome(outcome.asked(), outcome.lost(), outcome.twice(), outcome.slowestAnswer());
        }

        /** Records the scenario's row and asserts on its traffic. */
        void end(String scenario, String notes) {
            double took = seconds(this.start);
            IdeaTraffic.Outcome outcome = ScaleOutFaultsIT.this.traffic.since(this.mark, Timeouts.RECOVERY, QUIET);
            row(scenario, took, new Outcome(outcome.asked(), outcome.lost(), outcome.twice(), outcome.slowestAnswer()),
                    ScaleOutFaultsIT.this.discord.gateway().identifyCount() - this.identifies, notes);
            assertThat(outcome.lost()).as("%s: lost (%s): %s", scenario, outcome.describe(), outcome.unanswered())
                .isZero();
            assertThat(outcome.twice())
                .as("%s: answered twice (%s): %s", scenario, outcome.describe(), outcome.doubled())
                .isZero();
            assertThat(outcome.asked()).as("%s: asked", scenario).isPositive();
        }

    }

}
