package io.github.jdaboot.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * A real Redis for the tests ({@code redis-server} on the {@code PATH}, Debian's package;
 * {@code .ci/run} installs it) on a free loopback port, without persistence, stopped by
 * {@link #close()}. A test class that starts one says so with
 * {@code @RequiresPrograms(Program.REDIS_SERVER)}.
 */
public final class RedisServer implements AutoCloseable {

    private final Process process;

    private final int port;

    private RedisServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts one and waits until it answers PING. */
    public static RedisServer start() throws IOException {
        Path binary = Program.REDIS_SERVER.path();
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Process process = new ProcessBuilder(binary.toString(), "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no")
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
        RedisServer server = new RedisServer(process, port);
        await().atMost(Timeouts.ANSWER).ignoreExceptions().until(server::answersPing);
        return server;
    }

    private boolean answersPing() throws IOException {
        return command("PING").equals("+PONG");
    }

    /**
     * How many milliseconds the key has to live; negative when it does not exist or does
     * not expire.
     */
    public long pttl(String key) throws IOException {
        return Long.parseLong(command("PTTL " + key).substring(1));
    }

    /** Sends an inline command and reads its one-line answer. */
    private String command(String command) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", this.port)) {
            OutputStream out = socket.getOutputStream();
            out.write((command + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c != -1 && c != '\r'; c = in.read()) {
                line.append((char) c);
            }
            return line.toString();
        }
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
        }
    }

}
