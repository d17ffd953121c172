package io.github.jdaboot.emulator;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.io.ByteArrayOutputStream;

/**
 * The server side of one WebSocket connection (RFC 6455): reads the client's masked frames,
 * writes unmasked frames, answers pings. Writes are serialized; reads happen on one thread.
 */
final class WebSocketConnection {

    static final int OP_CONTINUATION = 0x0;
    static final int OP_TEXT = 0x1;
    static final int OP_BINARY = 0x2;
    static final int OP_CLOSE = 0x8;
    static final int OP_PING = 0x9;
    static final int OP_PONG = 0xA;

    private static final int MAX_MESSAGE = 16 * 1024 * 1024;

    /** A complete message from the client: text, binary, or the client's close frame. */
    record Message(int opcode, byte[] data) {

        String text() {
            return new String(this.data, StandardCharsets.UTF_8);
        }

        int closeCode() {
            return (this.data.length >= 2) ? ((this.data[0] & 0xFF) << 8) | (this.data[1] & 0xFF) : 1005;
        }
    }

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final Object writeLock = new Object();
    private volatile boolean closeSent;

    WebSocketConnection(Socket socket, InputStream in, OutputStream out) {
        this.socket = socket;
        this.in = in;
        this.out = out;
    }

    /**
     * Reads the next complete data message or the client's close frame. Pings are answered here.
     * @return the message
     * @throws IOException when the connection is gone (EOFException when it ended without a close frame)
     */
    Message read() throws IOException {
        ByteArrayOutputStream assembled = null;
        int messageOpcode = -1;
        while (true) {
            int b0 = readByte();
            int b1 = readByte();
            boolean fin = (b0 & 0x80) != 0;
            int opcode = b0 & 0x0F;
            boolean masked = (b1 & 0x80) != 0;
            long length = b1 & 0x7F;
            if (length == 126) {
                length = ((long) readByte() << 8) | readByte();
            }
            else if (length == 127) {
                length = 0;
                for (int i = 0; i < 8; i++) {
                    length = (length << 8) | readByte();
                }
            }
            if (length > MAX_MESSAGE) {
                throw new IOException("frame too large: " + length);
            }
            byte[] mask = masked ? this.in.readNBytes(4) : null;
            byte[] payload = this.in.readNBytes((int) length);
            if (payload.length != length || (masked && mask.length != 4)) {
                throw new EOFException("connection ended inside a frame");
            }
            if (masked) {
                for (int i = 0; i < payload.length; i++) {
                    payload[i] ^= mask[i & 3];
                }
            }
            switch (opcode) {
                case OP_PING -> sendFrame(OP_PONG, payload);
                case OP_PONG -> {
                    // nothing to do
                }
                case OP_CLOSE -> {
                    return new Message(OP_CLOSE, payload);
                }
                case OP_TEXT, OP_BINARY, OP_CONTINUATION -> {
                    if (opcode != OP_CONTINUATION) {
                        messageOpcode = opcode;
                        assembled = new ByteArrayOutputStream();
                    }
                    if (assembled == null) {
                        throw new IOException("continuation frame without a start");
                    }
                    assembled.write(payload);
                    if (assembled.size() > MAX_MESSAGE) {
                        throw new IOException("message too large");
                    }
                    if (fin) {
                        return new Message(messageOpcode, assembled.toByteArray());
                    }
                }
                default -> throw new IOException("unknown opcode " + opcode);
            }
        }
    }

    private int readByte() throws IOException {
        int b = this.in.read();
        if (b < 0) {
            throw new EOFException("connection ended");
        }
        return b;
    }

    void sendText(String text) throws IOException {
        sendFrame(OP_TEXT, text.getBytes(StandardCharsets.UTF_8));
    }

    void sendBinary(byte[] data) throws IOException {
        sendFrame(OP_BINARY, data);
    }

    /** Sends a close frame; the socket itself is closed when the client answers or after a second. */
    void close(int code, String reason) {
        byte[] text = reason.getBytes(StandardCharsets.UTF_8);
        ByteBuffer payload = ByteBuffer.allocate(2 + text.length).putShort((short) code).put(text);
        try {
            synchronized (this.writeLock) {
                if (this.closeSent) {
                    // ours went first and this answers the client's: the handshake is complete
                    abort();
                    return;
                }
                writeFrame(OP_CLOSE, payload.array());
                this.closeSent = true;
            }
        }
        catch (IOException ex) {
            abort();
            return;
        }
        Thread.ofVirtual().start(() -> {
            try {
                TimeUnit.SECONDS.sleep(1);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            abort();
        });
    }

    boolean closeSent() {
        return this.closeSent;
    }

    /** Ends the TCP connection without a close frame: the client sees an abnormal closure (1006). */
    void abort() {
        try {
            this.socket.close();
        }
        catch (IOException ex) {
            // already gone
        }
    }

    boolean isOpen() {
        return !this.socket.isClosed();
    }

    private void sendFrame(int opcode, byte[] payload) throws IOException {
        synchronized (this.writeLock) {
            if (this.closeSent) {
                throw new IOException("close frame already sent");
            }
            writeFrame(opcode, payload);
        }
    }

    /** Writes one unfragmented frame; the caller holds the write lock. */
    private void writeFrame(int opcode, byte[] payload) throws IOException {
        this.out.write(0x80 | opcode);
        int length = payload.length;
        if (length < 126) {
            this.out.write(length);
        }
        else if (length <= 0xFFFF) {
            this.out.write(126);
            this.out.write(length >>> 8);
            this.out.write(length & 0xFF);
        }
        else {
            this.out.write(127);
            long l = length;
            for (int i = 7; i >= 0; i--) {
                this.out.write((int) (l >>> (8 * i)) & 0xFF);
            }
        }
        this.out.write(payload);
        this.out.flush();
    }
}
