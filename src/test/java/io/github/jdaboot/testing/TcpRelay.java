package io.github.jdaboot.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP relay on a free loopback port to a target port, that a test can cut: every
 * connection through it is closed and new ones are closed as soon as they are accepted,
 * as for a process cut off from the network, until {@link #heal()}. Used between one bot
 * process and Redis.
 */
public final class TcpRelay implements AutoCloseable {

    private final ServerSocket server;

    private final int target;

    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();

    private volatile boolean cut;

    private TcpRelay(ServerSocket server, int target) {
        this.server = server;
        this.target = target;
        Thread.ofPlatform().daemon().name("tcp-relay-" + server.getLocalPort()).start(this::accept);
    }

    /** A relay to this port on loopback, cut from the start when {@code cut}. */
    public static TcpRelay to(int target, boolean cut) throws IOException {
        TcpRelay relay = new TcpRelay(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), target);
        relay.cut = cut;
        return relay;
    }

    private void accept() {
        while (!this.server.isClosed()) {
            Socket client;
            try {
                client = this.server.accept();
            }
            catch (IOException ex) {
                return;
            }
            if (this.cut) {
                close(client);
                continue;
            }
            try {
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), this.target);
                this.sockets.add(client);
                this.sockets.add(upstream);
                Thread.ofVirtual().start(() -> pump(client, upstream));
                Thread.ofVirtual().start(() -> pump(upstream, client));
            }
            catch (IOException ex) {
                close(client);
            }
        }
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[8192];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                out.write(buffer, 0, read);
                out.flush();
            }
        }
        catch (IOException ex) {
            // cut, or closed by either side
        }
        finally {
            close(from);
            close(to);
        }
    }

    private void close(Socket socket) {
        this.sockets.remove(socket);
        try {
            socket.close();
        }
        catch (IOException ex) {
            // closed already
        }
    }

    /** Closes every connection through the relay and refuses new ones. */
    public void cut() {
        this.cut = true;
        this.sockets.forEach(this::close);
    }

    /** Lets connections through again. */
    public void heal() {
        this.cut = false;
    }

    public int port() {
        return this.server.getLocalPort();
    }

    @Override
    public void close() throws IOException {
        this.server.close();
        this.sockets.forEach(this::close);
    }

}
