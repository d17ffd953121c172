package io.github.jdaboot.testing.gateway;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

import io.github.jdaboot.testing.Timeouts;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A bare gateway client on Netty's WebSocket client, for testing the emulator's protocol
 * without JDA. With zlib-stream it inflates every binary message with one inflater for
 * the connection and checks that each ends with the Z_SYNC_FLUSH suffix, as Discord's
 * clients do. A connection that ends without a close frame reads as close code 1006. (Not
 * the JDK's WebSocket client: now and then it never noticed a connection the server had
 * dropped right after sending a message.)
 */
public final class RawGatewayClient implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();

    private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();

    private final Inflater inflater = new Inflater();

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());

    private final Channel channel;

    private volatile boolean everyBinaryEndedWithSyncFlush = true;

    private volatile int binaryMessages;

    public RawGatewayClient(String gatewayUrl, boolean zlibStream) {
        URI uri = URI.create(gatewayUrl + "?v=10&encoding=json" + (zlibStream ? "&compress=zlib-stream" : ""));
        WebSocketClientProtocolConfig config = WebSocketClientProtocolConfig.newBuilder()
            .webSocketUri(uri)
            .version(WebSocketVersion.V13)
            .customHeaders(new DefaultHttpHeaders())
            .maxFramePayloadLength(16 * 1024 * 1024)
            .handleCloseFrames(false)
            .build();
        CompletableFuture<Void> handshake = new CompletableFuture<>();
        this.channel = new Bootstrap().group(this.group)
            .channel(NioSocketChannel.class)
            .handler(new ChannelInitializer<SocketChannel>() {

                @Override
                protected void initChannel(SocketChannel channel) {
                    channel.pipeline()
                        .addLast(new HttpClientCodec(), new HttpObjectAggregator(64 * 1024),
                                new WebSocketClientProtocolHandler(config),
                                new WebSocketFrameAggregator(16 * 1024 * 1024), new Frames(handshake));
                }

            })
            .connect(uri.getHost(), uri.getPort())
            .syncUninterruptibly()
            .channel();
        handshake.orTimeout(Timeouts.ANSWER.toMillis(), TimeUnit.MILLISECONDS).join();
    }

    public void send(String json) {
        this.channel.writeAndFlush(new TextWebSocketFrame(json)).syncUninterruptibly();
    }

    /** The next payload, or fails after the timeout. */
    public JsonNode next(Duration timeout) throws InterruptedException {
        JsonNode payload = this.received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (payload == null) {
            throw new AssertionError("no gateway payload within " + timeout);
        }
        return payload;
    }

    /** The next payload with this op (and event name for op 0), skipping others. */
    public JsonNode nextOf(int op, @Nullable String type, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            JsonNode payload = next(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            if (payload.path("op").asInt() == op && (type == null || type.equals(payload.path("t").asString()))) {
                return payload;
            }
        }
    }

    public @Nullable JsonNode poll(Duration timeout) throws InterruptedException {
        return this.received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The close code the server sent, or 1006 when the connection ended without one. */
    public int awaitClose(Duration timeout) throws Exception {
        return this.closeCode.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public boolean everyBinaryEndedWithSyncFlush() {
        return this.everyBinaryEndedWithSyncFlush;
    }

    public int binaryMessages() {
        return this.binaryMessages;
    }

    /** Drops the TCP connection without a close frame. */
    public void abort() {
        this.channel.close().syncUninterruptibly();
    }

    @Override
    public void close() {
        abort();
        this.group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        this.inflater.end();
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

    private final class Frames extends SimpleChannelInboundHandler<WebSocketFrame> {

        private final CompletableFuture<Void> handshake;

        Frames(CompletableFuture<Void> handshake) {
            this.handshake = handshake;
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext context, Object event) {
            if (event == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
                this.handshake.complete(null);
            }
            context.fireUserEventTriggered(event);
        }

        @Override
        protected void channelRead0(ChannelHandlerContext context, WebSocketFrame frame) {
            switch (frame) {
                case TextWebSocketFrame text -> RawGatewayClient.this.received.add(JSON.readTree(text.text()));
                case BinaryWebSocketFrame binary -> {
                    byte[] message = ByteBufUtil.getBytes(binary.content());
                    RawGatewayClient.this.binaryMessages++;
                    int n = message.length;
                    if (n < 4 || message[n - 4] != 0 || message[n - 3] != 0 || message[n - 2] != (byte) 0xFF
                            || message[n - 1] != (byte) 0xFF) {
                        RawGatewayClient.this.everyBinaryEndedWithSyncFlush = false;
                    }
                    RawGatewayClient.this.received.add(JSON.readTree(inflate(message)));
                }
                case CloseWebSocketFrame close -> {
                    // answered with the same code, as clients do, and the connection ends
                    int code = (close.statusCode() < 0) ? 1005 : close.statusCode();
                    RawGatewayClient.this.closeCode.complete(code);
                    context.writeAndFlush(new CloseWebSocketFrame((code == 1005) ? 1000 : code, ""))
                        .addListener(ChannelFutureListener.CLOSE);
                }
                default -> {
                    // pings are answered by Netty's protocol handler
                }
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext context) {
            this.handshake.completeExceptionally(new IllegalStateException("connection ended before the handshake"));
            RawGatewayClient.this.closeCode.complete(1006);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
            this.handshake.completeExceptionally(cause);
            context.close();
        }

    }

}
