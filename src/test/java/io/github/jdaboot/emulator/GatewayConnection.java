package io.github.jdaboot.emulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;

import org.jspecify.annotations.Nullable;

/**
 * One gateway WebSocket connection: encodes frames (plain JSON text, or one zlib stream per
 * connection flushed with Z_SYNC_FLUSH after every message, as Discord's {@code compress=zlib-stream}).
 */
final class GatewayConnection {

    private final WebSocketConnection socket;
    private final @Nullable Deflater deflater;
    private final Object sendLock = new Object();
    private final long openedAt = System.nanoTime();
    private volatile @Nullable GatewaySession session;
    private volatile long lastHeartbeatNanos = System.nanoTime();
    private volatile boolean open = true;

    GatewayConnection(WebSocketConnection socket, boolean zlibStream) {
        this.socket = socket;
        this.deflater = zlibStream ? new Deflater(Deflater.DEFAULT_COMPRESSION) : null;
    }

    /**
     * Sends one gateway payload; a failure marks the connection closed instead of throwing. Payloads are
     * sent from several threads (dispatches, heartbeat ACKs): compressing and writing happen under one
     * lock, so the zlib stream reaches the client in the order it was compressed.
     */
    void send(String json) {
        synchronized (this.sendLock) {
            if (!this.open) {
                return;
            }
            try {
                if (this.deflater == null) {
                    this.socket.sendText(json);
                }
                else {
                    this.socket.sendBinary(compress(this.deflater, json.getBytes(StandardCharsets.UTF_8)));
                }
            }
            catch (IOException | RuntimeException ex) {
                this.open = false;
                if (!this.socket.closeSent()) {
                    // a close frame already sent is left to the closing handshake: dropping the socket now
                    // could reset the connection before the client has read the close code
                    this.socket.abort();
                }
            }
        }
    }

    private static byte[] compress(Deflater deflater, byte[] bytes) {
        deflater.setInput(bytes);
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 2 + 64);
        byte[] buffer = new byte[8192];
        while (true) {
            int n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
            out.write(buffer, 0, n);
            if (n < buffer.length && deflater.needsInput()) {
                return out.toByteArray();
            }
        }
    }

    WebSocketConnection socket() {
        return this.socket;
    }

    @Nullable GatewaySession session() {
        return this.session;
    }

    void session(GatewaySession session) {
        this.session = session;
    }

    boolean isOpen() {
        return this.open && this.socket.isOpen();
    }

    /** Stops sending. The deflater is left to its cleaner: a send may still be writing to the socket. */
    void markClosed() {
        this.open = false;
    }

    void heartbeatReceived() {
        this.lastHeartbeatNanos = System.nanoTime();
    }

    long lastHeartbeatNanos() {
        return this.lastHeartbeatNanos;
    }

    long openedAt() {
        return this.openedAt;
    }

    /** Closes with a close frame carrying the code. */
    void close(int code, String reason) {
        this.open = false;
        this.socket.close(code, reason);
    }

    /** Drops the TCP connection without a close frame. */
    void abort() {
        this.open = false;
        this.socket.abort();
    }
}
