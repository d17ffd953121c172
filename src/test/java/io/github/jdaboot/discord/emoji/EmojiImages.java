package io.github.jdaboot.discord.emoji;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Small, valid images for the emoji tests: a PNG of one colour, and the headers of GIF
 * and WebP files (enough for the checks of the format, which read the first bytes).
 */
final class EmojiImages {

    private EmojiImages() {
    }

    /** A 16x16 PNG of one colour; different colours make different images. */
    static byte[] png(int rgb) {
        int size = 16;
        byte[] raw = new byte[size * (1 + size * 3)];
        for (int y = 0; y < size; y++) {
            int row = y * (1 + size * 3);
            for (int x = 0; x < size; x++) {
                raw[row + 1 + x * 3] = (byte) (rgb >> 16);
                raw[row + 2 + x * 3] = (byte) (rgb >> 8);
                raw[row + 3 + x * 3] = (byte) rgb;
            }
        }
        Deflater deflater = new Deflater();
        deflater.setInput(raw);
        deflater.finish();
        byte[] buffer = new byte[raw.length + 64];
        int length = deflater.deflate(buffer);
        deflater.end();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.writeBytes(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' });
        chunk(png, "IHDR", ByteBuffer.allocate(13).putInt(size).putInt(size).put((byte) 8).put((byte) 2).array());
        byte[] data = new byte[length];
        System.arraycopy(buffer, 0, data, 0, length);
        chunk(png, "IDAT", data);
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    /** The smallest GIF: one transparent pixel. */
    static byte[] gif() {
        return new byte[] { 'G', 'I', 'F', '8', '9', 'a', 1, 0, 1, 0, (byte) 0x80, 0, 0, 0, 0, 0, (byte) 0xff,
                (byte) 0xff, (byte) 0xff, 0x21, (byte) 0xf9, 4, 1, 0, 0, 0, 0, 0x2c, 0, 0, 0, 0, 1, 0, 1, 0, 0, 2, 2,
                0x44, 1, 0, 0x3b };
    }

    /** A WebP file's header with a lossless one-pixel image. */
    static byte[] webp() {
        byte[] vp8l = { 0x2f, 0, 0, 0, 0, (byte) 0x88, (byte) 0x88, 8, 0 };
        ByteBuffer webp = ByteBuffer.allocate(12 + 8 + vp8l.length + 1).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        webp.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(4 + 8 + vp8l.length + 1);
        webp.put("WEBP".getBytes(StandardCharsets.US_ASCII)).put("VP8L".getBytes(StandardCharsets.US_ASCII));
        webp.putInt(vp8l.length).put(vp8l).put((byte) 0);
        return webp.array();
    }

    private static void chunk(ByteArrayOutputStream png, String type, byte[] data) {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        png.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        png.writeBytes(name);
        png.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        png.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

}
