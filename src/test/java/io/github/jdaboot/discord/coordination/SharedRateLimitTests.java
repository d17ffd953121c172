package io.github.jdaboot.discord.coordination;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.github.jdaboot.testing.Program;
import io.github.jdaboot.testing.RedisServer;
import io.github.jdaboot.testing.RequiresPrograms;
import io.github.jdaboot.testing.Timeouts;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared global REST limit against a real Redis: turns spaced across processes, and
 * what a request does when Redis does not answer in time.
 */
@DisplayName("The global REST limit shared through Redis")
@RequiresPrograms(Program.REDIS_SERVER)
class SharedRateLimitTests {

    private RedisServer redis;

    private final List<CoordinationRedis> connections = new ArrayList<>();

    @BeforeEach
    void startRedis() throws Exception {
        this.redis = RedisServer.start();
    }

    @AfterEach
    void stop() throws Exception {
        this.connections.forEach(CoordinationRedis::close);
        this.redis.close();
    }

    private CoordinationRedis connect(Duration requestTimeout) {
        CoordinationProperties properties = new CoordinationProperties();
        properties.setRequestTimeout(requestTimeout);
        properties.setRedisTimeout(Timeouts.scaled(Duration.ofSeconds(2)));
        CoordinationRedis connection = CoordinationRedis.connect(URI.create(this.redis.url()), properties);
        this.connections.add(connection);
        return connection;
    }

    @Test
    @DisplayName("two processes' turns are spaced at requests-per-second together, every turn given by Redis")
    void turnsSpacedAcrossProcesses() throws Exception {
        // a generous request-timeout: this test is about the spacing, not about a slow
        // Redis
        Duration timeout = Timeouts.scaled(Duration.ofMillis(500));
        CoordinationKeys keys = new CoordinationKeys("limit-test");
        List<SharedRateLimit> processes = List.of(new SharedRateLimit(connect(timeout), keys, 20, () -> 2, null),
                new SharedRateLimit(connect(timeout), keys, 20, () -> 2, null));
        ExecutorService threads = Executors.newFixedThreadPool(4);
        long start = System.nanoTime();
        try {
            List<Future<?>> turns = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                SharedRateLimit process = processes.get(i % 2);
                turns.add(threads.submit(() -> {
                    process.awaitTurn();
                    return null;
                }));
            }
            for (Future<?> turn : turns) {
                turn.get();
            }
        }
        finally {
            threads.shutdownNow();
        }
        double took = (System.nanoTime() - start) / 1e9;
        // 30 turns 50 ms apart: the last one 29 intervals after the first, however
        // slowly the machine runs
        assertThat(took).as("seconds for 30 turns at 20/s").isGreaterThanOrEqualTo(29 * 0.05 - 0.01);
        assertThat(processes).allSatisfy((process) -> assertThat(process.localTurns()).isZero());
    }

    @Test
    @DisplayName("a turn Redis does not answer in time is asked for again, then kept to the process's share")
    void slowRedisAskedAgainThenShare() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Timer waits = Timer.builder("waits").register(registry);
        CoordinationRedis connection = connect(Duration.ofMillis(10));
        SharedRateLimit limit = new SharedRateLimit(connection, new CoordinationKeys("limit-test"), 40, () -> 3, waits);
        // connected, and its script loaded, before Redis stalls
        limit.awaitTurn();
        long asked = waits.count();
        long local = limit.localTurns();
        // no command is answered for the pause, none refused: every ask times out
        this.redis.command("CLIENT", "PAUSE", Long.toString(Timeouts.scaled(Duration.ofSeconds(2)).toMillis()), "ALL");
        limit.awaitTurn();
        assertThat(waits.count() - asked).as("asks of Redis").isEqualTo(SharedRateLimit.ATTEMPTS).isGreaterThan(1);
        assertThat(limit.localTurns() - local).isEqualTo(1);
        assertThat(connection.isReachable()).as("a slow Redis is not an unreachable one").isTrue();
    }

    @Test
    @DisplayName("a global 429 pauses the other processes even when Redis answers slowly")
    void globalPauseReachesOthersThroughSlowRedis() throws Exception {
        CoordinationKeys keys = new CoordinationKeys("limit-test");
        SharedRateLimit limit = new SharedRateLimit(connect(Duration.ofMillis(10)), keys, 40, () -> 3, null);
        // connected before Redis slows down
        limit.awaitTurn();
        // every command waits 300 ms: far longer than request-timeout, within
        // redis-timeout
        this.redis.command("CLIENT", "PAUSE", "300", "ALL");
        limit.setClassic(System.currentTimeMillis() + 3_000);
        assertThat(this.redis.pttl(keys.restPause())).as("the pause the others read, ms").isPositive();
    }

}
