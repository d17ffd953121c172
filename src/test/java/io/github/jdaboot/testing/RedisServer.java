package io.github.jdaboot.testing;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import static org.awaitility.Awaitility.await;

/**
 * A real Redis for the tests ({@code redis-server} on the {@code PATH}, Debian's package;
 * {@code .ci/run} installs it) on a free loopback port, without persistence, stopped by
 * {@link #close()}. It can be killed and started again empty on the same port, as a Redis
 * that restarts. A test class that starts one says so with
 * {@code @RequiresPrograms(Program.REDIS_SERVER)}.
 */
public final class RedisServer implements AutoCloseable {

    private final int port;

    private final List<String> arguments;

    private final Path directory;

    private volatile Process process;

    private RedisServer(int port, List<String> arguments) throws IOException {
        this.port = port;
        this.arguments = arguments;
        this.directory = Files.createTempDirectory("redis-" + port + "-");
        this.process = launch();
    }

    /** Starts one and waits until it answers PING. */
    public static RedisServer start(String... arguments) throws IOException {
        return start(freePort(), arguments);
    }

    /** Starts one on this port and waits until it answers PING. */
    public static RedisServer start(int port, String... arguments) throws IOException {
        RedisServer server = new RedisServer(port, List.of(arguments));
        server.awaitPing();
        return server;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private Process launch() throws IOException {
        List<String> command = new ArrayList<>(
                List.of(Program.REDIS_SERVER.path().toString(), "--port", Integer.toString(this.port), "--bind",
                        "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", this.directory.toString()));
        command.addAll(this.arguments);
        return new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    }

    private void awaitPing() {
        await().atMost(Timeouts.ANSWER).ignoreExceptions().until(() -> "PONG".equals(command("PING")));
    }

    /** Kills it (SIGKILL): its data is gone. */
    public void kill() throws InterruptedException {
        this.process.destroyForcibly();
        this.process.waitFor(Timeouts.ANSWER.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Starts it again, empty, on the same port, and waits until it answers PING. */
    public void restart() throws IOException {
        this.process = launch();
        awaitPing();
    }

    public int port() {
        return this.port;
    }

    public long pid() {
        return this.process.pid();
    }

    /**
     * How many milliseconds the key has to live; negative when it does not exist or does
     * not expire.
     */
    public long pttl(String key) throws IOException {
        return Long.parseLong(command("PTTL", key));
    }

    public @Nullable String get(String key) throws IOException {
        return command("GET", key);
    }

    public void set(String key, String value, Duration ttl) throws IOException {
        command("SET", key, value, "PX", Long.toString(ttl.toMillis()));
    }

    public void delete(String key) throws IOException {
        command("DEL", key);
    }

    /**
     * Sends a command and reads its answer: a simple string, an integer or a bulk string
     * as text (null for a missing value); arrays are not read.
     */
    public @Nullable String command(String... words) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", this.port)) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            StringBuilder request = new StringBuilder("*").append(words.length).append("\r\n");
            for (String word : words) {
                request.append('$')
                    .append(word.getBytes(StandardCharsets.UTF_8).length)
                    .append("\r\n")
                    .append(word)
                    .append("\r\n");
            }
            out.write(request.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            String line = line(in);
            return switch (line.charAt(0)) {
                case '+', ':' -> line.substring(1);
                case '-' -> throw new IOException(line.substring(1));
                case '$' -> {
                    int length = Integer.parseInt(line.substring(1));
                    yield (length < 0) ? null : new String(in.readNBytes(length), StandardCharsets.UTF_8);
                }
                default -> line;
            };
        }
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != -1 && c != '\r'; c = in.read()) {
            line.append((char) c);
        }
        in.read();
        return line.toString();
    }

    /** The URL for {@code discord.coordination.redis-url}. */
    public String url() {
        return "redis://127.0.0.1:" + this.port;
    }

    @Override
    public void close() throws InterruptedException {
        this.process.destroy();
        if (!this.process.waitFor(Timeouts.ANSWER.toMillis(), TimeUnit.MILLISECONDS)) {
            this.process.destroyForcibly();
            this.process.waitFor(Timeouts.ANSWER.toMillis(), TimeUnit.MILLISECONDS);
        }
        try (Stream<Path> files = Files.walk(this.directory)) {
            files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
        }
        catch (IOException ex) {
            // a temporary directory: left to the system
        }
    }

}
