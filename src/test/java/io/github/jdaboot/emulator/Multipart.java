package io.github.jdaboot.emulator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Reads a {@code multipart/form-data} body, as JDA sends messages with files: a {@code payload_json}
 * part and one part per file.
 */
final class Multipart {

    private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");
    private static final Pattern NAME = Pattern.compile("\\bname=\"([^\"]*)\"");
    private static final Pattern FILENAME = Pattern.compile("\\bfilename=\"([^\"]*)\"");

    /**
     * One part of the body.
     *
     * @param name the form field name
     * @param filename the file name, null for a plain field
     * @param contentType the part's media type, if given
     * @param data the bytes
     */
    record Part(String name, @Nullable String filename, @Nullable String contentType, byte[] data) {

        String text() {
            return new String(this.data, StandardCharsets.UTF_8);
        }
    }

    private Multipart() {
    }

    static boolean isMultipart(HttpRequest request) {
        String type = request.header("content-type");
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
    }

    static List<Part> parse(HttpRequest request) {
        Matcher boundaryMatcher = BOUNDARY.matcher(String.valueOf(request.header("content-type")));
        if (!boundaryMatcher.find()) {
            throw new IllegalArgumentException("multipart body without boundary");
        }
        byte[] delimiter = ("--" + boundaryMatcher.group(1)).getBytes(StandardCharsets.US_ASCII);
        byte[] body = request.body();
        List<Part> parts = new ArrayList<>();
        int position = indexOf(body, delimiter, 0);
        while (position >= 0) {
            int afterDelimiter = position + delimiter.length;
            if (afterDelimiter + 1 < body.length && body[afterDelimiter] == '-' && body[afterDelimiter + 1] == '-') {
                break;
            }
            int headersStart = afterDelimiter + 2;
            int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), headersStart);
            if (headersEnd < 0) {
                break;
            }
            String headers = new String(body, headersStart, headersEnd - headersStart, StandardCharsets.UTF_8);
            int dataStart = headersEnd + 4;
            int next = indexOf(body, delimiter, dataStart);
            if (next < 0) {
                break;
            }
            byte[] data = Arrays.copyOfRange(body, dataStart, Math.max(dataStart, next - 2));
            String name = find(NAME, headers);
            String contentType = null;
            for (String line : headers.split("\r\n")) {
                if (line.toLowerCase(Locale.ROOT).startsWith("content-type:")) {
                    contentType = line.substring("content-type:".length()).trim();
                }
            }
            parts.add(new Part((name != null) ? name : "", find(FILENAME, headers), contentType, data));
            position = next;
        }
        return parts;
    }

    private static @Nullable String find(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? matcher.group(1) : null;
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = Math.max(0, from); i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
