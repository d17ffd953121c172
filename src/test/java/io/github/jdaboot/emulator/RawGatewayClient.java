package io.github.jdaboot.emulator;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A bare gateway client on the JDK's WebSocket, for testing the emulator's protocol without JDA.
 * With zlib-stream it inflates every binary message with one inflater for the connection and
 * checks that each ends with the Z_SYNC_FLUSH suffix, as Discord's clients do.
 */
final class RawGatewayClient implements WebSocket.Listener, AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    private final Inflater inflater = new Inflater();
    private final StringBuilder text = new StringBuilder();
    private final ByteArrayOutputStream binary = new ByteArrayOutputStream();
    private final WebSocket socket;
    private volatile boolean everyBinaryEndedWithSyncFlush = true;
    private volatile int binaryMessages;

    RawGatewayClient(String gatewayUrl, boolean zlibStream) {
        String url = gatewayUrl + "?v=10&encoding=json" + (zlibStream ? "&compress=zlib-stream" : "");
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder()
            .buildAsync(URI.create(url), this)
            .join();
    }

    void send(String json) {
        this.socket.sendText(json, true).join();
    }

    /** The next payload, or fails after the timeout. */
    JsonNode next(Duration timeout) throws InterruptedException {
        JsonNode payload = this.received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (payload == null) {
            throw new AssertionError("no gateway payload within " + timeout);
        }
        return payload;
    }

    /** The next payload with this op (and event name for op 0), skipping others. */
    JsonNode nextOf(int op, @Nullable String type, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            JsonNode payload = next(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            if (payload.path("op").asInt() == op && (type == null || type.equals(payload.path("t").asString()))) {
                return payload;
            }
        }
    }

    @Nullable JsonNode poll(Duration timeout) throws InterruptedException {
        return this.received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    int awaitClose(Duration timeout) throws Exception {
        return this.closeCode.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    boolean everyBinaryEndedWithSyncFlush() {
        return this.everyBinaryEndedWithSyncFlush;
    }

    int binaryMessages() {
        return this.binaryMessages;
    }

    /** Drops the TCP connection without a close frame. */
    void abort() {
        this.socket.abort();
    }

    @Override
    public void close() {
        this.socket.abort();
        this.inflater.end();
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        this.text.append(data);
        if (last) {
            this.received.add(JSON.readTree(this.text.toString()));
            this.text.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        byte[] bytes = new byte[data.remaining()];
        data.get(bytes);
        this.binary.writeBytes(bytes);
        if (last) {
            byte[] message = this.binary.toByteArray();
            this.binary.reset();
            this.binaryMessages++;
            int n = message.length;
            if (n < 4 || message[n - 4] != 0 || message[n - 3] != 0 || message[n - 2] != (byte) 0xFF
                    || message[n - 1] != (byte) 0xFF) {
                this.everyBinaryEndedWithSyncFlush = false;
            }
            this.received.add(JSON.readTree(inflate(message)));
        }
        webSocket.request(1);
        return null;
    }

    private String inflate(byte[] message) {
        this.inflater.setInput(message);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            int n;
            while ((n = this.inflater.inflate(buffer)) > 0) {
                out.write(buffer, 0, n);
            }
        }
        catch (DataFormatException ex) {
            throw new IllegalStateException(ex);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        this.closeCode.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        this.closeCode.complete(1006);
    }
}
