package io.github.jdaboot.emulator;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.zip.Deflater;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import org.jspecify.annotations.Nullable;

/**
 * One gateway WebSocket connection on its Netty channel. Payloads are plain JSON text, or
 * with Discord's {@code compress=zlib-stream} one zlib stream per connection, flushed
 * with Z_SYNC_FLUSH after every message (the JDK's {@link Deflater}: Netty's zlib encoder
 * compresses a byte stream, not one WebSocket message at a time). Every send, close and
 * drop runs as a task on the channel's event loop, in the order they were asked for,
 * whatever the thread: so compressed payloads reach the client in the order they were
 * compressed, and a close frame comes after the payloads sent before it.
 */
final class GatewayConnection {

    /**
     * How long a close frame waits for the client's answer before the connection is
     * dropped.
     */
    private static final Duration CLOSE_ANSWER = Duration.ofSeconds(1);

    private final Channel channel;

    private final EmulatorClock clock;

    private final @Nullable Deflater deflater;

    private volatile @Nullable GatewaySession session;

    private volatile boolean open = true;

    private volatile boolean closeSent;

    private volatile boolean closeReceived;

    private volatile boolean dropped;

    GatewayConnection(Channel channel, boolean zlibStream, EmulatorClock clock) {
        this.channel = channel;
        this.clock = clock;
        this.deflater = zlibStream ? new Deflater(Deflater.DEFAULT_COMPRESSION) : null;
    }

    /** Sends one gateway payload; nothing happens once the connection is closing. */
    void send(String json) {
        this.channel.eventLoop().execute(() -> {
            if (!this.open) {
                return;
            }
            Deflater zlib = this.deflater;
            this.channel.writeAndFlush((zlib != null)
                    ? new BinaryWebSocketFrame(
                            Unpooled.wrappedBuffer(compress(zlib, json.getBytes(StandardCharsets.UTF_8))))
                    : new TextWebSocketFrame(json));
        });
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

    /**
     * Closes with a close frame carrying the code. The connection ends when the client
     * answers, or after a second by the emulator's clock. A close that answers the
     * client's own close frame ends it at once.
     */
    void close(int code, String reason) {
        this.open = false;
        this.channel.eventLoop().execute(() -> {
            if (this.closeSent) {
                return;
            }
            this.closeSent = true;
            var written = this.channel.writeAndFlush(new CloseWebSocketFrame(code, reason));
            if (this.closeReceived) {
                written.addListener(ChannelFutureListener.CLOSE);
            }
            else {
                this.clock.schedule(CLOSE_ANSWER, this.channel::close);
            }
        });
    }

    /**
     * Drops the TCP connection without a close frame: the client sees an abnormal closure
     * (1006).
     */
    void abort() {
        this.open = false;
        this.dropped = true;
        this.channel.eventLoop().execute(() -> this.channel.close());
    }

    /**
     * The client sent its close frame; when ours went first, that completes the closing
     * handshake.
     */
    void closeReceived() {
        this.closeReceived = true;
        if (this.closeSent) {
            this.channel.close();
        }
    }

    /** The channel is gone. */
    void ended() {
        this.open = false;
        if (this.deflater != null) {
            this.deflater.end();
        }
    }

    /**
     * Whether the client went away without any close frame, and not because the emulator
     * dropped it.
     */
    boolean droppedByClient() {
        return !this.dropped && !this.closeSent && !this.closeReceived;
    }

    @Nullable GatewaySession session() {
        return this.session;
    }

    void session(GatewaySession session) {
        this.session = session;
    }

    boolean isOpen() {
        return this.open && this.channel.isActive();
    }

}
