package io.github.jdaboot.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;

/**
 * Redis with Sentinel, as a bot would run it in production: a primary and a replica
 * ({@code redis-server}) watched by three Sentinels ({@code redis-sentinel}, Debian's
 * package; {@code .ci/run} installs it), all on free loopback ports. The primary can be
 * killed; the Sentinels then promote the replica. A test class that starts them says so
 * with {@code @RequiresPrograms({ Program.REDIS_SERVER, Program.REDIS_SENTINEL })}.
 */
public final class RedisSentinels implements AutoCloseable {

    /** The name the Sentinels know the primary by. */
    public static final String MASTER = "discord";

    private final RedisServer primary;

    private final RedisServer replica;

    private final List<Process> sentinels = new ArrayList<>();

    private final List<Integer> sentinelPorts = new ArrayList<>();

    private RedisSentinels(Path directory) throws IOException {
        this.primary = RedisServer.start();
        this.replica = RedisServer.start("--replicaof", "127.0.0.1", Integer.toString(this.primary.port()));
        for (int i = 0; i < 3; i++) {
            int port = RedisServer.freePort();
            Path config = directory.resolve("sentinel-" + port + ".conf");
            Files.writeString(config, String.join("\n", "port " + port, "bind 127.0.0.1",
                    "sentinel monitor " + MASTER + " 127.0.0.1 " + this.primary.port() + " 2",
                    "sentinel down-after-milliseconds " + MASTER + " 1000",
                    "sentinel failover-timeout " + MASTER + " 10000", "sentinel parallel-syncs " + MASTER + " 1", ""));
            this.sentinels.add(new ProcessBuilder(Program.REDIS_SENTINEL.path().toString(), config.toString())
                .redirectErrorStream(true)
                .redirectOutput(
                        ProcessBuilder.Redirect.appendTo(directory.resolve("sentinel-" + port + ".log").toFile()))
                .start());
            this.sentinelPorts.add(port);
        }
        await().atMost(Timeouts.RECOVERY)
            .ignoreExceptions()
            .until(() -> "1".equals(this.replica.command("EXISTS", "sentinel-check")) || replicating());
    }

    private boolean replicating() throws IOException {
        this.primary.command("SET", "sentinel-check", "1");
        return "1".equals(this.replica.command("EXISTS", "sentinel-check"));
    }

    /** Starts them, writing the Sentinels' files and logs into the directory. */
    public static RedisSentinels start(Path directory) throws IOException {
        Files.createDirectories(directory);
        return new RedisSentinels(directory);
    }

    /**
     * The URL for {@code discord.coordination.redis-url}: the Sentinels and the primary's
     * name.
     */
    public String url() {
        return "redis-sentinel://"
                + this.sentinelPorts.stream().map((port) -> "127.0.0.1:" + port).collect(Collectors.joining(",")) + "#"
                + MASTER;
    }

    public RedisServer primary() {
        return this.primary;
    }

    public RedisServer replica() {
        return this.replica;
    }

    /** Whether the replica has been promoted to primary. */
    public boolean replicaPromoted() throws IOException {
        return "master".equals(role(this.replica));
    }

    private static String role(RedisServer server) throws IOException {
        String info = server.command("INFO", "replication");
        return (info != null && info.contains("role:master")) ? "master" : "replica";
    }

    @Override
    public void close() throws InterruptedException {
        for (Process sentinel : this.sentinels) {
            sentinel.destroy();
            sentinel.waitFor(Timeouts.ANSWER.toMillis(), TimeUnit.MILLISECONDS);
        }
        this.replica.close();
        this.primary.close();
    }

}
