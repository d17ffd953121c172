package io.github.jdaboot.scaleout;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;

import io.github.jdaboot.emulator.DiscordEmulator;
import io.github.jdaboot.testing.TcpRelay;
import io.github.jdaboot.testing.Timeouts;

import static org.awaitility.Awaitility.await;

/**
 * The bot's processes in a test, as a Deployment's pods: each launched from the packaged
 * jar with the same settings and the shard total of its generation, each reaching Redis
 * through its own {@link TcpRelay} (so that one can be cut off) or straight at a given
 * URL (Sentinel).
 */
final class Fleet implements AutoCloseable {

    /**
     * The lease's time to live in these tests: a crashed process's shards move after it.
     */
    static final Duration LEASE_TTL = Duration.ofSeconds(6);

    private final Path directory;

    private final DiscordEmulator discord;

    private final IntFunction<String> redisUrl;

    private final int redisPort;

    private final List<String> settings;

    private final List<BotProcess> processes = new ArrayList<>();

    private final Map<BotProcess, TcpRelay> relays = new HashMap<>();

    private int launched;

    /**
     * A fleet whose processes each reach Redis on this port through a relay, with these
     * settings besides the shard total.
     */
    static Fleet relayed(Path directory, DiscordEmulator discord, int redisPort, int maxConcurrency) {
        return new Fleet(directory, discord, (port) -> "redis://127.0.0.1:" + port, redisPort, maxConcurrency);
    }

    /** A fleet whose processes all reach Redis at this URL. */
    static Fleet direct(Path directory, DiscordEmulator discord, String redisUrl, int maxConcurrency) {
        return new Fleet(directory, discord, (port) -> redisUrl, -1, maxConcurrency);
    }

    private Fleet(Path directory, DiscordEmulator discord, IntFunction<String> redisUrl, int redisPort,
            int maxConcurrency) {
        this.directory = directory;
        this.discord = discord;
        this.redisUrl = redisUrl;
        this.redisPort = redisPort;
        this.settings = List.of("--discord.coordination.max-concurrency=" + maxConcurrency,
                "--discord.coordination.lease-ttl=" + LEASE_TTL.toMillis() + "ms",
                "--discord.coordination.lease-margin=1500ms", "--discord.coordination.handover-timeout=90s",
                "--logging.level.io.github.jdaboot.discord.coordination=DEBUG");
    }

    /** Starts a process with this shard total (its relay cut from the start if asked). */
    BotProcess launch(int shardsTotal, boolean cutOff) throws IOException {
        String name = "bot-" + (++this.launched);
        TcpRelay relay = (this.redisPort > 0) ? TcpRelay.to(this.redisPort, cutOff) : null;
        List<String> arguments = new ArrayList<>(this.settings);
        arguments.add("--discord.shards-total=" + shardsTotal);
        arguments.add("--discord.coordination.redis-url=" + this.redisUrl.apply((relay != null) ? relay.port() : 0));
        BotProcess process = BotProcess.launch(this.directory, name, this.discord, arguments);
        this.processes.add(process);
        if (relay != null) {
            this.relays.put(process, relay);
        }
        return process;
    }

    BotProcess launch(int shardsTotal) throws IOException {
        return launch(shardsTotal, false);
    }

    TcpRelay relay(BotProcess process) {
        return this.relays.get(process);
    }

    /** The processes still running. */
    List<BotProcess> running() {
        this.processes.removeIf((process) -> !process.isAlive());
        return List.copyOf(this.processes);
    }

    /** The running process that owns this shard, if one does. */
    BotProcess owner(int shard) {
        return running().stream().filter((process) -> process.ownedReady().contains(shard)).findFirst().orElse(null);
    }

    /**
     * Waits until every shard of the total is owned, ready, by exactly one running
     * process and has exactly one live session, and every process is ready.
     */
    void awaitSteady(int shardsTotal, Duration timeout) {
        await("every shard of " + shardsTotal + " owned once, every process ready").atMost(timeout)
            .pollInterval(Duration.ofMillis(500))
            .until(() -> steady(shardsTotal));
    }

    private boolean steady(int shardsTotal) {
        Map<Integer, Integer> owners = new TreeMap<>();
        for (BotProcess process : running()) {
            if (!"UP".equals(process.readiness().path("status").asString(""))) {
                return false;
            }
            process.ownedReady().forEach((shard) -> owners.merge(shard, 1, Integer::sum));
        }
        for (int shard = 0; shard < shardsTotal; shard++) {
            if (owners.getOrDefault(shard, 0) != 1 || this.discord.gateway().liveSessions(shard) != 1) {
                return false;
            }
        }
        return owners.size() == shardsTotal;
    }

    /** Which process owns which shards now. */
    String layout() {
        StringBuilder layout = new StringBuilder();
        for (BotProcess process : running()) {
            layout.append(process.name()).append(' ').append(process.ownedReady()).append(' ');
        }
        return layout.toString().strip();
    }

    static Duration steadyTimeout() {
        return Timeouts.RECOVERY.multipliedBy(2);
    }

    @Override
    public void close() throws Exception {
        for (BotProcess process : this.processes) {
            if (process.isAlive()) {
                process.wake();
                process.kill();
            }
        }
        for (TcpRelay relay : this.relays.values()) {
            relay.close();
        }
    }

}
