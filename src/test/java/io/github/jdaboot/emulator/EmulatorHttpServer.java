package io.github.jdaboot.emulator;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small HTTP/1.1 server with WebSocket upgrade, on plain sockets and one virtual thread per
 * connection. Raw sockets give the emulator full control over the wire: it can close a WebSocket
 * with any code, drop a connection without a close frame, or vanish and come back on the same port.
 */
final class EmulatorHttpServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmulatorHttpServer.class);

    private static final String WEBSOCKET_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    private static final int MAX_HEADER_BYTES = 64 * 1024;
    private static final int MAX_BODY_BYTES = 32 * 1024 * 1024;

    /** Answers a plain HTTP request. */
    interface Handler {

        HttpResponse handle(HttpRequest request) throws Exception;
    }

    /** Takes over a connection after the WebSocket handshake; returns when the connection is done. */
    interface WebSocketHandler {

        /** Whether to accept this upgrade now; a refused one gets 503, as an unreachable gateway would. */
        boolean accepts(HttpRequest upgrade);

        void serve(HttpRequest upgrade, WebSocketConnection connection);
    }

    private final InetAddress address;
    private final Handler handler;
    private final WebSocketHandler webSocketHandler;
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private final AtomicInteger acceptedConnections = new AtomicInteger();
    private volatile @Nullable ServerSocket serverSocket;
    private volatile int port;

    EmulatorHttpServer(InetAddress address, int port, Handler handler, WebSocketHandler webSocketHandler) {
        this.address = address;
        this.port = port;
        this.handler = handler;
        this.webSocketHandler = webSocketHandler;
    }

    /** Binds the port (0 = a free one, remembered for later restarts) and starts accepting. */
    synchronized void start() throws IOException {
        if (this.serverSocket != null) {
            return;
        }
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(this.address, this.port), 200);
        this.port = socket.getLocalPort();
        this.serverSocket = socket;
        Thread.ofVirtual().name("emulator-accept-" + this.port).start(() -> acceptLoop(socket));
    }

    int port() {
        return this.port;
    }

    boolean isRunning() {
        return this.serverSocket != null;
    }

    int acceptedConnections() {
        return this.acceptedConnections.get();
    }

    /** Stops accepting and drops every open connection, WebSockets included, without a close frame. */
    @Override
    public synchronized void close() {
        ServerSocket socket = this.serverSocket;
        this.serverSocket = null;
        if (socket != null) {
            try {
                socket.close();
            }
            catch (IOException ex) {
                // closing anyway
            }
        }
        for (Socket connection : this.connections) {
            try {
                connection.close();
            }
            catch (IOException ex) {
                // closing anyway
            }
        }
        this.connections.clear();
    }

    private void acceptLoop(ServerSocket server) {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                this.acceptedConnections.incrementAndGet();
                this.connections.add(socket);
                Thread.ofVirtual().name("emulator-conn").start(() -> serve(socket));
            }
            catch (IOException ex) {
                if (!server.isClosed()) {
                    log.warn("Emulator accept failed", ex);
                }
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            socket.setTcpNoDelay(true);
            InputStream in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
            OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
            while (true) {
                HttpRequest request;
                try {
                    request = readRequest(in);
                }
                catch (BadRequest ex) {
                    write(out, HttpResponse.json(ex.status, "{\"message\":\"" + ex.getMessage() + "\",\"code\":0}"),
                            false);
                    return;
                }
                if (request == null) {
                    return;
                }
                if (isWebSocketUpgrade(request)) {
                    if (!this.webSocketHandler.accepts(request)) {
                        write(out, HttpResponse.json(503, "{\"message\":\"gateway unavailable\",\"code\":0}"),
                                false);
                        return;
                    }
                    acceptUpgrade(request, out);
                    this.webSocketHandler.serve(request, new WebSocketConnection(socket, in, out));
                    return;
                }
                HttpResponse response;
                try {
                    response = this.handler.handle(request);
                }
                catch (Exception ex) {
                    log.warn("Emulator failed to answer {}", request, ex);
                    response = HttpResponse.json(500, "{\"message\":\"emulator error\",\"code\":0}");
                }
                boolean keepAlive = !"close".equalsIgnoreCase(request.header("connection"));
                write(out, response, keepAlive);
                if (!keepAlive) {
                    return;
                }
            }
        }
        catch (SocketException ex) {
            // the peer or close() ended the connection
        }
        catch (IOException ex) {
            log.debug("Emulator connection ended: {}", ex.toString());
        }
        finally {
            this.connections.remove(socket);
        }
    }

    private static boolean isWebSocketUpgrade(HttpRequest request) {
        String upgrade = request.header("upgrade");
        return "GET".equals(request.method()) && upgrade != null && upgrade.equalsIgnoreCase("websocket")
                && request.header("sec-websocket-key") != null;
    }

    private static void acceptUpgrade(HttpRequest request, OutputStream out) throws IOException {
        String accept;
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            byte[] digest = sha1.digest((request.header("sec-websocket-key") + WEBSOCKET_GUID)
                .getBytes(StandardCharsets.US_ASCII));
            accept = Base64.getEncoder().encodeToString(digest);
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
        String head = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: " + accept + "\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static void write(OutputStream out, HttpResponse response, boolean keepAlive) throws IOException {
        StringBuilder head = new StringBuilder(256);
        head.append("HTTP/1.1 ").append(response.status()).append(' ').append(HttpResponse.reason(response.status()))
            .append("\r\n");
        response.headers().forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("Content-Length: ").append(response.body().length).append("\r\n");
        if (!keepAlive) {
            head.append("Connection: close\r\n");
        }
        head.append("\r\n");
        out.write(head.toString().getBytes(StandardCharsets.UTF_8));
        out.write(response.body());
        out.flush();
    }

    private static @Nullable HttpRequest readRequest(InputStream in) throws IOException {
        String requestLine = readLine(in, true);
        if (requestLine == null) {
            return null;
        }
        String[] parts = requestLine.split(" ");
        if (parts.length != 3 || !parts[2].startsWith("HTTP/1.")) {
            throw new BadRequest(400, "malformed request line");
        }
        Map<String, String> headers = new HashMap<>();
        int headerBytes = 0;
        while (true) {
            String line = readLine(in, false);
            if (line == null) {
                throw new BadRequest(400, "connection ended in the headers");
            }
            if (line.isEmpty()) {
                break;
            }
            headerBytes += line.length();
            if (headerBytes > MAX_HEADER_BYTES) {
                throw new BadRequest(400, "headers too large");
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new BadRequest(400, "malformed header");
            }
            headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
        byte[] body;
        String transferEncoding = headers.get("transfer-encoding");
        if (transferEncoding != null && transferEncoding.toLowerCase(Locale.ROOT).contains("chunked")) {
            body = readChunked(in);
        }
        else {
            String length = headers.get("content-length");
            int contentLength = 0;
            if (length != null) {
                try {
                    contentLength = Integer.parseInt(length);
                }
                catch (NumberFormatException ex) {
                    throw new BadRequest(400, "bad content-length");
                }
            }
            if (contentLength < 0 || contentLength > MAX_BODY_BYTES) {
                throw new BadRequest(413, "body too large");
            }
            body = in.readNBytes(contentLength);
            if (body.length != contentLength) {
                throw new BadRequest(400, "connection ended in the body");
            }
        }
        return HttpRequest.of(parts[0], parts[1], headers, body);
    }

    private static byte[] readChunked(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine(in, false);
            if (sizeLine == null) {
                throw new BadRequest(400, "connection ended in a chunk");
            }
            int semicolon = sizeLine.indexOf(';');
            int size;
            try {
                size = Integer.parseInt((semicolon < 0) ? sizeLine.trim() : sizeLine.substring(0, semicolon).trim(), 16);
            }
            catch (NumberFormatException ex) {
                throw new BadRequest(400, "bad chunk size");
            }
            if (size == 0) {
                while (true) {
                    String trailer = readLine(in, false);
                    if (trailer == null || trailer.isEmpty()) {
                        return body.toByteArray();
                    }
                }
            }
            if (body.size() + size > MAX_BODY_BYTES) {
                throw new BadRequest(413, "body too large");
            }
            body.write(in.readNBytes(size));
            readLine(in, false);
        }
    }

    /** Reads one CRLF-terminated line; null at end of stream before any byte. */
    private static @Nullable String readLine(InputStream in, boolean allowEof) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        while (true) {
            int b = in.read();
            if (b < 0) {
                if (line.size() == 0 && allowEof) {
                    return null;
                }
                return (line.size() == 0) ? null : line.toString(StandardCharsets.UTF_8);
            }
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int end = (bytes.length > 0 && bytes[bytes.length - 1] == '\r') ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, end, StandardCharsets.UTF_8);
            }
            line.write(b);
            if (line.size() > MAX_HEADER_BYTES) {
                throw new BadRequest(400, "line too long");
            }
        }
    }

    private static final class BadRequest extends IOException {

        private final int status;

        BadRequest(int status, String message) {
            super(message);
            this.status = status;
        }
    }
}
