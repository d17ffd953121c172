package io.github.jdaboot.emulator;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The emulator's network side on Netty: HTTP/1.1 ({@link HttpServerCodec}, with
 * keep-alive and chunked bodies) and WebSocket upgrades through Netty's handshaker. HTTP
 * requests are answered on virtual threads, so no handler holds up an event loop; gateway
 * frames are handled on the event loop of their connection, in order. Netty leaves the
 * channel under the emulator's control for fault injection: any close code, a drop
 * without a close frame, an unanswered close, or the whole server vanishing and coming
 * back on the same port.
 */
final class EmulatorServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmulatorServer.class);

    private static final int MAX_BODY_BYTES = 32 * 1024 * 1024;

    private static final int MAX_FRAME_BYTES = 16 * 1024 * 1024;

    /** Answers a plain HTTP request. */
    interface HttpHandler {

        EmulatorResponse handle(EmulatorRequest request);

    }

    /** What happens on gateway connections. */
    interface GatewayHandler {

        /**
         * Whether to accept this upgrade now; a refused one gets 503, as an unreachable
         * gateway would.
         */
        boolean accepts(EmulatorRequest upgrade);

        void opened(GatewayConnection connection);

        void received(GatewayConnection connection, String text);

        void closedByClient(GatewayConnection connection, int code);

        /** The TCP connection is gone, whoever ended it. */
        void ended(GatewayConnection connection);

    }

    private final InetAddress address;

    private final HttpHandler http;

    private final GatewayHandler gateway;

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(2,
            new DefaultThreadFactory("discord-emulator", true), NioIoHandler.newFactory());

    private final ExecutorService requests = Executors
        .newThreadPerTaskExecutor(Thread.ofVirtual().name("discord-emulator-http-", 0).factory());

    private final ChannelGroup connections = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);

    private final AtomicInteger accepted = new AtomicInteger();

    private volatile @Nullable Channel server;

    private final EmulatorClock clock;

    private volatile int port;

    EmulatorServer(InetAddress address, int port, HttpHandler http, GatewayHandler gateway, EmulatorClock clock) {
        this.address = address;
        this.clock = clock;
        this.port = port;
        this.http = http;
        this.gateway = gateway;
    }

    /**
     * Binds the port (0 = a free one, remembered for later restarts) and starts
     * accepting.
     */
    synchronized void start() {
        if (this.server != null) {
            return;
        }
        ServerBootstrap bootstrap = new ServerBootstrap().group(this.group)
            .channel(NioServerSocketChannel.class)
            .option(ChannelOption.SO_REUSEADDR, true)
            .option(ChannelOption.SO_BACKLOG, 200)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childHandler(new ChannelInitializer<SocketChannel>() {

                @Override
                protected void initChannel(SocketChannel channel) {
                    EmulatorServer.this.accepted.incrementAndGet();
                    EmulatorServer.this.connections.add(channel);
                    channel.pipeline()
                        .addLast(new HttpServerCodec(), new HttpObjectAggregator(MAX_BODY_BYTES), new Requests());
                }

            });
        Channel bound = bootstrap.bind(this.address, this.port).syncUninterruptibly().channel();
        this.port = ((InetSocketAddress) bound.localAddress()).getPort();
        this.server = bound;
    }

    int port() {
        return this.port;
    }

    boolean isRunning() {
        return this.server != null;
    }

    int acceptedConnections() {
        return this.accepted.get();
    }

    /**
     * Stops accepting and drops every open connection, WebSockets included, without a
     * close frame.
     */
    synchronized void disappear() {
        Channel bound = this.server;
        this.server = null;
        if (bound != null) {
            bound.close().syncUninterruptibly();
        }
        this.connections.close().awaitUninterruptibly();
    }

    @Override
    public synchronized void close() {
        disappear();
        this.requests.shutdownNow();
        this.group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
    }

    private static void write(Channel channel, EmulatorResponse response, boolean keepAlive) {
        FullHttpResponse message = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(response.status()), Unpooled.wrappedBuffer(response.body()));
        response.headers().forEach((name, value) -> message.headers().set(name, value));
        HttpUtil.setContentLength(message, response.body().length);
        HttpUtil.setKeepAlive(message, keepAlive);
        var written = channel.writeAndFlush(message);
        if (!keepAlive) {
            written.addListener(ChannelFutureListener.CLOSE);
        }
    }

    /**
     * Plain HTTP requests, until a WebSocket upgrade replaces this handler with
     * {@link Frames}.
     */
    private final class Requests extends SimpleChannelInboundHandler<FullHttpRequest> {

        @Override
        protected void channelRead0(ChannelHandlerContext context, FullHttpRequest request) {
            Channel channel = context.channel();
            if (!request.decoderResult().isSuccess()) {
                write(channel, EmulatorResponse.error(400, "400: Bad Request"), false);
                return;
            }
            EmulatorRequest received = EmulatorRequest.from(request, EmulatorServer.this.clock.instant());
            if (HttpHeaderValues.WEBSOCKET.contentEqualsIgnoreCase(request.headers().get(HttpHeaderNames.UPGRADE))) {
                upgrade(context, request, received);
                return;
            }
            boolean keepAlive = HttpUtil.isKeepAlive(request);
            EmulatorServer.this.requests.execute(() -> {
                EmulatorResponse response;
                try {
                    response = EmulatorServer.this.http.handle(received);
                }
                catch (RuntimeException ex) {
                    log.warn("Emulator failed to answer {}", received, ex);
                    response = EmulatorResponse.error(500, "500: Internal Server Error");
                }
                write(channel, response, keepAlive);
            });
        }

        private void upgrade(ChannelHandlerContext context, FullHttpRequest request, EmulatorRequest received) {
            Channel channel = context.channel();
            if (!EmulatorServer.this.gateway.accepts(received)) {
                write(channel, EmulatorResponse.error(503, "503: Service Unavailable"), false);
                return;
            }
            WebSocketServerHandshaker handshaker = new WebSocketServerHandshakerFactory(
                    "ws://" + request.headers().get(HttpHeaderNames.HOST) + "/", null, true, MAX_FRAME_BYTES)
                .newHandshaker(request);
            if (handshaker == null) {
                WebSocketServerHandshakerFactory.sendUnsupportedVersionResponse(channel);
                return;
            }
            boolean zlib = received.queryParam("compress").filter("zlib-stream"::equals).isPresent();
            GatewayConnection connection = new GatewayConnection(channel, zlib, EmulatorServer.this.clock);
            // the frame handlers are in place before the 101 goes out: the client may
            // send at once
            context.pipeline().replace(this, "gateway", new Frames(EmulatorServer.this.gateway, connection));
            context.pipeline().addBefore("gateway", "aggregator", new WebSocketFrameAggregator(MAX_FRAME_BYTES));
            handshaker.handshake(channel, request).addListener((future) -> {
                if (future.isSuccess()) {
                    EmulatorServer.this.gateway.opened(connection);
                }
                else {
                    channel.close();
                }
            });
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
            log.debug("Emulator connection failed: {}", cause.toString());
            context.close();
        }

    }

    /**
     * A gateway connection's frames after the upgrade: data to the gateway, pings
     * answered, closes reported.
     */
    private static final class Frames extends SimpleChannelInboundHandler<WebSocketFrame> {

        private final GatewayHandler gateway;

        private final GatewayConnection connection;

        Frames(GatewayHandler gateway, GatewayConnection connection) {
            this.gateway = gateway;
            this.connection = connection;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext context, WebSocketFrame frame) {
            switch (frame) {
                case TextWebSocketFrame text -> this.gateway.received(this.connection, text.text());
                case BinaryWebSocketFrame binary ->
                    this.gateway.received(this.connection, binary.content().toString(StandardCharsets.UTF_8));
                case PingWebSocketFrame ping -> context.writeAndFlush(new PongWebSocketFrame(ping.content().retain()));
                case CloseWebSocketFrame close -> {
                    this.connection.closeReceived();
                    this.gateway.closedByClient(this.connection, (close.statusCode() < 0) ? 1005 : close.statusCode());
                }
                default -> {
                    // pongs need no answer
                }
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext context) {
            this.connection.ended();
            this.gateway.ended(this.connection);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
            log.debug("Emulator gateway connection failed: {}", cause.toString());
            context.close();
        }

    }

}
